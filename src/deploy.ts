/**
 * The deploy, one way through: local files -> lock -> remote state -> plan -> apply -> listing.
 * Side effects sit behind `DeployDeps` so the orchestration is testable without a network.
 */
import { asPlanned, carryOut } from './apply/carry-out.js'
import { dryRunSwap, prepareSwap, rollBack, rolledBack, switchReleases } from './apply/swap.js'
import { overDeleteLimit } from './core/delete-limit.js'
import { describeError } from './core/errors.js'
import { Log, prefixed, redactingLog } from './core/log.js'
import { asListed, changesNothing, lockUnseen } from './core/lock-later.js'
import { HashedFile, mayBeUnchanged, mayReuse, Plan, planDeploy } from './core/plan.js'
import { describePlan, planSteps, Step } from './core/plan-text.js'
import { resolveRemoteRoot } from './core/remote-path.js'
import { DeployResult, resultOf } from './core/result.js'
import type { Settings } from './core/settings.js'
import { SwapPaths, swapPaths } from './core/swap-paths.js'
import { TempNamer } from './core/temp-name.js'
import { openSession, SessionFactory } from './ftp/index.js'
import { openSftpSession } from './sftp/index.js'
import { hashFiles } from './local/hash.js'
import { listLocalFiles } from './local/local-files.js'
import { startRun } from './run-start.js'
import { EndListing, listAtEnd, quietUnlessStopped, releaseIfHeld, releaseWhenDone, releaseWithin } from './run-end.js'
import { LOCK_DIR, LOCK_TIMING, LockTiming, RunIdentity } from './lock/lock.js'
import { LockReads, localIdentity, lockSteps, reportHeldLock, RunLock, takeRunLock } from './lock/run-lock.js'
import { adoptFromServer } from './remote/adopt.js'
import { probeCaseFolding } from './remote/case-fold.js'
import { statOrListLister } from './remote/remote-listing.js'
import { dirsAhead, ManifestRead, readRemoteManifest, readRemoteState, readsUnderLock } from './remote/remote-state.js'
import type { RemoteState } from './remote/remote-state.js'
import { connect } from './session/connect.js'
import { uploadsAhead } from './core/uploads-ahead.js'
import { SessionPool } from './session/pool.js'
import { CLEANUP_MS } from './signals.js'

export type { DeployResult }

/** The seams a deploy is given (the local side shares them). */
export interface DeployDeps {
  openSession: SessionFactory
  listLocalFiles: typeof listLocalFiles
  now: () => number
  /** Who this run is, as the deploy lock names it (default: this machine, user and pid). */
  identity?: RunIdentity
  lockTiming?: LockTiming
  sleep?: (ms: number) => Promise<void>
}

/** The transport `protocol` names: FTPS (src/ftp/) or SFTP (src/sftp/), the same interface. */
const openByProtocol: SessionFactory = (settings, log, server, ...rest) =>
  settings.protocol === 'sftp' ? openSftpSession(settings, log, server) : openSession(settings, log, server, ...rest)

export const defaultDeps: DeployDeps = { openSession: openByProtocol, listLocalFiles, now: () => Date.now() }
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

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
  const { local, ahead, pool, loginReads } = await startRun(settings, log, deps, reads =>
    openPool(settings, log, deps, reads)
  )
  // In-flight transfers stop at once; cleaning up gets CLEANUP_MS, within the runner's grace.
  const cancel = (): void => pool.cancel(String(signal?.reason ?? 'aborted'), CLEANUP_MS)
  signal?.addEventListener('abort', cancel)
  if (signal?.aborted) cancel()
  let held: RunLock | undefined
  try {
    const first = await log.group('Connect', () => connect(settings, log, pool))
    const remoteRoot = resolveRemoteRoot(first.home, settings.remoteDir)
    // cutover: swap: the files go to the spare copy beside remote-dir, the lock beside it too.
    const swap = settings.cutover === 'swap' ? swapPaths(remoteRoot, first.home) : undefined
    const names = new TempNamer(undefined, deps.now)
    if (settings.lock && settings.dryRun)
      await log.group('Lock', () => reportHeldLock(pool, remoteRoot, log, swap?.lock))
    // Without swap or rollback the lock may wait for the plan: a run that changes nothing takes none.
    const lockLater = swap === undefined && !settings.rollback
    const lockNow = (reads?: LockReads, n?: number): Promise<RunLock> => {
      // A lock: there is something to change. SFTP's other sessions log in (a dozen round trips each) meanwhile.
      if (settings.protocol === 'sftp') pool.warm(settings.concurrency)
      return log.group('Lock', () =>
        takeLock(settings, log, deps, pool, swap ?? remoteRoot, first.home, signal, reads, n)
      )
    }
    if (settings.lock && !settings.dryRun && !lockLater) held = await lockNow()
    if (swap !== undefined && settings.rollback) {
      const cutover = await log.group('Rollback', () => rollBack(pool, swap, log, settings.dryRun))
      held = await releaseIfHeld(pool, held, log)
      const listing = await log.group('Remote listing', () => listAtEnd(pool, remoteRoot, settings, log))
      return rolledBack({ settings, first, remoteRoot, listing, cutover, durationMs: deps.now() - started })
    }
    if (swap !== undefined && settings.dryRun) await log.group('Swap', () => dryRunSwap(pool, swap, log))
    // Before any upload: the server renames directories, and the spare copy is ready.
    const liveExists =
      swap !== undefined && !settings.dryRun
        ? await log.group('Swap', () => prepareSwap(pool, swap, names.runTag, log))
        : false
    const target = swap?.next ?? remoteRoot
    // The checks may list with STAT; the listing output, which reports times, with MLSD or LIST.
    const list = statOrListLister(pool)
    const { concurrency } = settings
    const localPaths = local.map(f => f.relPath)
    // With the lock (a dry run: the lock a real run would hold) every temporary is a dead run's.
    const holdsLock = settings.lock
    const query = {
      pool,
      list,
      remoteRoot: target,
      manifestName: settings.manifest,
      localPaths,
      names,
      concurrency,
      holdsLock
    }
    const readState = (read?: ManifestRead, known?: ManifestRead): Promise<RemoteState> =>
      log.group('Remote state', () => readRemoteState(query, log, read, known, held?.reads, held?.files))
    const unlocked = settings.lock && !settings.dryRun && held === undefined
    // Its first reads rode in the login's write; files their listings show changed: the plan writes.
    const login = unlocked ? loginReads?.taken(first, target) : undefined
    const changed = login === undefined ? [] : loginReads!.changed(first, login, local)
    const dirs = login?.dirs ?? dirsAhead(query)
    const reading = unlocked && changed.length === 0 ? readRemoteManifest(query, log, dirs, login?.replies) : undefined
    const read = await reading?.catch(quietUnlessStopped(pool))
    if (changed.length === 0) ahead.stop()
    // Changed, or unreadable: the lock first, the state read under it (failing as ever); the pool warms meanwhile.
    const likely = login === undefined ? 0 : uploadsAhead(changed.length, localPaths, login.dirs, target)
    if (unlocked && read === undefined) held = await lockNow(readsUnderLock(query), likely)
    // Hashed against the manifest as read: reused when no lock comes between.
    let hashed: HashedFile[] | undefined
    if (read !== undefined) {
      hashed = await hashFiles(
        local,
        file => mayBeUnchanged(file, read.manifest, settings.sync) || mayReuse(file, read.manifest),
        4,
        ahead
      )
      // A plan that uploads or deletes whatever the server holds takes the lock before the listing.
      const options = { ...settings, remoteRoot: target, home: first.home }
      const expected = read.from === 'manifest' ? planDeploy(hashed, asListed(read.manifest), options) : undefined
      if (expected === undefined || !changesNothing(expected)) {
        held = await lockNow(readsUnderLock(query, read), expected?.uploads.length ?? local.length)
      }
    }
    let { state, plan } = await planFrom(
      await readState(held === undefined ? read : undefined, read),
      held === undefined ? hashed : undefined
    )
    if (settings.lock && !settings.dryRun && held === undefined) {
      if (changesNothing(plan) && lockUnseen(state.manifestFrom, state.index, settings.manifest)) {
        log.info(`Nothing to change and no other run holds the lock (${LOCK_DIR} not in remote-dir): no lock taken`)
      } else {
        // What was read without the lock may be another run's half-done work: read again under it.
        const known = { manifest: state.manifest, from: state.manifestFrom }
        held = await lockNow(readsUnderLock(query, known), plan.uploads.length)
        ;({ state, plan } = await planFrom(await readState(undefined, known)))
      }
    }
    async function planFrom(state: RemoteState, known?: HashedFile[]): Promise<{ state: RemoteState; plan: Plan }> {
      // Only files the manifest records at their size can be unchanged: the rest go without a hash.
      // And those a recorded checked temporary may stand for (a killed run's, under cutover: end).
      const files =
        known ??
        (await hashFiles(
          local,
          file => mayBeUnchanged(file, state.manifest, settings.sync) || mayReuse(file, state.manifest),
          4,
          ahead
        ))
      // Only when names differ in case alone: then whether they are one file decides the plan.
      const paths = files.map(f => f.relPath)
      pool.server.foldsCase = await probeCaseFolding(pool, target, paths, state.index, log)
      // Files already on the server at their size, unknown to the manifest: compared before the plan.
      const adoptions = { pool, mode: settings.adopt, remoteRoot: target, concurrency, log }
      const adopted = await adoptFromServer(files, state, settings.sync, adoptions)
      const plan = planDeploy(
        files,
        { ...state, adopted, foldsCase: pool.server.foldsCase },
        { ...settings, remoteRoot: target, home: first.home }
      )
      return { state, plan }
    }
    const steps = planSteps(plan)
    describePlan(plan, steps, log, settings.dryRun)
    // A wrong local-dir with delete: true would empty the site: refused before any change (a dry run too).
    const overLimit = overDeleteLimit(plan.deletes.length, state.manifest.files.size, settings.maxDelete)
    if (overLimit !== undefined) throw overLimit
    // The other connections log in while the first creates directories.
    if (!settings.dryRun && plan.uploads.length > 1) pool.warm(Math.min(concurrency, plan.uploads.length))
    const ending = new EndListing(pool, remoteRoot, settings)
    const changesMade = swap === undefined && !changesNothing(plan) ? ending.changesMade : undefined
    const done = settings.dryRun
      ? asPlanned(plan)
      : await log.group(`Upload: ${plan.uploads.length} file(s) to ${target}`, () =>
          carryOut(plan, {
            pool,
            state,
            list,
            names,
            remoteRoot: target,
            settings,
            log,
            aside: held?.aside,
            release: held?.lock.riding,
            changesMade
          })
        )
    if (swap !== undefined && !settings.dryRun)
      done.cutover = await log.group('Swap', () => switchReleases(pool, swap, liveExists, log))
    const applied: Step[] = [...(held ? lockSteps(held, settings.dirMode) : []), ...done.steps]
    // Every change is made: what fails from here on is a warning, and the run is done (exit 0).
    if (held !== undefined && (await releaseWhenDone(pool, held, log)))
      applied.push({ kind: 'release lock', path: LOCK_DIR })
    held = undefined
    // The listing output may come from listings made since the last change: the state read's
    // where nothing changed, else the final check's (after every change but the manifest's).
    const listed = swap !== undefined ? undefined : changesNothing(plan) ? state.listed : done.listed
    const listing = await log.group('Remote listing', () => ending.result(log, listed))
    // A certificate that is not the pinned one fails the run, even met by the listing after it.
    if (pool.server.stopped !== undefined) throw pool.server.stopped
    const durationMs = deps.now() - started
    return resultOf({
      dryRun: settings.dryRun,
      plan,
      done,
      planned: steps,
      applied,
      listing,
      first,
      remoteRoot,
      durationMs
    })
  } catch (err) {
    // A fault that ends the run is what it failed of, whatever step met its consequences.
    throw pool.server.stopped ?? err
  } finally {
    // On failure and on cancel too: a run that ends never leaves its lock behind.
    await releaseWithin(pool, held)?.catch(err =>
      log.warning(
        `Could not release the deploy lock: ${describeError(err)} (it goes stale and is broken by the next run)`
      )
    )
    ahead.stop()
    signal?.removeEventListener('abort', cancel)
    pool.closeAll()
  }
}

/** The run's pool: every session logs in with the same settings and shares one server record. */
function openPool(settings: Settings, log: Log, deps: DeployDeps, loginReads?: Promise<string[]>): SessionPool {
  let opened = 0
  return new SessionPool(
    (server, loginAfter) =>
      opened++ === 0
        ? deps.openSession(settings, log, server, loginReads)
        : deps.openSession(settings, prefixed(log, `#${opened} `), server, undefined, { loginAfter }),
    { size: settings.concurrency, retries: settings.retries, atomic: settings.atomic },
    log
  )
}

/** Takes the deploy lock in remote-dir (`cutover: swap`: beside it) (creating remote-dir where needed), with its heartbeat's own session; `reads` (the state read's first write) ride in its write behind its MKD. */
function takeLock(
  settings: Settings,
  log: Log,
  deps: DeployDeps,
  pool: SessionPool,
  at: string | SwapPaths,
  home: string,
  signal: AbortSignal | undefined,
  reads: LockReads | undefined,
  warm: number | undefined
): Promise<RunLock> {
  return takeRunLock({
    pool,
    openSession: steps => deps.openSession(settings, prefixed(log, '#lock '), pool.server, undefined, steps),
    warm,
    ...(typeof at === 'string' ? { remoteRoot: at } : { remoteRoot: at.parent, lockName: at.lockName }),
    home,
    dirMode: settings.dirMode,
    timeoutMs: settings.lockTimeoutMs,
    identity: deps.identity ?? localIdentity(),
    timing: deps.lockTiming ?? LOCK_TIMING,
    now: deps.now,
    sleep: deps.sleep ?? sleep,
    log,
    signal,
    reads
  })
}
