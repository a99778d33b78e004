/**
 * The deploy, one way through: local files -> plan -> session -> transfers -> listing.
 * Side effects sit behind `DeployDeps` so the orchestration is testable without a network.
 */
import { FTPError } from 'basic-ftp'
import { DeployError, InputError } from './errors.js'
import { collectListing, ListingEntry } from './listing.js'
import { listLocalFiles, LocalFile } from './local-files.js'
import { Log } from './log.js'
import { planUploads, Upload } from './plan.js'
import { openSession, RemoteSession, SessionFactory } from './ftp/session.js'
import { Settings } from './settings.js'

export interface DeployResult {
  dryRun: boolean
  /** Remote paths relative to remote-dir that were (or, in a dry run, would be) uploaded. */
  uploaded: string[]
  bytesUploaded: number
  filesSkipped: number
  filesDeleted: number
  listing: ListingEntry[]
  tlsVersion: string
  fingerprint: string
  /** Absolute remote target directory. */
  remoteRoot: string
  durationMs: number
}

export interface DeployDeps {
  openSession: SessionFactory
  listLocalFiles: typeof listLocalFiles
  now: () => number
}

const defaultDeps: DeployDeps = { openSession, listLocalFiles, now: () => Date.now() }

async function findFiles(settings: Settings, log: Log, deps: DeployDeps): Promise<LocalFile[]> {
  const files = await deps.listLocalFiles(
    {
      localDir: settings.localDir,
      patterns: settings.files,
      followSymlinks: settings.followSymlinks,
      encoding: settings.encoding
    },
    log
  )
  const bytes = files.reduce((sum, f) => sum + f.size, 0)
  log.info(`${files.length} file(s), ${bytes} bytes, in ${settings.localDir}`)
  if (files.length === 0) {
    const message = `No files found in local-dir '${settings.localDir}' matching files '${settings.files.join('\\n')}'`
    if (settings.ifNoFilesFound === 'error') {
      throw new InputError(`${message} (if-no-files-found: error; accepted: error, warn, ignore)`)
    }
    if (settings.ifNoFilesFound === 'warn') log.warning(message)
  }
  return files
}

/** Why an upload failed, naming the file, the command and the server's reply. */
function uploadFailure(upload: Upload, err: unknown): DeployError {
  const file = upload.file.relPath
  if (err instanceof DeployError) return err
  if (err instanceof FTPError) {
    return new DeployError(
      `Upload of ${file} failed: the server answered STOR ${upload.remotePath} with ${err.message}`,
      {
        file,
        command: 'STOR',
        code: err.code,
        reply: err.message
      }
    )
  }
  const message = err instanceof Error ? err.message : String(err)
  return new DeployError(
    `Upload of ${file} to ${upload.remotePath} failed: ${message}`,
    { file, command: 'STOR' },
    { cause: err }
  )
}

async function transfer(session: RemoteSession, upload: Upload, verify: boolean): Promise<void> {
  try {
    await session.upload(upload.file.localPath, upload.remotePath)
    if (!verify) return
    const size = await session.size(upload.remotePath)
    if (size !== undefined && size !== upload.file.size) {
      throw new DeployError(
        `Upload of ${upload.file.relPath} is incomplete: the server holds ${size} of ${upload.file.size} bytes`,
        { file: upload.file.relPath, command: 'SIZE' }
      )
    }
  } catch (err) {
    throw uploadFailure(upload, err)
  }
}

async function connect(settings: Settings, log: Log, deps: DeployDeps): Promise<RemoteSession> {
  if (settings.tls === 'none') {
    log.warning('tls: none: the password and every file travel in clear text over the network')
  } else if (!settings.tlsVerify && settings.tlsFingerprints.length === 0) {
    log.warning('tls-verify: false: the server certificate is not verified; anyone on the path can read the password')
  }
  const session = await deps.openSession(settings, log)
  const security =
    session.tlsVersion === ''
      ? 'plain FTP (no TLS)'
      : `${session.tlsVersion}, certificate SHA-256 ${session.fingerprint}`
  log.info(
    `Logged in to ${settings.host}:${settings.port} as ${settings.user} over ${security}; login directory ${session.home}`
  )
  return session
}

/** The CLI's dry run without a host: the local plan only, no connection. */
export async function planLocal(settings: Settings, log: Log, deps: DeployDeps = defaultDeps): Promise<DeployResult> {
  const started = deps.now()
  const files = await log.group('Local files', () => findFiles(settings, log, deps))
  await log.group(`Plan (dry run, not connected): ${files.length} file(s) to ${settings.remoteDir}`, async () => {
    for (const file of files) log.info(`would upload ${file.relPath} (${file.size} bytes)`)
  })
  return {
    dryRun: true,
    uploaded: files.map(f => f.relPath),
    bytesUploaded: files.reduce((sum, f) => sum + f.size, 0),
    filesSkipped: 0,
    filesDeleted: 0,
    listing: [],
    tlsVersion: '',
    fingerprint: '',
    remoteRoot: settings.remoteDir,
    durationMs: deps.now() - started
  }
}

/** Runs a whole deploy. Throws InputError (exit 2) or DeployError (exit 1). */
export async function deploy(settings: Settings, log: Log, deps: DeployDeps = defaultDeps): Promise<DeployResult> {
  const started = deps.now()
  const files = await log.group('Local files', () => findFiles(settings, log, deps))
  const session = await log.group('Connect', () => connect(settings, log, deps))
  try {
    const plan = planUploads(files, session.home, settings.remoteDir)
    let bytesUploaded = 0
    await log.group(
      `${settings.dryRun ? 'Plan (dry run)' : 'Upload'}: ${plan.uploads.length} file(s) to ${plan.remoteRoot}`,
      async () => {
        if (settings.dryRun) {
          for (const upload of plan.uploads) log.info(`would upload ${upload.file.relPath} (${upload.file.size} bytes)`)
          bytesUploaded = plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
          return
        }
        for (const dir of plan.dirs) await session.ensureDir(dir)
        for (const upload of plan.uploads) {
          await transfer(session, upload, settings.verify)
          bytesUploaded += upload.file.size
          log.info(`uploaded ${upload.file.relPath} (${upload.file.size} bytes)`)
        }
      }
    )
    const listing = await log.group('Remote listing', () =>
      collectListing(path => session.list(path), plan.remoteRoot, settings.listing, [settings.manifest])
    )
    return {
      dryRun: settings.dryRun,
      uploaded: plan.uploads.map(u => u.file.relPath),
      bytesUploaded,
      filesSkipped: 0,
      filesDeleted: 0,
      listing,
      tlsVersion: session.tlsVersion,
      fingerprint: session.fingerprint,
      remoteRoot: plan.remoteRoot,
      durationMs: deps.now() - started
    }
  } finally {
    session.close()
  }
}
