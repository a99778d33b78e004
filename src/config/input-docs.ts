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

/** Each input: name, group, default, required, description, separated by tabs. */
const ROWS = [
  'host\tConnection\t\ttrue\tServer name or IP address.',
  'port\tConnection\t\tfalse\tControl port (1 to 65535). Empty means 21, or 990 with `tls: implicit`.',
  'user\tConnection\tanonymous\tfalse\tLogin name.',
  'password\tConnection\t\tfalse\tPassword (use a secret). Masked at once; with user `anonymous` and no password, `anonymous@` is sent, as ftplib does.',
  'account\tConnection\t\tfalse\tSent with ACCT when the server answers USER/PASS with 332 (RFC 959). A 332 with no account is an error.',
  'tls\tConnection\texplicit\tfalse\t`explicit`: AUTH TLS on the control port, then PBSZ 0 and PROT P, each required to succeed. `implicit`: TLS from the first byte, then PBSZ 0 and PROT P. `none`: plain FTP (credentials and files travel in clear; warns).',
  'tls-verify\tConnection\ttrue\tfalse\tVerify the certificate chain and host name. `false` is a loud opt-in.',
  'ca-cert\tConnection\t\tfalse\tPEM text, or a path to a PEM file, trusted in addition to the system CAs.',
  'tls-fingerprint\tConnection\t\tfalse\tSHA-256 fingerprint(s) of the server certificate (hex, colons optional, optional `sha256:` prefix; several separated by commas or newlines). A match is trusted even when self-signed; a mismatch always fails.',
  'tls-servername\tConnection\t\tfalse\tName sent as SNI and checked against the certificate. Empty means `host`.',
  'tls-max-version\tConnection\t\tfalse\t`1.2` caps the TLS version (escape hatch for servers whose TLS 1.3 data connections lose bytes). Empty means no cap.',
  'encoding\tConnection\tutf-8\tfalse\tEncoding of file and directory names on the wire: `utf-8` or `latin1`.',
  'timeout\tConnection\t30\tfalse\tSeconds for connecting and for an idle control or data connection; a number above 0.',
  'source-address\tConnection\t\tfalse\tLocal IP address to bind control and data sockets to.',
  "local-dir\tWhat to upload\t.\tfalse\tLocal root; remote paths are the files' paths relative to it.",
  'files\tWhat to upload\t**\tfalse\tNewline-separated glob patterns relative to `local-dir`; a leading `!` excludes. Only regular files are uploaded; nothing outside `local-dir` is ever uploaded.',
  'remote-dir\tWhat to upload\t.\tfalse\tRemote target directory, created with its parents as needed.',
  'if-no-files-found\tWhat to upload\terror\tfalse\t`error`, `warn` or `ignore` when the patterns match no file.',
  "follow-symlinks\tWhat to upload\tfalse\tfalse\t`false`: symbolic links are skipped with a warning naming them. `true`: a link is uploaded as its target's content, only if the target lies inside `local-dir`.",
  'sync\tSync\tchanged\tfalse\t`changed`: a content-hash manifest stored on the server decides what to upload. `all`: upload every matched file.',
  "manifest\tSync\t.ftps-deploy-manifest.json\tfalse\tThe manifest's file name inside `remote-dir`.",
  'delete\tSync\tfalse\tfalse\tDelete remote files that the previous manifest lists and the new file set lacks. Files the manifest never listed are never deleted.',
  'dry-run\tSync\tfalse\tfalse\tConnect, log in, read the manifest and the listing, report the plan and the outputs it would set; change nothing on the server.',
  "adopt\tSync\tauto\tfalse\tWhat to do with a file that the manifest does not vouch for but the server already holds at the same size (a first deploy onto a site that is already there, a lost manifest). `auto`: compare content with the server's own hash command where FEAT offers one (HASH, XSHA256, XSHA512, XSHA1, XMD5), else upload it. `download`: download it and compare hashes (exact, costs the download). `size`: trust an equal size (fast; warns that edits keeping the size are missed). `none`: upload it. An adopted file is recorded in the manifest and counted in `files-skipped`.",
  'lock\tSync\ttrue\tfalse\tTake a lock on `remote-dir` for the run (a `.ftps-deploy.lock` directory made with MKD, which fails if it exists), so two deploys to the same place never interleave. Released at the end, on failure and on cancel; a lock whose holder stopped renewing it for a minute is broken with a warning. A dry run takes none and reports one that is held.',
  "lock-timeout\tSync\t600\tfalse\tSeconds to wait for another run's lock before failing, naming the holder (its run and since when); `0` fails at once.",
  'cutover\tGoing live\tend\tfalse\tWhen uploaded files become what visitors get. `end`: every new and changed file is uploaded and checked under a temporary name first, then all go live in one burst of renames (new files, then replacements), then deletions; a run that fails or is cancelled before the burst changes nothing visitors see. `file`: each file goes live as soon as it is checked (new, then replaced, then deleted). `swap`: the whole `remote-dir` switches at once: a spare copy `<remote-dir>.ftps-deploy-next` is brought up to date, then `remote-dir` becomes `<remote-dir>.ftps-deploy-prev` and the spare copy `remote-dir` in one write (the server must rename directories). With `atomic: false` only `file` applies.',
  'rollback\tGoing live\tfalse\tfalse\tWith `cutover: swap`: put the previous release back in one write and upload nothing; fails clearly when there is no previous release.',
  'max-delete\tGoing live\t50%\tfalse\tThe most files one run may delete: a number, or a percentage of the files the manifest lists. A plan that would delete more than that, and more than 10 files, fails before anything changes, naming the count and the limit; a dry run says the same. `100%` means no limit.',
  'concurrency\tTransfer\t4\tfalse\tParallel connections, each with its own control connection and TLS session (1 to 16).',
  'retries\tTransfer\t3\tfalse\tPer-file retries after transient failures, with reconnect and backoff (0 to 100).',
  'atomic\tTransfer\ttrue\tfalse\tUpload to a temporary name in the same directory, then rename over the target.',
  "verify\tTransfer\ttrue\tfalse\t`true`: compare the remote size (SIZE, or the listing) with the local size after each upload. `hash`: also compare the server's hash of each uploaded file (HASH, XSHA256, XSHA512, XSHA1 or XMD5) with the hash of the bytes sent, before the rename; a mismatch is retried like a short upload. Where FEAT offers no hash command it warns once and checks sizes only. `false`: neither.",
  "file-mode\tTransfer\t\tfalse\tOctal mode such as `644` set on every uploaded file with `SITE CHMOD` (before the rename, so the file appears with it). Empty leaves the server's default. A server that refuses fails the run, naming the reply.",
  'dir-mode\tTransfer\t\tfalse\tThe same for every directory the run creates, such as `755`.',
  'listing\tTransfer\tflat\tfalse\tWhat the `listing` output holds: `flat` (entries of `remote-dir`), `recursive`, or `none`.',
  'report-file\tTransfer\t\tfalse\tWhere to write the whole result as JSON (uploaded, skipped, adopted, deleted, listing, timings). Empty: a file under `RUNNER_TEMP` in the action, none in the CLI.',
  'protocol\tProtocol\tftps\tfalse\t`ftps`: FTP secured by TLS, as the inputs above say. `sftp`: the SSH File Transfer Protocol, for hosts that offer only SSH; the same engine (manifest, plan, lock, atomic replace, delete, dry run, adopt, modes, outputs) runs over it. `port` then defaults to 22.',
  'ssh-key\tProtocol\t\tfalse\t`protocol: sftp`: a private key (OpenSSH or PEM text, or a path to the file) to log in with instead of, or besides, `password`. Masked at once.',
  "ssh-passphrase\tProtocol\t\tfalse\tThe key's passphrase (use a secret). Masked at once; the CLI reads it from FTPS_SSH_PASSPHRASE.",
  "ssh-host-key\tProtocol\t\tfalse\tThe server's host key, always checked before any credential is sent: SHA-256 fingerprint(s) as `ssh-keygen -l` prints them (`SHA256:...`), or `known_hosts` lines, several separated by newlines. With none given the run fails before logging in, printing the server's fingerprint to pin. `any` turns the check off, with a loud warning."
]

export const INPUT_DOCS: readonly InputDoc[] = ROWS.map(row => {
  const [name, group, value, required, description] = row.split('\t') as [string, string, string, string, string]
  return { name, group, default: value, required: required === 'true', description }
})
