/**
 * The deploy, one way through: local files -> remote state -> plan -> transfer -> listing.
 * Side effects sit behind `DeployDeps` so the orchestration is testable without a network.
 */
import { posix } from 'node:path'
import { InputError } from './errors.js'
import { openSession, RemoteSession, SessionFactory } from './ftp/session.js'
import { hashFiles } from './hash.js'
import { collectListing, ListingEntry } from './listing.js'
import { listLocalFiles, LocalFile } from './local-files.js'
import { Log } from './log.js'
import { ManifestStore } from './manifest.js'
import { resolveRemoteRoot } from './plan.js'
import { SessionPool } from './pool.js'
import { checkLister, readRemoteState, RemoteState } from './remote-state.js'
import { Settings } from './settings.js'
import { HashedFile, mayBeUnchanged, planSync, SyncPlan } from './sync-plan.js'
import { manifestWriter, ReplaceStrategy, transfer } from './transfer.js'

export interface DeployResult {
  dryRun: boolean
  /** Remote paths relative to remote-dir that were (or, in a dry run, would be) uploaded. */
  uploaded: string[]
  bytesUploaded: number
  filesSkipped: number
  /** Remote paths relative to remote-dir of the files skipped as unchanged. */
  skipped: string[]
  /** Remote paths deleted (or that would be). */
  deleted: string[]
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
  const found = await deps.listLocalFiles(
    {
      localDir: settings.localDir,
      patterns: settings.files,
      followSymlinks: settings.followSymlinks,
      encoding: settings.encoding
    },
    log
  )
  // The manifest's own name at the top of remote-dir is ours.
  const files = found.filter(file => file.relPath !== settings.manifest)
  if (files.length < found.length)
    log.warning(`Skipped ${settings.manifest}: that name is the manifest's (see the manifest input)`)
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

async function connect(settings: Settings, log: Log, pool: SessionPool): Promise<RemoteSession> {
  if (settings.tls === 'none') {
    log.warning('tls: none: the password and every file travel in clear text over the network')
  } else if (!settings.tlsVerify && settings.tlsFingerprints.length === 0) {
    log.warning('tls-verify: false: the server certificate is not verified; anyone on the path can read the password')
  }
  // Through the pool: a connection lost during the handshake is retried like any other.
  const session = await pool.run('Connecting', async opened => opened)
  const security =
    session.tlsVersion === ''
      ? 'plain FTP (no TLS)'
      : `${session.tlsVersion}, certificate SHA-256 ${session.fingerprint}`
  log.info(
    `Logged in to ${settings.host}:${settings.port} as ${settings.user} over ${security}; login directory ${session.home}`
  )
  return session
}

function describePlan(plan: SyncPlan, state: RemoteState, log: Log, dryRun: boolean): void {
  const would = dryRun ? 'would ' : ''
  for (const path of plan.stale)
    log.info(
      `${path}: listed in the manifest but missing or changed on the server, ${would}upload again if still matched`
    )
  for (const file of plan.upload) log.debug(`${would}upload ${file.relPath} (${file.size} bytes)`)
  for (const path of plan.remove) log.info(`${would}delete ${path}`)
  for (const path of state.leftovers) log.info(`${would}remove ${path}, left by an interrupted run`)
  const bytes = plan.upload.reduce((sum, f) => sum + f.size, 0)
  log.info(
    `Plan: ${would}upload ${plan.upload.length} file(s) (${bytes} bytes), skip ${plan.skip.length} unchanged, ${would}delete ${plan.remove.length}`
  )
}

/**
 * Runs a whole deploy. Throws InputError (exit 2) or DeployError (exit 1). An aborted `signal`
 * (the runner's cancel) stops new transfers; the manifest still records what was done.
 */
export async function deploy(
  settings: Settings,
  log: Log,
  deps: DeployDeps = defaultDeps,
  signal?: AbortSignal
): Promise<DeployResult> {
  const started = deps.now()
  const local = await log.group('Local files', () => findFiles(settings, log, deps))
  let opened = 0
  const pool = new SessionPool(
    () => deps.openSession(settings, opened++ === 0 ? log : prefixed(log, `#${opened} `)),
    { size: settings.concurrency, retries: settings.retries },
    log
  )
  const cancel = (): void => pool.cancel(String(signal?.reason ?? 'aborted'))
  signal?.addEventListener('abort', cancel)
  if (signal?.aborted) cancel()
  try {
    const first = await log.group('Connect', () => connect(settings, log, pool))
    const remoteRoot = resolveRemoteRoot(first.home, settings.remoteDir)
    // The checks (what the server holds before and after) may list with STAT; the listing
    // output, which reports times, lists with MLSD or LIST.
    const check = checkLister(pool)
    const state = await log.group('Remote state', () =>
      readRemoteState(pool, check, remoteRoot, settings.manifest, settings.concurrency, log)
    )
    // Only files the manifest records at their size can be unchanged: the rest go without a hash.
    const files = await hashFiles(local, file => mayBeUnchanged(file, state.manifest, settings.sync))
    const plan = planSync(files, state.manifest, state.index, { sync: settings.sync, delete: settings.delete })
    describePlan(plan, state, log, settings.dryRun)
    let uploaded: HashedFile[] = plan.upload
    let deleted = plan.remove
    let bytesUploaded = plan.upload.reduce((sum, f) => sum + f.size, 0)
    if (!settings.dryRun) {
      const strategy = new ReplaceStrategy(settings.atomic, log)
      const stale = new Set(plan.stale)
      const manifest = {
        files: new Map([...state.manifest.files].filter(([path]) => !stale.has(path))),
        dirs: state.manifest.dirs
      }
      const store = new ManifestStore(
        manifest,
        manifestWriter(pool, strategy, posix.join(remoteRoot, settings.manifest)),
        log
      )
      const rootExists = state.index.dirs.size > 0 || state.index.files.size > 0 || state.hadManifest
      const done = await log.group(`Upload: ${plan.upload.length} file(s) to ${remoteRoot}`, () =>
        transfer(
          pool,
          plan,
          state.index,
          rootExists,
          store,
          strategy,
          { remoteRoot, ...settings, leftovers: state.leftovers, list: check },
          log
        )
      )
      ;({ uploaded, deleted, bytesUploaded } = done)
    }
    const listing = await log.group('Remote listing', () =>
      collectListing(path => pool.run(`Listing ${path}`, session => session.list(path)), remoteRoot, settings.listing, [
        settings.manifest
      ]).catch(err => {
        // In a dry run remote-dir may not exist yet: an empty listing is the truth then.
        if (settings.dryRun) return []
        throw err
      })
    )
    return {
      dryRun: settings.dryRun,
      uploaded: uploaded.map(f => f.relPath).sort(),
      bytesUploaded,
      filesSkipped: plan.skip.length,
      skipped: plan.skip.map(f => f.relPath),
      deleted: [...deleted].sort(),
      listing,
      tlsVersion: first.tlsVersion,
      fingerprint: first.fingerprint,
      remoteRoot,
      durationMs: deps.now() - started
    }
  } finally {
    signal?.removeEventListener('abort', cancel)
    pool.closeAll()
  }
}

/** Tells the connections' protocol logs apart. */
function prefixed(log: Log, prefix: string): Log {
  return { ...log, debug: message => log.debug(prefix + message) }
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
    skipped: [],
    deleted: [],
    listing: [],
    tlsVersion: '',
    fingerprint: '',
    remoteRoot: settings.remoteDir,
    durationMs: deps.now() - started
  }
}
