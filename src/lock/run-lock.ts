/**
 * The deploy lock as a run uses it: remote-dir made first (the lock lives in it), the lock
 * taken before the server's state is read, its heartbeat on a session of its own, released at
 * the end whatever happened. A dry run only says whether one is held.
 */
import { hostname, userInfo } from 'node:os'
import { posix } from 'node:path'
import { makeDir } from '../session/refusals.js'
import { describeError } from '../core/errors.js'
import { isTransient } from '../core/retry.js'
import { RemoteSession } from '../core/remote-session.js'
import { DeployLock, LOCK_DIR, LockTiming, RunIdentity, SessionRunner } from './lock.js'
import { inspectLockDir } from './lock-dir.js'
import { Log } from '../core/log.js'
import { dirDetail, Step } from '../core/plan-text.js'
import { SessionPool } from '../session/pool.js'
import { pathPrefixes } from '../core/remote-path.js'

/** The CLI's identity: this machine, this user, this process. */
export function localIdentity(): RunIdentity {
  let user = 'unknown user'
  try {
    user = userInfo().username
  } catch {
    // No passwd entry (some containers): the host and pid still tell runs apart.
  }
  return { description: `ftps-deploy on ${hostname()} as ${user}, pid ${process.pid}` }
}

export interface RunLockOptions {
  pool: SessionPool
  /** Opens the heartbeat's own session. */
  openSession: () => Promise<RemoteSession>
  remoteRoot: string
  /** The lock directory's name in remoteRoot (default LOCK_DIR). */
  lockName?: string
  home: string
  dirMode: string | undefined
  timeoutMs: number
  identity: RunIdentity
  timing: LockTiming
  now: () => number
  sleep: (ms: number) => Promise<void>
  log: Log
  /** The run's cancel: ends a wait for the lock. */
  signal?: AbortSignal
}

/** Creates remote-dir and its parents below the login directory, then takes the lock in it. */
/** The lock, and remote-dir's chain as the plan names it when any of it had to be created. */
export interface RunLock {
  lock: DeployLock
  createdRoot: string[]
  /**
   * Brief work beside the pool (the manifest's writes) on the heartbeat's connection, which sits
   * idle between beats, while it is open and free; a beat due meanwhile goes through the pool.
   */
  aside: SessionRunner
}

export async function takeRunLock(o: RunLockOptions): Promise<RunLock> {
  // Lock steps run even after a cancel: a run must never leave its lock behind.
  const run: SessionRunner = (what, fn) => o.pool.run(what, fn, { always: true })
  const home = new Set(pathPrefixes(o.home))
  const chain = pathPrefixes(o.remoteRoot).filter(d => !home.has(d))
  const heartbeat = new HeartbeatSession(o.openSession, o.pool, o.log)
  try {
    return await takeWith(o, heartbeat, run, chain)
  } catch (err) {
    heartbeat.close()
    throw err
  }
}

async function takeWith(
  o: RunLockOptions,
  heartbeat: HeartbeatSession,
  run: SessionRunner,
  chain: string[]
): Promise<RunLock> {
  let created = false
  let madeLock = false
  await run('Creating remote-dir', async session => {
    // Usually remote-dir exists and the lock is free: its chain and the lock's MKD in one write.
    const madeHere = new Set<string>()
    if (session.server.pipelining) {
      const lockDir = posix.join(o.remoteRoot, o.lockName ?? LOCK_DIR)
      const made = await session.together(
        [...chain, lockDir].map(path => ({ kind: 'mkdir' as const, path })),
        { beforeTransfer: true }
      )
      chain.forEach((dir, i) => made[i]!.done && madeHere.add(dir))
      madeLock = made[chain.length]!.done
    }
    for (const dir of chain) {
      if (madeHere.has(dir)) {
        created = true
        if (o.dirMode !== undefined) await session.chmod(dir, o.dirMode)
      } else if (!madeLock && (await makeDir(session, dir, o.dirMode))) created = true
    }
  })
  // Opened once the lock's directory is this run's (while the heartbeat and holder.json are
  // written, where the first write made it), and the pool opens no more connections until it is
  // in: a host that limits connections keeps a slot for the heartbeat, and the uploads go on with
  // the rest. Never while waiting for another run's lock: that run may need the slot.
  const opening = (): void => o.pool.holdOpenings(heartbeat.open())
  if (madeLock) opening()
  const lock = await DeployLock.acquire(
    {
      remoteRoot: o.remoteRoot,
      lockName: o.lockName,
      identity: o.identity,
      timeoutMs: o.timeoutMs,
      timing: o.timing,
      now: o.now,
      sleep: o.sleep,
      log: o.log,
      run,
      beatRun: heartbeat.run,
      signal: o.signal
    },
    reason => {
      o.log.warning(`Stopping: ${reason}`)
      o.pool.cancel(reason)
    },
    madeLock
  )
  if (!madeLock) opening()
  lock.onRelease(() => heartbeat.close())
  return { lock, createdRoot: created ? chain : [], aside: heartbeat.aside }
}

/** A dry run takes no lock: it says whether one is held (`lockDir`: beside remote-dir under `cutover: swap`). */
export async function reportHeldLock(
  pool: SessionPool,
  remoteRoot: string,
  log: Log,
  lockDir = posix.join(remoteRoot, LOCK_DIR)
): Promise<void> {
  const seen = await pool
    .run('Reading the deploy lock', session => inspectLockDir(session, lockDir))
    .catch(() => undefined)
  const where = lockDir === posix.join(remoteRoot, LOCK_DIR) ? LOCK_DIR : lockDir
  // vsftpd lists a missing directory as empty: only a holder or a heartbeat shows a lock.
  if (seen === undefined || (seen.holder === '' && seen.beat === ''))
    log.info(`No deploy lock is held on ${remoteRoot} (${where})`)
  else {
    const holder = seen.holder === '' ? 'an unknown run' : `${seen.holder} since ${seen.since}`
    log.warning(`A deploy lock is held on ${remoteRoot} (${where}) by ${holder}: a real run would wait for it`)
  }
}

/** The steps a held lock took, as the applied steps list them: remote-dir's chain where created, then the lock. */
export function lockSteps(held: RunLock, dirMode: string | undefined): Step[] {
  return [
    ...held.createdRoot.map(path => ({ kind: 'create root directory' as const, path, detail: dirDetail({ dirMode }) })),
    { kind: 'take lock', path: LOCK_DIR }
  ]
}

/** The lock's connection cannot take work beside the pool now (not open, or busy). */
class NotBeside extends Error {
  constructor(what: string) {
    super(`${what}: the lock's connection is not free`)
  }
}

/**
 * The heartbeat's own connection, so a beat never waits behind transfers: opened as the lock is
 * taken, opened again at once when it was dropped (ProFTPD ends sessions that transfer nothing
 * for 300 s, TimeoutNoTransfer; a host ends any after an hour). When the server refuses it (its
 * connection limit, taken by this run's other connections and other clients), that beat goes
 * through the pool ahead of every waiting transfer, and the next beat tries its own again.
 */
class HeartbeatSession {
  private own: RemoteSession | undefined
  private opening: Promise<RemoteSession | undefined> | undefined
  private closed = false
  /** After a refusal, the pool carries the beats a while before another try (a login costs round trips). */
  private retryAt = 0

  constructor(
    private readonly openSession: () => Promise<RemoteSession>,
    private readonly pool: SessionPool,
    private readonly log: Log
  ) {}

  /** Starts opening the session; settles when it is in or refused (a failure is the next beat's to handle). */
  open(): Promise<unknown> {
    return this.session()
  }

  close(): void {
    this.closed = true
    this.own?.close()
    this.own = undefined
  }

  /** A beat in flight on the own session, and work beside the pool in flight there. */
  private beating: Promise<unknown> | undefined
  private besideWork: Promise<unknown> | undefined

  /** A beat: never behind work beside the pool (the own session busy with it: through the pool, ahead of every waiting task). */
  readonly run: SessionRunner = async (what, fn) => {
    if (this.besideWork !== undefined) return this.pool.run(what, fn, { always: true, first: true })
    const beat = this.runNow(what, fn)
    const settled = beat.catch(() => undefined)
    this.beating = settled
    try {
      return await beat
    } finally {
      if (this.beating === settled) this.beating = undefined
    }
  }

  /**
   * Work beside the pool (the manifest's writes) on the own session while it is open and idle
   * between beats; one piece at a time. Throws NotBeside where it cannot (the caller uses the
   * pool then), and a failure there is the caller's to take to the pool too: it is not retried here.
   */
  readonly aside: SessionRunner = async (what, fn) => {
    // Opening (the run's first uploads start meanwhile): it is in within a login's round trips.
    await this.opening
    await this.beating
    const own = this.own
    if (this.closed || own?.usable !== true || this.besideWork !== undefined) throw new NotBeside(what)
    const work = fn(own)
    const settled = work.catch(() => undefined)
    this.besideWork = settled
    try {
      return await work
    } finally {
      if (this.besideWork === settled) this.besideWork = undefined
    }
  }

  private readonly runNow: SessionRunner = async (what, fn) => {
    for (let attempt = 1; ; attempt++) {
      const session = await this.session()
      if (session === undefined) return this.pool.run(what, fn, { always: true, first: true })
      try {
        return await fn(session)
      } catch (err) {
        // A dropped session (an idle timeout, a cut): the same beat on a new one, once.
        if (attempt > 1 || (session.usable && !isTransient(err))) throw err
        this.log.info(`${what}: ${describeError(err)}; again on a new connection`)
        session.close()
        if (this.own === session) this.own = undefined
      }
    }
  }

  /** The own session, open and usable, or undefined when none can be had now. */
  private async session(): Promise<RemoteSession | undefined> {
    if (this.own?.usable) return this.own
    this.own?.close()
    this.own = undefined
    if (this.closed || Date.now() < this.retryAt) return undefined
    this.opening ??= this.openSession().then(
      session => {
        if (this.closed) session.close()
        else this.own = session
        return this.closed ? undefined : session
      },
      (err: unknown) => {
        this.log.debug(`The lock's heartbeat goes through the pool for a while: ${describeError(err)}`)
        this.retryAt = Date.now() + 30_000
        return undefined
      }
    )
    try {
      return await this.opening
    } finally {
      this.opening = undefined
    }
  }
}
