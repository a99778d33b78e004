/**
 * The deploy lock as a run uses it: remote-dir made first (the lock lives in it), the lock
 * taken before the server's state is read (that read's first write rides behind the lock's MKD,
 * the first heartbeat ahead of its second, the manifest's RETR at that second's end), its
 * heartbeat on a session of its own, released at the end whatever happened. A dry run only
 * says whether one is held.
 */
import { hostname, userInfo } from 'node:os'
import { posix } from 'node:path'
import { makeDir } from '../session/refusals.js'
import { FileToRead, OpeningSteps, OpOutcome, RemoteOp, RemoteSession, Reply } from '../core/remote-session.js'
import { DeployLock, LOCK_DIR, LockTiming, RunIdentity, SessionRunner } from './lock.js'
import { HeartbeatSession } from './heartbeat-session.js'
import { beatName, inspectLockDir, newToken } from './lock-dir.js'
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
  openSession: (steps: OpeningSteps) => Promise<RemoteSession>
  /** Connections the pool opens once the lock is this run's (behind the heartbeat's, pool.ts `holdOpenings`). */
  warm?: number
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
  /**
   * Reads (one reply each) to make under the lock: they go in the lock's write, behind its MKD,
   * where the server takes pipelined commands (issue 22). The server answers in order, so they
   * are read under the lock; their replies count only where that MKD took it at once.
   */
  reads?: LockReads
}

/** The reads under the lock: `commands` (one reply each), and `file` (the manifest, its SIZE among them) read whole in the heartbeat's write. */
export interface LockReads {
  commands: string[]
  file?: FileToRead
}

/** The lock, and remote-dir's chain as the plan names it when any of it had to be created. */
export interface RunLock {
  lock: DeployLock
  createdRoot: string[]
  /**
   * Brief work beside the pool (the manifest's writes) on the heartbeat's connection, which sits
   * idle between beats, while it is open and free; a beat due meanwhile goes through the pool.
   */
  aside: SessionRunner
  /** The replies to `reads` (command -> reply), read under this lock; undefined where they did not ride. */
  reads?: ReadonlyMap<string, Reply>
  /** `reads`' file (path -> bytes), where it was read whole with them. */
  files?: ReadonlyMap<string, Buffer>
}

/** Creates remote-dir and its parents below the login directory, then takes the lock in it. */
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
  const sentAt = o.now()
  const rode: { replies?: ReadonlyMap<string, Reply>; beat?: boolean; file?: Buffer } = {}
  const token = newToken()
  // Opened as the lock's MKD is sent (a connection costs 6-7 round trips, the MKD's reply one),
  // dropped at once where the MKD finds another run's lock (never kept while waiting for it: that
  // run may need the slot), opened again once the lock is this run's. The pool's connections
  // connect once it is greeted and log in once it is in (hold-back.ts): a host that limits
  // connections keeps a slot for the heartbeat, and the uploads go on with the rest.
  let opened = false
  let warmed = false
  const opening = (ahead: boolean): void => {
    if (opened) return
    const { opened: settled, greeted } = heartbeat.open(ahead)
    o.pool.holdOpenings(settled, greeted)
    opened = true
  }
  const ours = (): void => {
    opening(false)
    heartbeat.confirm()
    if (!warmed && (o.warm ?? 0) > 1) o.pool.warm(o.warm!)
    warmed = true
  }
  const anothers = (): void => {
    if (opened) heartbeat.drop()
    opened = false
  }
  // The first heartbeat leads the reads' second write, where the first made the lock.
  const beatAfter = (made: OpOutcome[]): RemoteOp[] => {
    if (!made[chain.length]!.done) return (anothers(), [])
    ours()
    return [{ kind: 'mkdir', path: posix.join(o.remoteRoot, o.lockName ?? LOCK_DIR, beatName(token, 0)) }]
  }
  await run('Creating remote-dir', async session => {
    // Usually remote-dir exists and the lock is free: its chain and the lock's MKD in one write,
    // and the reads to make under the lock behind them.
    const madeHere = new Set<string>()
    if (session.server.pipelining) {
      const lockDir = posix.join(o.remoteRoot, o.lockName ?? LOCK_DIR)
      const ops = [...chain, lockDir].map(path => ({ kind: 'mkdir' as const, path }))
      // Not where remote-dir's chain gets a mode next: that needs the session the reads may lose.
      const reads = o.dirMode === undefined && session.togetherThenRead !== undefined ? o.reads : undefined
      opening(true)
      const sent = reads
        ? await session.togetherThenRead!(ops, reads.commands, beatAfter, reads.file)
        : { outcomes: await session.together(ops, { beforeTransfer: true }) }
      const made = sent.outcomes
      rode.replies = 'replies' in sent ? sent.replies : undefined
      rode.file = 'file' in sent ? sent.file : undefined
      rode.beat = 'next' in sent && sent.next?.[0]?.done === true
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
  if (madeLock) ours()
  else anothers()
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
      token,
      // Where the heartbeat rode with the reads, holder.json goes beside, on its own connection once in.
      ...(rode.beat === true && { beatSentAt: sentAt, holderBeside: besideElse(heartbeat, run) }),
      signal: o.signal
    },
    reason => {
      o.log.warning(`Stopping: ${reason}`)
      o.pool.cancel(reason)
    },
    madeLock
  )
  if (!madeLock) ours()
  lock.onRelease(() => heartbeat.close())
  // Read under this lock only where its first MKD took it and nothing came between.
  const reads = lock.takenAtOnce ? rode.replies : undefined
  const file = reads && rode.file && o.reads?.file
  const files = file && new Map([[file.path, rode.file!]])
  return {
    lock,
    createdRoot: created ? chain : [],
    aside: heartbeat.aside,
    ...(reads && { reads }),
    ...(files && { files })
  }
}

/** Work on the heartbeat's own connection where it is free, else through the pool. */
function besideElse(heartbeat: HeartbeatSession, run: SessionRunner): SessionRunner {
  return (what, fn) => heartbeat.aside(what, fn).catch(() => run(what, fn))
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
