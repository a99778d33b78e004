/**
 * Every input's name and default, in one place shared by action.yml (checked by a test),
 * the action, the CLI and the tests. Names and defaults are the contract
 * (../shared/CONTRACT.md): renaming one breaks users' workflows.
 */
export const Inputs = {
  Host: 'host',
  Port: 'port',
  User: 'user',
  Password: 'password',
  Account: 'account',
  Tls: 'tls',
  TlsVerify: 'tls-verify',
  CaCert: 'ca-cert',
  TlsFingerprint: 'tls-fingerprint',
  TlsServername: 'tls-servername',
  TlsMaxVersion: 'tls-max-version',
  Encoding: 'encoding',
  Timeout: 'timeout',
  SourceAddress: 'source-address',
  LocalDir: 'local-dir',
  Files: 'files',
  RemoteDir: 'remote-dir',
  IfNoFilesFound: 'if-no-files-found',
  FollowSymlinks: 'follow-symlinks',
  Sync: 'sync',
  Manifest: 'manifest',
  Delete: 'delete',
  DryRun: 'dry-run',
  Adopt: 'adopt',
  Lock: 'lock',
  LockTimeout: 'lock-timeout',
  Concurrency: 'concurrency',
  Retries: 'retries',
  Atomic: 'atomic',
  Verify: 'verify',
  FileMode: 'file-mode',
  DirMode: 'dir-mode',
  Listing: 'listing',
  ReportFile: 'report-file',
  Cutover: 'cutover',
  Rollback: 'rollback',
  MaxDelete: 'max-delete',
  Protocol: 'protocol',
  SshKey: 'ssh-key',
  SshPassphrase: 'ssh-passphrase',
  SshHostKey: 'ssh-host-key'
} as const

export type InputName = (typeof Inputs)[keyof typeof Inputs]

/** Defaults as action.yml declares them ('' = no default there). */
export const InputDefaults: Record<InputName, string> = {
  host: '',
  port: '',
  user: 'anonymous',
  password: '',
  account: '',
  tls: 'explicit',
  'tls-verify': 'true',
  'ca-cert': '',
  'tls-fingerprint': '',
  'tls-servername': '',
  'tls-max-version': '',
  encoding: 'utf-8',
  timeout: '30',
  'source-address': '',
  'local-dir': '.',
  files: '**',
  'remote-dir': '.',
  'if-no-files-found': 'error',
  'follow-symlinks': 'false',
  sync: 'changed',
  manifest: '.ftps-deploy-manifest.json',
  delete: 'false',
  'dry-run': 'false',
  adopt: 'auto',
  lock: 'true',
  'lock-timeout': '600',
  concurrency: '4',
  retries: '3',
  atomic: 'true',
  verify: 'true',
  'file-mode': '',
  'dir-mode': '',
  listing: 'flat',
  'report-file': '',
  cutover: 'end',
  rollback: 'false',
  'max-delete': '50%',
  protocol: 'ftps',
  'ssh-key': '',
  'ssh-passphrase': '',
  'ssh-host-key': ''
}

/** Inputs that take true/false (verify also takes hash: `--verify` alone still means true). */
export const BooleanInputs: readonly InputName[] = [
  Inputs.TlsVerify,
  Inputs.FollowSymlinks,
  Inputs.Delete,
  Inputs.DryRun,
  Inputs.Lock,
  Inputs.Atomic,
  Inputs.Verify,
  Inputs.Rollback
]

export const Outputs = {
  Listing: 'listing',
  Uploaded: 'uploaded',
  FilesUploaded: 'files-uploaded',
  FilesSkipped: 'files-skipped',
  FilesDeleted: 'files-deleted',
  BytesUploaded: 'bytes-uploaded',
  TlsFingerprint: 'tls-fingerprint',
  SshHostKey: 'ssh-host-key',
  ReportFile: 'report-file'
} as const
