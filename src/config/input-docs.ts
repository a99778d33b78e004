// Generated from action.yml by `npm run docs` (scripts/generate-docs.mjs). Do not edit: a test fails when stale.

export interface InputDoc {
  name: string
  /** The README and --help group inputs under these headings, in this order. */
  group: string
  description: string
  /** action.yml's default ('' = none). */
  default: string
  required: boolean
}

export const INPUT_DOCS: readonly InputDoc[] = [
  {
    name: 'host',
    group: 'Connection',
    description: 'Server name or IP address.',
    default: '',
    required: true
  },
  {
    name: 'port',
    group: 'Connection',
    description: 'Control port (1 to 65535). Empty means 21, or 990 with `tls: implicit`.',
    default: '',
    required: false
  },
  {
    name: 'user',
    group: 'Connection',
    description: 'Login name.',
    default: 'anonymous',
    required: false
  },
  {
    name: 'password',
    group: 'Connection',
    description:
      'Password (use a secret). Masked at once; with user `anonymous` and no password, `anonymous@` is sent, as ftplib does.',
    default: '',
    required: false
  },
  {
    name: 'account',
    group: 'Connection',
    description:
      'Sent with ACCT when the server answers USER/PASS with 332 (RFC 959). A 332 with no account is an error.',
    default: '',
    required: false
  },
  {
    name: 'tls',
    group: 'Connection',
    description:
      '`explicit`: AUTH TLS on the control port, then PBSZ 0 and PROT P, each required to succeed. `implicit`: TLS from the first byte, then PBSZ 0 and PROT P. `none`: plain FTP (credentials and files travel in clear; warns).',
    default: 'explicit',
    required: false
  },
  {
    name: 'tls-verify',
    group: 'Connection',
    description: 'Verify the certificate chain and host name. `false` is a loud opt-in.',
    default: 'true',
    required: false
  },
  {
    name: 'ca-cert',
    group: 'Connection',
    description: 'PEM text, or a path to a PEM file, trusted in addition to the system CAs.',
    default: '',
    required: false
  },
  {
    name: 'tls-fingerprint',
    group: 'Connection',
    description:
      'SHA-256 fingerprint(s) of the server certificate (hex, colons optional, optional `sha256:` prefix; several separated by commas or newlines). A match is trusted even when self-signed; a mismatch always fails.',
    default: '',
    required: false
  },
  {
    name: 'tls-servername',
    group: 'Connection',
    description: 'Name sent as SNI and checked against the certificate. Empty means `host`.',
    default: '',
    required: false
  },
  {
    name: 'tls-max-version',
    group: 'Connection',
    description:
      '`1.2` caps the TLS version (escape hatch for servers whose TLS 1.3 data connections lose bytes). Empty means no cap.',
    default: '',
    required: false
  },
  {
    name: 'encoding',
    group: 'Connection',
    description: 'Encoding of file and directory names on the wire: `utf-8` or `latin1`.',
    default: 'utf-8',
    required: false
  },
  {
    name: 'timeout',
    group: 'Connection',
    description: 'Seconds for connecting and for an idle control or data connection; a number above 0.',
    default: '30',
    required: false
  },
  {
    name: 'source-address',
    group: 'Connection',
    description: 'Local IP address to bind control and data sockets to.',
    default: '',
    required: false
  },
  {
    name: 'local-dir',
    group: 'What to upload',
    description: "Local root; remote paths are the files' paths relative to it.",
    default: '.',
    required: false
  },
  {
    name: 'files',
    group: 'What to upload',
    description:
      'Newline-separated glob patterns relative to `local-dir`; a leading `!` excludes. Only regular files are uploaded; nothing outside `local-dir` is ever uploaded.',
    default: '**',
    required: false
  },
  {
    name: 'remote-dir',
    group: 'What to upload',
    description: 'Remote target directory, created with its parents as needed.',
    default: '.',
    required: false
  },
  {
    name: 'if-no-files-found',
    group: 'What to upload',
    description: '`error`, `warn` or `ignore` when the patterns match no file.',
    default: 'error',
    required: false
  },
  {
    name: 'follow-symlinks',
    group: 'What to upload',
    description:
      "`false`: symbolic links are skipped with a warning naming them. `true`: a link is uploaded as its target's content, only if the target lies inside `local-dir`.",
    default: 'false',
    required: false
  },
  {
    name: 'sync',
    group: 'Sync',
    description:
      '`changed`: a content-hash manifest stored on the server decides what to upload. `all`: upload every matched file.',
    default: 'changed',
    required: false
  },
  {
    name: 'manifest',
    group: 'Sync',
    description: "The manifest's file name inside `remote-dir`.",
    default: '.ftps-deploy-manifest.json',
    required: false
  },
  {
    name: 'delete',
    group: 'Sync',
    description:
      'Delete remote files that the previous manifest lists and the new file set lacks. Files the manifest never listed are never deleted.',
    default: 'false',
    required: false
  },
  {
    name: 'dry-run',
    group: 'Sync',
    description:
      'Connect, log in, read the manifest and the listing, report the plan and the outputs it would set; change nothing on the server.',
    default: 'false',
    required: false
  },
  {
    name: 'adopt',
    group: 'Sync',
    description:
      "What to do with a file that the manifest does not vouch for but the server already holds at the same size (a first deploy onto a site that is already there, a lost manifest). `auto`: compare content with the server's own hash command where FEAT offers one (HASH, XSHA256, XSHA512, XSHA1, XMD5), else upload it. `download`: download it and compare hashes (exact, costs the download). `size`: trust an equal size (fast; warns that edits keeping the size are missed). `none`: upload it. An adopted file is recorded in the manifest and counted in `files-skipped`.",
    default: 'auto',
    required: false
  },
  {
    name: 'lock',
    group: 'Sync',
    description:
      'Take a lock on `remote-dir` for the run (a `.ftps-deploy.lock` directory made with MKD, which fails if it exists), so two deploys to the same place never interleave. Released at the end, on failure and on cancel; a lock whose holder stopped renewing it for a minute is broken with a warning. A dry run takes none and reports one that is held.',
    default: 'true',
    required: false
  },
  {
    name: 'lock-timeout',
    group: 'Sync',
    description:
      "Seconds to wait for another run's lock before failing, naming the holder (its run and since when); `0` fails at once.",
    default: '600',
    required: false
  },
  {
    name: 'concurrency',
    group: 'Transfer',
    description: 'Parallel connections, each with its own control connection and TLS session (1 to 16).',
    default: '4',
    required: false
  },
  {
    name: 'retries',
    group: 'Transfer',
    description: 'Per-file retries after transient failures, with reconnect and backoff (0 to 100).',
    default: '3',
    required: false
  },
  {
    name: 'atomic',
    group: 'Transfer',
    description: 'Upload to a temporary name in the same directory, then rename over the target.',
    default: 'true',
    required: false
  },
  {
    name: 'verify',
    group: 'Transfer',
    description:
      "`true`: compare the remote size (SIZE, or the listing) with the local size after each upload. `hash`: also compare the server's hash of each uploaded file (HASH, XSHA256, XSHA512, XSHA1 or XMD5) with the hash of the bytes sent, before the rename; a mismatch is retried like a short upload. Where FEAT offers no hash command it warns once and checks sizes only. `false`: neither.",
    default: 'true',
    required: false
  },
  {
    name: 'file-mode',
    group: 'Transfer',
    description:
      "Octal mode such as `644` set on every uploaded file with `SITE CHMOD` (before the rename, so the file appears with it). Empty leaves the server's default. A server that refuses fails the run, naming the reply.",
    default: '',
    required: false
  },
  {
    name: 'dir-mode',
    group: 'Transfer',
    description: 'The same for every directory the run creates, such as `755`.',
    default: '',
    required: false
  },
  {
    name: 'listing',
    group: 'Transfer',
    description: 'What the `listing` output holds: `flat` (entries of `remote-dir`), `recursive`, or `none`.',
    default: 'flat',
    required: false
  },
  {
    name: 'report-file',
    group: 'Transfer',
    description:
      'Where to write the whole result as JSON (uploaded, skipped, adopted, deleted, listing, timings). Empty: a file under `RUNNER_TEMP` in the action, none in the CLI.',
    default: '',
    required: false
  },
  {
    name: 'protocol',
    group: 'Protocol',
    description:
      '`ftps`: FTP secured by TLS, as the inputs above say. `sftp`: the SSH File Transfer Protocol, for hosts that offer only SSH; the same engine (manifest, plan, lock, atomic replace, delete, dry run, adopt, modes, outputs) runs over it. `port` then defaults to 22.',
    default: 'ftps',
    required: false
  },
  {
    name: 'ssh-key',
    group: 'Protocol',
    description:
      '`protocol: sftp`: a private key (OpenSSH or PEM text, or a path to the file) to log in with instead of, or besides, `password`. Masked at once.',
    default: '',
    required: false
  },
  {
    name: 'ssh-passphrase',
    group: 'Protocol',
    description: "The key's passphrase (use a secret). Masked at once; the CLI reads it from FTPS_SSH_PASSPHRASE.",
    default: '',
    required: false
  },
  {
    name: 'ssh-host-key',
    group: 'Protocol',
    description:
      "The server's host key, always checked before any credential is sent: SHA-256 fingerprint(s) as `ssh-keygen -l` prints them (`SHA256:...`), or `known_hosts` lines, several separated by newlines. With none given the run fails before logging in, printing the server's fingerprint to pin. `any` turns the check off, with a loud warning.",
    default: '',
    required: false
  }
]
