/**
 * The deploy, one way through: local files -> remote state -> plan -> apply -> listing.
 * Side effects sit behind `DeployDeps` so the orchestration is testable without a network.
 */
import { adoptFromServer } from './remote/adopt.js'
import { applyPlan } from './apply/apply.js'
import { probeCaseFolding } from './remote/case-fold.js'
import { DeployDeps, DeployResult } from './core/result.js'
import { describeError } from './core/errors.js'
import { openSession, RemoteSession } from './ftp/session.js'
import { hashFiles } from './local/hash.js'
import { collectListing } from './remote/listing.js'
import { listLocalFiles } from './local/local-files.js'
import { Log, redactingLog } from './core/log.js'
import { copyManifest, manifestBackupName } from './core/manifest.js'
import { manifestWriter } from './manifest/manifest-file.js'
import { ManifestStore } from './manifest/manifest-store.js'
import { mayBeUnchanged, Plan, planDeploy } from './core/plan.js'
import { dirDetail, planSteps, planSummary, Step, stepText } from './core/plan-text.js'
import { SessionPool } from './session/pool.js'
import { Pipelining } from './ftp/pipelining.js'
import { statOrListLister } from './remote/remote-listing.js'
import { remotePathOf, resolveRemoteRoot } from './core/remote-path.js'
import { readRemoteState } from './remote/remote-state.js'
import { Replacer } from './session/replace.js'
import { findFiles } from './local/local-plan.js'
import { DeployLock, LOCK_DIR, LOCK_TIMING } from './lock/lock.js'
import { localIdentity, reportHeldLock, takeRunLock } from './lock/run-lock.js'
import { Settings } from './config/settings.js'
import { TempNamer } from './core/temp-name.js'
import { HashCheck } from './apply/verify-hash.js'

export const defaultDeps: DeployDeps = { openSession, listLocalFiles, now: () => Date.now() }
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

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

function describePlan(plan: Plan, steps: Step[], log: Log, dryRun: boolean): void {
  for (const path of plan.stale)
    log.info(`${path}: listed in the manifest but missing or changed on the server, to upload again if still matched`)
  // A dry run shows every step; a real run reports each as it is done.
  if (dryRun) for (const step of steps) log.info(stepText(step, 'planned'))
  log.info(planSummary(plan, dryRun))
}

/**
 * Runs a whole deploy. Throws InputError (exit 2) or DeployError (exit 1). An aborted `signal`
 * (the runner's cancel) stops new transfers; the manifest still records what was done.
 */
export async function deploy(
  settings: Settings,
  output: Log,
  deps: DeployDeps = defaultDeps,
  signal?: AbortSignal
): Promise<DeployResult> {
  const started = deps.now()
  // Server replies go into log lines and may echo the password.
  const log = redactingLog(output, [settings.password])
  const local = await log.group('Local files', () => findFiles(settings, log, deps))
  let opened = 0
  // One switch for every session: a server seen confused by pipelined commands gets none again.
  const pipelining = new Pipelining(log)
  const pool = new SessionPool(
    () => deps.openSession(settings, opened++ === 0 ? log : prefixed(log, `#${opened} `), pipelining),
    { size: settings.concurrency, retries: settings.retries },
    log
  )
  const cancel = (): void => pool.cancel(String(signal?.reason ?? 'aborted'))
  signal?.addEventListener('abort', cancel)
  if (signal?.aborted) cancel()
  let lock: DeployLock | undefined
  // Steps done before the plan is made: remote-dir and the lock in it.
  const lockSteps: Step[] = []
  try {
    const first = await log.group('Connect', () => connect(settings, log, pool))
    const remoteRoot = resolveRemoteRoot(first.home, settings.remoteDir)
    const names = new TempNamer(undefined, deps.now)
    if (settings.lock && settings.dryRun) await log.group('Lock', () => reportHeldLock(pool, remoteRoot, log))
    if (settings.lock && !settings.dryRun) {
      const held = await log.group('Lock', () =>
        takeRunLock({
          pool,
          openSession: () => deps.openSession(settings, prefixed(log, '#lock '), pipelining),
          remoteRoot,
          home: first.home,
          dirMode: settings.dirMode,
          timeoutMs: settings.lockTimeoutMs,
          identity: deps.identity ?? localIdentity(),
          timing: deps.lockTiming ?? LOCK_TIMING,
          now: deps.now,
          sleep: deps.sleep ?? sleep,
          log
        })
      )
      lock = held.lock
      lockSteps.push(
        ...held.createdRoot.map(path => ({
          kind: 'create root directory' as const,
          path,
          detail: dirDetail(settings)
        })),
        { kind: 'take lock', path: LOCK_DIR }
      )
    }
    // The checks (what the server holds before and after) may list with STAT; the listing
    // output, which reports times, lists with MLSD or LIST.
    const list = statOrListLister(pool)
    const state = await log.group('Remote state', () =>
      readRemoteState(
        {
          pool,
          list,
          remoteRoot,
          manifestName: settings.manifest,
          localPaths: local.map(f => f.relPath),
          names,
          concurrency: settings.concurrency
        },
        log
      )
    )
    // Only files the manifest records at their size can be unchanged: the rest go without a hash.
    const files = await hashFiles(local, file => mayBeUnchanged(file, state.manifest, settings.sync))
    // Only when names differ in case alone: then whether they are one file decides the plan.
    const paths = files.map(f => f.relPath)
    const foldsCase = await probeCaseFolding(pool, remoteRoot, paths, state.index, log)
    // Files already on the server at their size, unknown to the manifest: compared before the plan.
    const adoptions = { pool, mode: settings.adopt, remoteRoot, concurrency: settings.concurrency, log }
    const adopted = await adoptFromServer(files, state, settings.sync, adoptions)
    const plan = planDeploy(
      files,
      { ...state, adopted, foldsCase },
      {
        sync: settings.sync,
        delete: settings.delete,
        remoteRoot,
        home: first.home,
        fileMode: settings.fileMode,
        dirMode: settings.dirMode,
        lock: settings.lock
      }
    )
    const planned = planSteps(plan)
    describePlan(plan, planned, log, settings.dryRun)
    // The other connections log in while the first creates directories.
    if (!settings.dryRun && plan.uploads.length > 1) pool.warm(Math.min(settings.concurrency, plan.uploads.length))
    let applied: Step[] = []
    let uploaded = plan.uploads.map(u => u.file.relPath)
    let adoptedPaths = plan.adopt.map(a => a.file.relPath)
    let deleted = plan.deletes
    let bytesUploaded = plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
    if (!settings.dryRun) {
      const replacer = new Replacer(settings.atomic, names, log)
      const manifest = copyManifest(state.manifest)
      for (const path of plan.stale) manifest.files.delete(path)
      const store = new ManifestStore(
        manifest,
        manifestWriter(pool, replacer, remotePathOf(remoteRoot, settings.manifest), {
          backupExists: state.manifestFrom === 'backup'
        }),
        log
      )
      const done = await log.group(`Upload: ${plan.uploads.length} file(s) to ${remoteRoot}`, () =>
        applyPlan(plan, {
          pool,
          store,
          replacer,
          list,
          concurrency: settings.concurrency,
          verify: settings.verify,
          hashes: settings.verifyHash ? new HashCheck(log) : undefined,
          log
        })
      )
      applied = [...lockSteps, ...done.steps]
      uploaded = done.uploaded.map(f => f.relPath)
      adoptedPaths = done.adopted
      deleted = done.deleted
      bytesUploaded = done.bytesUploaded
    }
    if (lock !== undefined) {
      await lock.release()
      lock = undefined
      applied.push({ kind: 'release lock', path: LOCK_DIR })
    }
    const ours = [settings.manifest, manifestBackupName(settings.manifest), LOCK_DIR]
    const listing = await log.group('Remote listing', () =>
      collectListing(
        path => pool.run(`Listing ${path}`, session => session.listEntries(path)),
        remoteRoot,
        settings.listing,
        ours
      ).catch(err => {
        // In a dry run remote-dir may not exist yet: an empty listing is the truth then.
        if (settings.dryRun) return []
        throw err
      })
    )
    return {
      dryRun: settings.dryRun,
      uploaded: uploaded.sort(),
      bytesUploaded,
      skipped: [...plan.skip.map(f => f.relPath), ...adoptedPaths].sort(),
      filesSkipped: plan.skip.length + adoptedPaths.length,
      adopted: [...adoptedPaths].sort(),
      deleted: [...deleted].sort(),
      listing,
      tlsVersion: first.tlsVersion,
      fingerprint: first.fingerprint,
      remoteRoot,
      durationMs: deps.now() - started,
      planned,
      applied
    }
  } finally {
    // On failure and on cancel too: a run that ends never leaves its lock behind.
    await lock
      ?.release()
      .catch(err =>
        log.warning(
          `Could not release the deploy lock: ${describeError(err)} (it goes stale and is broken by the next run)`
        )
      )
    signal?.removeEventListener('abort', cancel)
    pool.closeAll()
  }
}

/** Tells the connections' protocol logs apart. */
function prefixed(log: Log, prefix: string): Log {
  return { ...log, debug: message => log.debug(prefix + message) }
}
