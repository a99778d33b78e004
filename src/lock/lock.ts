/**
 * The deploy lock on remote-dir: a directory made with MKD, which fails on every server when it
 * exists, so two runs never both hold it. Inside, holder.json says who holds it and since when,
 * and a heartbeat directory beat-<n> is renewed while the holder runs. A waiter measures on its
 * own clock how long the heartbeat has not moved (no two machines' clocks are compared), and
 * breaks the lock once that passes `staleAfterMs`.
 */
import { posix } from 'node:path'
import { LOCK_DIR } from '../core/remote-path.js'
import { DeployError, describeError } from '../core/errors.js'
import { RemoteSession } from '../core/remote-session.js'
import { Log } from '../core/log.js'
import { quietly } from '../session/refusals.js'

export { LOCK_DIR }
const HOLDER = 'holder.json'
const BEAT = /^beat-(\d+)$/

/** Who runs a deploy: the GitHub run, or the machine and user of a CLI. */
export interface RunIdentity {
  /** 'GitHub Actions run 123 (https://…/actions/runs/123), attempt 1' or 'ftps-deploy CLI on host as user, pid 42'. */
  description: string
}

export interface LockTiming {
  /** How often the holder renews its heartbeat. */
  heartbeatMs: number
  /** A heartbeat unchanged this long (on the waiter's clock) means the holder is gone. */
  staleAfterMs: number
  /** How often a waiter looks again. */
  pollMs: number
}

/**
 * 5 s beats; stale after a minute without one: longer than a live holder's renewal can take
 * on a slow or briefly failing connection (a timeout plus a retry), short enough that a run
 * after a killed one starts within about a minute.
 */
export const LOCK_TIMING: LockTiming = { heartbeatMs: 5_000, staleAfterMs: 60_000, pollMs: 2_000 }

export interface LockSeen {
  holder: string
  since: string
  /** The heartbeat's name: it changes while the holder lives. */
  beat: string
}

export interface LockOptions {
  /** Absolute path of remote-dir (it exists). */
  remoteRoot: string
  identity: RunIdentity
  timeoutMs: number
  timing: LockTiming
  now: () => number
  sleep: (ms: number) => Promise<void>
  log: Log
  /** Runs a step on some session (the pool), retried like any other, even after a cancel. */
  run: SessionRunner
  /** Where the heartbeat runs: a session of its own, so long uploads never hold it up. */
  beatRun?: SessionRunner
}

export type SessionRunner = <T>(what: string, fn: (session: RemoteSession) => Promise<T>) => Promise<T>

const lockPath = (o: LockOptions): string => posix.join(o.remoteRoot, LOCK_DIR)
const describeSeen = (seen: LockSeen | undefined): string =>
  seen === undefined || seen.holder === ''
    ? 'an unknown run (no holder.json yet)'
    : `${seen.holder} since ${seen.since}`

/** holder.json is a few hundred bytes; a bigger one is not ours to read (an unknown holder). */
const HOLDER_MAX_BYTES = 64 * 1024

/** What the lock directory shows now; undefined when there is no lock. */
export async function inspectLock(session: RemoteSession, remoteRoot: string): Promise<LockSeen | undefined> {
  const path = posix.join(remoteRoot, LOCK_DIR)
  const names = await session
    .statList(path)
    .then(infos => infos ?? session.list(path))
    .catch(() => undefined)
  if (names === undefined) return undefined
  const beat = names.map(i => i.name).find(n => BEAT.test(n)) ?? ''
  const data = await session.download(posix.join(path, HOLDER), HOLDER_MAX_BYTES).catch(() => undefined)
  let holder = ''
  let since = ''
  if (data !== undefined) {
    try {
      const doc = JSON.parse(data.toString('utf8')) as { holder?: unknown; since?: unknown }
      holder = typeof doc.holder === 'string' ? doc.holder : ''
      since = typeof doc.since === 'string' ? doc.since : ''
    } catch {
      // A holder.json cut short by a kill: an unknown holder, judged by its heartbeat alone.
    }
  }
  return { holder, since, beat }
}

export class DeployLock {
  private beat = 0
  private timer: NodeJS.Timeout | undefined
  private lastBeat: number
  private released = false
  private renewing: Promise<void> = Promise.resolve()
  private readonly releaseHooks: (() => void)[] = []

  private constructor(
    private readonly o: LockOptions,
    private readonly onLost: (reason: string) => void
  ) {
    this.lastBeat = o.now()
  }

  /** Takes the lock, waiting for a live holder up to `timeoutMs` and breaking a stale one. */
  static async acquire(o: LockOptions, onLost: (reason: string) => void, madeAlready = false): Promise<DeployLock> {
    const lock = new DeployLock(o, onLost)
    const started = o.now()
    let seen: LockSeen | undefined
    let movedAt = started
    let lastSaid = -Infinity
    let saidFor = ''
    for (let first = true; ; first = false) {
      // MKD fails where the directory exists: true only for the one run that made it.
      const made =
        (first && madeAlready) || (await o.run('Taking the deploy lock', session => session.makeDir(lockPath(o))))
      if (made) {
        // A holder that finished before it was ever named in a waiting line: said now.
        if (seen !== undefined && lastSaid === -Infinity) {
          o.log.info(
            `Waited ${((o.now() - started) / 1000).toFixed(1)} s for the deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}`
          )
        }
        await lock.claim()
        return lock
      }
      const now = o.now()
      const current = await o.run('Reading the deploy lock', session => inspectLock(session, o.remoteRoot))
      if (current === undefined) {
        // Released meanwhile (or not readable): try again after a pause, never in a busy loop.
        await o.sleep(o.timing.pollMs)
        continue
      }
      if (seen === undefined || current.beat !== seen.beat || current.holder !== seen.holder) movedAt = now
      seen = current
      if (now - movedAt >= o.timing.staleAfterMs) {
        o.log.warning(
          `Breaking a stale deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}: its heartbeat has not moved for ${Math.round((now - movedAt) / 1000)} s`
        )
        await lock.breakStale()
        seen = undefined
        continue
      }
      const waited = now - started
      if (waited >= o.timeoutMs) {
        throw new DeployError(
          `The deploy lock on ${o.remoteRoot} is held by ${describeSeen(seen)}; gave up after lock-timeout ${Math.round(o.timeoutMs / 1000)} s (${LOCK_DIR} in remote-dir; it is broken automatically once its holder stops renewing it for ${o.timing.staleAfterMs / 1000} s)`,
          { transient: false }
        )
      }
      // A holder writes holder.json right after its MKD: look again soon rather than report an
      // unknown holder that is about to be known. Said again every 30 s, and when it changes.
      const unknown = seen.holder === '' && waited < o.timing.staleAfterMs / 4
      if (!unknown && (now - lastSaid >= 30_000 || describeSeen(seen) !== saidFor)) {
        saidFor = describeSeen(seen)
        o.log.info(
          `Waiting for the deploy lock on ${o.remoteRoot}: held by ${describeSeen(seen)} (waited ${Math.round(waited / 1000)} s)`
        )
        lastSaid = now
      }
      const pause = unknown ? Math.min(200, o.timing.pollMs) : o.timing.pollMs
      await o.sleep(Math.min(pause, Math.max(0, o.timeoutMs - waited)))
    }
  }

  /** Says who holds it, starts the heartbeat. */
  private async claim(): Promise<void> {
    const path = lockPath(this.o)
    const holder = { holder: this.o.identity.description, since: new Date(this.o.now()).toISOString() }
    // Who holds it is for the people waiting: a server that refuses the file still has a lock.
    await this.o
      .run('Writing the deploy lock', session =>
        session.upload(Buffer.from(JSON.stringify(holder, null, 1) + '\n'), posix.join(path, HOLDER))
      )
      .catch(err =>
        this.o.log.warning(`The deploy lock is held, but ${HOLDER} could not be written: ${describeError(err)}`)
      )
    await this.o.run('Starting the deploy lock', session => session.makeDir(posix.join(path, `beat-${this.beat}`)))
    this.lastBeat = this.o.now()
    this.o.log.info(`Took the deploy lock ${path}`)
    this.schedule()
  }

  private schedule(): void {
    if (this.released) return
    this.timer = setTimeout(() => {
      this.renewing = this.renew().finally(() => this.schedule())
    }, this.o.timing.heartbeatMs)
    this.timer.unref()
  }

  private async renew(): Promise<void> {
    const path = lockPath(this.o)
    const next = this.beat + 1
    try {
      await (this.o.beatRun ?? this.o.run)('Renewing the deploy lock', async session => {
        await session.makeDir(posix.join(path, `beat-${next}`))
        await quietly(session.removeDir(posix.join(path, `beat-${this.beat}`)))
      })
      this.beat = next
      this.lastBeat = this.o.now()
    } catch (err) {
      this.o.log.warning(`Could not renew the deploy lock: ${describeError(err)}`)
    }
    // A holder whose heartbeat others may take for dead stops before they break its lock.
    if (!this.released && this.o.now() - this.lastBeat > this.o.timing.staleAfterMs / 2) {
      this.onLost(`the deploy lock could not be renewed for ${Math.round((this.o.now() - this.lastBeat) / 1000)} s`)
    }
  }

  /** Moves a stale lock aside in one rename (only one waiter wins it), then removes it. */
  private async breakStale(): Promise<void> {
    const path = lockPath(this.o)
    const aside = `${path}.stale-${this.o.now().toString(36)}`
    await this.o.run('Breaking the deploy lock', async session => {
      const moved = await quietly(session.rename(path, aside))
      // Not moved: renames refused, or a retry after the move went through (clean both then).
      for (const dir of moved ? [aside] : [aside, path]) await removeLockDir(session, dir)
    })
  }

  onRelease(hook: () => void): void {
    this.releaseHooks.push(hook)
  }

  /** Releases the lock: at the end, on failure and on cancel. */
  async release(): Promise<void> {
    this.released = true
    clearTimeout(this.timer)
    // A renewal in flight would leave a heartbeat behind in the directory being removed.
    await this.renewing
    this.releaseHooks.forEach(hook => hook())
    const path = lockPath(this.o)
    await this.o.run('Releasing the deploy lock', async session => {
      // What this run put there, in one write where the server takes it; else look inside.
      if (session.server.pipelining) {
        const done = await session.together([
          { kind: 'rmdir', path: posix.join(path, `beat-${this.beat}`) },
          { kind: 'remove', path: posix.join(path, HOLDER) },
          { kind: 'rmdir', path }
        ])
        if (done[2]!.done) return
      }
      await removeLockDir(session, path)
    })
    this.o.log.info(`Released the deploy lock ${lockPath(this.o)}`)
  }
}

async function removeLockDir(session: RemoteSession, path: string): Promise<void> {
  const infos = (await session.statList(path).catch(() => undefined)) ?? (await session.list(path).catch(() => []))
  for (const info of infos) if (BEAT.test(info.name)) await quietly(session.removeDir(posix.join(path, info.name)))
  // By name: a listing may miss it (and it may never have been written).
  await quietly(session.remove(posix.join(path, HOLDER)))
  await quietly(session.removeDir(path))
}
