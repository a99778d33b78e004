/**
 * The deploy lock on remote-dir: a directory made with MKD, which fails on every server when it
 * exists, so two runs never both make it. Inside, holder.json says who holds it and since when,
 * and the heartbeat (lock-dir.ts) is renamed while the holder runs. A waiter measures on its own
 * clock how long neither has moved (no two machines' clocks are compared), and breaks the lock
 * once that passes `staleAfterMs`. Every step that changes the lock names the heartbeat it
 * expects, with the run's token in it, so a run only ever renews, releases or breaks the lock
 * it means to: never one another run made meanwhile.
 */
import { posix } from 'node:path'
import { DeployError, describeError } from '../core/errors.js'
import type { LockOptions } from './lock-options.js'
import { beatName, describeSeen, HOLDER, inspectLockDir, LOCK_DIR, LockSeen, newToken, sameLock } from './lock-dir.js'
import { cancellable, throwIfCancelled } from './lock-wait.js'
import { BeatMoves, breakBeatless, releaseOwn, renewBeat, rideRelease, startOwn, takeOverBeat } from './lock-steps.js'
import type { Riding } from '../core/remote-session.js'

export { inspectLock, LOCK_DIR } from './lock-dir.js'
export type { LockSeen } from './lock-dir.js'

export { LOCK_TIMING } from './lock-options.js'
export type { LockOptions, LockTiming, RunIdentity, SessionRunner } from './lock-options.js'

const lockPath = (o: LockOptions): string => posix.join(o.remoteRoot, o.lockName ?? LOCK_DIR)

export class DeployLock {
  readonly token: string
  private beat = 0
  private timer: NodeJS.Timeout | undefined
  /** When the heartbeat last moved (its command sent then, on this run's clock). */
  private lastBeat: number
  private released = false
  /** Why the lock is no longer this run's (its heartbeat is gone): then it is never touched again. */
  private lost: string | undefined
  /** How the heartbeat moves, and how far a release got (lock-steps.ts). */
  private readonly moves: BeatMoves = { byMkdir: false, beatRemoved: false, releaseSent: false }
  private renewing: Promise<void> = Promise.resolve()
  private holderWritten: Promise<void> = Promise.resolve()
  /** Taken by the MKD made before `acquire` (madeAlready), claimed at once: nothing came between. */
  takenAtOnce = false
  private readonly releaseHooks: (() => void)[] = []
  private stopping: Promise<void> | undefined
  /** Released by changes that rode in another write (`riding`). */
  private gone = false

  private constructor(
    private readonly o: LockOptions,
    private readonly onLost: (reason: string) => void
  ) {
    this.lastBeat = o.now()
    this.token = o.token ?? newToken()
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
      throwIfCancelled(o.signal, o.remoteRoot)
      // MKD fails where the directory exists: true only for the one run that made it.
      const made =
        (first && madeAlready) || (await o.run('Taking the deploy lock', session => session.makeDir(lockPath(o))))
      if (made && (await lock.claim(first && madeAlready ? o.beatSentAt : undefined))) {
        lock.takenAtOnce = first && madeAlready
        // A holder that finished before it was ever named in a waiting line: said now.
        if (seen !== undefined && lastSaid === -Infinity) {
          o.log.info(
            `Waited ${((o.now() - started) / 1000).toFixed(1)} s for the deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}`
          )
        }
        return lock
      }
      const now = o.now()
      const waited = now - started
      const current = made
        ? undefined
        : await o.run('Reading the deploy lock', session => inspectLockDir(session, lockPath(o)))
      if (current === undefined) {
        // Released meanwhile, or a directory this run can neither make nor read: a bounded wait.
        if (waited >= o.timeoutMs) {
          throw new DeployError(
            `Could not take the deploy lock on ${o.remoteRoot}: ${LOCK_DIR} could not be made and no lock is there to wait for; gave up after lock-timeout ${Math.round(o.timeoutMs / 1000)} s`,
            { transient: false }
          )
        }
        await lock.pause(Math.min(o.timing.pollMs, Math.max(0, o.timeoutMs - waited)))
        continue
      }
      // A new holder or a heartbeat that moved: measured from now. Compared by name and content,
      // so a new holder's heartbeat of the same number (or the same holder.json size) still counts.
      if (seen === undefined || !sameLock(current, seen)) movedAt = now
      seen = current
      if (now - movedAt >= o.timing.staleAfterMs) {
        o.log.warning(
          `Breaking a stale deploy lock on ${o.remoteRoot}, held by ${describeSeen(seen)}: its heartbeat has not moved for ${Math.round((now - movedAt) / 1000)} s`
        )
        if (await lock.breakStale(seen)) return lock
        seen = undefined
        continue
      }
      if (waited >= o.timeoutMs) {
        throw new DeployError(
          `The deploy lock on ${o.remoteRoot} is held by ${describeSeen(seen)}; gave up after lock-timeout ${Math.round(o.timeoutMs / 1000)} s (${LOCK_DIR} in remote-dir; it is broken automatically once its holder stops renewing it for ${o.timing.staleAfterMs / 1000} s)`,
          { transient: false }
        )
      }
      // A holder writes holder.json right after its MKD: look again soon rather than report an
      // unknown holder that is about to be known. Said again every 30 s, and when it changes.
      const unknown = seen.holder === '' && seen.raw === '' && waited < o.timing.staleAfterMs / 4
      if (!unknown && (now - lastSaid >= 30_000 || describeSeen(seen) !== saidFor)) {
        saidFor = describeSeen(seen)
        o.log.info(
          `Waiting for the deploy lock on ${o.remoteRoot}: held by ${describeSeen(seen)} (waited ${Math.round(waited / 1000)} s)`
        )
        lastSaid = now
      }
      const pause = unknown ? Math.min(200, o.timing.pollMs) : o.timing.pollMs
      await lock.pause(Math.min(pause, Math.max(0, o.timeoutMs - waited)))
    }
  }

  /** A waiter's pause, cut short by a cancel. */
  private async pause(ms: number): Promise<void> {
    await cancellable(this.o.sleep(ms), this.o.signal)
    throwIfCancelled(this.o.signal, this.o.remoteRoot)
  }

  /**
   * Starts the heartbeat in the directory this run just made (`beatSentAt`: made already), and says
   * who holds it, in one write where the server takes it (or beside, `holderBeside`). False when
   * that directory is gone already (moved aside by a waiter that took it for a stale one).
   */
  private async claim(beatSentAt: number | undefined): Promise<boolean> {
    const sentAt = beatSentAt ?? this.o.now()
    const beside = this.o.holderBeside
    const holder = beside === undefined ? this.holder() : undefined
    const started =
      beatSentAt !== undefined ||
      (await this.o.run('Starting the deploy lock', session =>
        startOwn(session, lockPath(this.o), this.token, holder, err => this.holderFailed(err))
      ))
    if (started && beside !== undefined) this.holderWritten = this.writeHolder(beside)
    if (started) this.startBeating(sentAt)
    return started
  }

  /** holder.json: who holds the lock, since when, and the run's token. */
  private holder(): Buffer {
    const since = new Date(this.o.now()).toISOString()
    const holder = { holder: this.o.identity.description, since, token: this.token }
    return Buffer.from(JSON.stringify(holder, null, 1) + '\n')
  }

  /** Who holds it is for the people waiting: a server that refuses the file still has a lock. */
  private holderFailed(err: unknown): void {
    this.o.log.warning(`The deploy lock is held, but ${HOLDER} could not be written: ${describeError(err)}`)
  }

  private async writeHolder(run = this.o.run): Promise<void> {
    const path = posix.join(lockPath(this.o), HOLDER)
    await run('Writing the deploy lock', session => session.upload(this.holder(), path)).catch(err =>
      this.holderFailed(err)
    )
  }

  private startBeating(sentAt: number): void {
    this.lastBeat = sentAt
    this.o.log.info(`Took the deploy lock ${lockPath(this.o)}`)
    this.schedule()
  }

  private schedule(): void {
    if (this.released || this.lost !== undefined) return
    this.timer = setTimeout(() => {
      this.renewing = this.renew().finally(() => this.schedule())
    }, this.o.timing.heartbeatMs)
    this.timer.unref()
  }

  /** One beat: the heartbeat renamed to its next number, which only succeeds in this run's own lock. */
  private async renew(): Promise<void> {
    const path = lockPath(this.o)
    const sentAt = this.o.now()
    try {
      const now = await (this.o.beatRun ?? this.o.run)('Renewing the deploy lock', session =>
        renewBeat(session, path, this.token, this.beat, this.moves)
      )
      if (now === undefined) {
        this.lost = `its heartbeat ${beatName(this.token, this.beat)} is gone from ${path} (another run broke the lock)`
        this.onLost(`the deploy lock is no longer this run's: ${this.lost}`)
        return
      }
      this.beat = now
      this.lastBeat = sentAt
    } catch (err) {
      this.o.log.warning(`Could not renew the deploy lock: ${describeError(err)}`)
    }
    // A holder whose heartbeat others may take for dead stops before they break its lock.
    if (!this.released && this.o.now() - this.lastBeat > this.o.timing.staleAfterMs / 2) {
      this.onLost(
        `the deploy lock could not be renewed for ${Math.round((this.o.now() - this.lastBeat) / 1000)} s; another run may take it over`
      )
    }
  }

  /**
   * Breaks the stale lock `seen`; true when this run holds the lock then. With a heartbeat, the
   * lock is taken over by renaming that heartbeat to this run's: one rename, which only one
   * waiter wins and which fails when the directory is another lock by now (the name carries
   * the stale holder's token), and the lock is never free in between. Without one (a holder
   * killed before its first beat), the directory is moved aside to a name of this run's and
   * removed only if what was moved is what was judged stale; else it is put back.
   */
  private async breakStale(seen: LockSeen): Promise<boolean> {
    const path = lockPath(this.o)
    const run = this.o.run
    if (seen.beat !== '') {
      const beats = seen.beat.split(',')
      const sentAt = this.o.now()
      if (!(await run('Breaking the deploy lock', session => takeOverBeat(session, path, beats, this.token))))
        return false
      await this.writeHolder()
      this.startBeating(sentAt)
      return true
    }
    const aside = `${path}.stale-${this.token}-${this.o.now().toString(36)}`
    const outcome = await run('Breaking the deploy lock', session => breakBeatless(session, path, aside, seen))
    if (outcome === 'stuck aside') {
      this.o.log.warning(
        `Moved a deploy lock taken meanwhile to ${aside} and could not put it back; its holder stops at its next heartbeat`
      )
    }
    return false
  }

  onRelease(hook: () => void): void {
    this.releaseHooks.push(hook)
  }

  /** No more beats; a renewal or holder.json in flight is waited for (it would leave a file behind). */
  private stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.released = true
      clearTimeout(this.timer)
      await this.renewing
      await this.holderWritten
      this.releaseHooks.forEach(hook => hook())
    })()
    return this.stopping
  }

  /** Moved less than half the stale time ago: no waiter can have taken it over (they wait the whole stale time from the move they saw). */
  private sure(): boolean {
    return this.o.now() - this.lastBeat < this.o.timing.staleAfterMs / 2
  }

  /**
   * The release as changes to ride behind the final manifest's rename, in its write (issue 22),
   * where all of it may go in one write (as `release` when sure); undefined where it goes on its
   * own. Once they went, `release` has nothing left to do, or goes on from where they stopped.
   */
  readonly riding = async (): Promise<Riding | undefined> => {
    await this.stop()
    const { moves } = this
    if (this.lost !== undefined || moves.beatRemoved || moves.releaseSent || !this.sure()) return undefined
    const path = lockPath(this.o)
    return rideRelease(path, this.token, this.beat, moves, () => {
      this.gone = true
      this.o.log.info(`Released the deploy lock ${path}`)
    })
  }

  /** Releases the lock: at the end, on failure and on cancel. Only this run's own. */
  async release(): Promise<void> {
    await this.stop()
    if (this.gone) return
    const path = lockPath(this.o)
    if (this.lost !== undefined) {
      this.o.log.info(`Left the deploy lock ${path} alone: it is no longer this run's (${this.lost})`)
      return
    }
    // All of it in one write where no waiter can have taken it over.
    const sure = this.sure()
    const done = await this.o.run('Releasing the deploy lock', session =>
      releaseOwn(session, path, this.token, this.beat, this.moves, sure)
    )
    if (done.outcome === 'released') this.o.log.info(`Released the deploy lock ${path}`)
    else if (done.outcome === 'not ours')
      this.o.log.info(`Left the deploy lock ${path} alone: it is not this run's (its heartbeat is gone)`)
    else
      this.o.log.warning(
        `The deploy lock ${path} was not removed: ${done.reply}; if it is still there, it goes stale and is broken by the next run`
      )
  }
}
