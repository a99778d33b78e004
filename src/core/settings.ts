/** The typed settings of a run (config/settings.ts parses the inputs into them): types only. */
export type TlsMode = 'explicit' | 'implicit' | 'none'
export type NameEncoding = 'utf8' | 'latin1'
export type IfNoFilesFound = 'error' | 'warn' | 'ignore'
export type SyncMode = 'changed' | 'all'
export type ListingMode = 'flat' | 'recursive' | 'none'
export type AdoptMode = 'auto' | 'download' | 'size' | 'none'
/** When uploaded files go live: all in one burst at the end, each when checked, or the whole directory at once. */
export type CutoverMode = 'end' | 'file' | 'swap'
/** The most files a run may delete: a count, or a percentage of the files the manifest lists (100: no limit). */
export type DeleteLimit = { count: number } | { percent: number }

/** `protocol` and the SSH inputs (CONTRACT "Protocol"). */
export interface SshSettings {
  /** `ftps`, or `sftp` (SSH) for hosts that offer only SSH. */
  protocol: 'ftps' | 'sftp'
  /** A private key's text (OpenSSH or PEM), checked to parse with the passphrase before any connection. Never logged. */
  sshKey: string | undefined
  /** Where the key came from, as errors name it: its file's path, or 'the key given as text' ('' when none). */
  sshKeyFrom: string
  /** The key's passphrase ('' when none). Never logged. */
  sshPassphrase: string
  /** Pinned host keys as SHA256:<base64> fingerprints (known_hosts lines are turned into them). */
  sshHostKeys: string[]
  /** `ssh-host-key: any`: the host key is not checked (warns). */
  sshHostKeyAny: boolean
}

export interface Settings extends SshSettings {
  /** Server name or IP address. */
  host: string
  /** Control port: 21, or 990 for implicit TLS, unless given. */
  port: number
  /** Login name. */
  user: string
  /** Password sent with PASS ('anonymous@' for anonymous without one). Never logged. */
  password: string
  /** Sent with ACCT when the server answers 332; empty when not given. */
  account: string
  /** How the control and data connections are protected. */
  tls: TlsMode
  /** Verify the certificate chain and host name (unless a fingerprint pins the certificate). */
  tlsVerify: boolean
  /** Extra trusted CA certificates (PEM), in addition to the system CAs. */
  caCert: string | undefined
  /** Pinned SHA-256 certificate fingerprints as colon-separated uppercase hex. */
  tlsFingerprints: string[]
  /** Name sent as SNI and checked against the certificate. */
  tlsServername: string
  /** Highest TLS version to negotiate, if capped. */
  tlsMaxVersion: 'TLSv1.2' | 'TLSv1.3' | undefined
  /** Encoding of path names on the control connection. */
  encoding: NameEncoding
  /** Connect and idle timeout in milliseconds (control and data). */
  timeoutMs: number
  /** Local address to bind control and data sockets to. */
  sourceAddress: string | undefined
  /** Absolute local root directory. */
  localDir: string
  /** Glob patterns relative to localDir; a leading '!' excludes. */
  files: string[]
  /** Remote target directory, relative to the login directory unless absolute. */
  remoteDir: string
  /** What to do when the patterns match no file. */
  ifNoFilesFound: IfNoFilesFound
  /** Upload symbolic links as their targets' content (only targets inside localDir). */
  followSymlinks: boolean
  /** Which files to upload: those the manifest shows changed, or all. */
  sync: SyncMode
  /** The manifest's file name inside remoteDir. */
  manifest: string
  /** Delete remote files the previous manifest lists and the new set lacks. */
  delete: boolean
  /** Report the plan without changing anything on the server. */
  dryRun: boolean
  /** How a file the manifest does not vouch for, held by the server at its size, is checked before it is adopted. */
  adopt: AdoptMode
  /** Hold a lock on remoteDir for the run. */
  lock: boolean
  /** How long to wait for another run's lock (ms; 0: fail at once). */
  lockTimeoutMs: number
  /** Parallel connections. */
  concurrency: number
  /** Retries per file after transient failures. */
  retries: number
  /** Upload to a temporary name, then rename over the target. */
  atomic: boolean
  /** Compare the remote size with the local size after each upload. */
  verify: boolean
  /** Also compare the server's hash of each upload with the bytes sent (verify: hash). */
  verifyHash: boolean
  /** Octal mode set on every uploaded file (SITE CHMOD), if any. */
  fileMode: string | undefined
  /** Octal mode set on every directory the run creates, if any. */
  dirMode: string | undefined
  /** Absolute path for the JSON report of the whole result; undefined: the front end decides. */
  reportFile: string | undefined
  /** What the listing output holds. */
  listing: ListingMode
  /** When uploaded files go live (`cutover`; `file` where atomic is off). */
  cutover: CutoverMode
  /** cutover swap: put the previous release back, upload nothing. */
  rollback: boolean
  /** The most files one run may delete (`max-delete`). */
  maxDelete: DeleteLimit
}
