/**
 * A pool of sessions, each its own control connection and TLS session (one basic-ftp Client
 * runs one task at a time; an SFTP session takes several at once, shares.ts). `run` retries
 * transient failures on a fresh connection with backoff; final failures are thrown at once with
 * the server's reply. A connection refused for the server's connection limit lowers the pool's
 * size instead: the task waits for a session.
 */
import { ConnectionCap, limitOfError } from '../core/connection-limit.js'
import { CancelledError, DeployError, describeError } from '../core/errors.js'
import { RemoteSession } from '../core/remote-session.js'
import { ServerRecord } from '../core/server-record.js'
import { Log } from '../core/log.js'
import { backoffMs, isTransient } from '../core/retry.js'
import { PoolStop } from './pool-stop.js'
import type { PoolOptions } from './pool-options.js'
import { HoldBack } from './hold-back.js'
import { IdleSessions } from './idle.js'
import { Shares } from './shares.js'

export class SessionPool {
  private readonly idle = new IdleSessions()
  private readonly all = new Set<RemoteSession>()
  private opening = 0
  private readonly waiting: (() => void)[] = []
  private readonly sleep: (ms: number) => Promise<void>
  /** The cancel, and the time to clean up after it. */
  private readonly stop = new PoolStop()
  /** Openings held back for a connection outside the pool (holdOpenings), and those that got in. */
  private readonly held = new HoldBack()
  /** Opens that failed (not for a limit), the last one's error: tasks waiting for a connection fail with it. */
  private openFailure: { count: number; err: unknown } | undefined
  private closed = false // after closeAll: a session that finishes opening is closed at once
  private readonly cap: ConnectionCap
  /** Sessions in use and by how many tasks (SFTP takes several at once: `tasks` over n connections). */
  readonly shares = new Shares()
  /** What this run learns about the server: every session the pool opens shares it. */
  readonly server: ServerRecord

  constructor(
    /** `loginAfter`: the login waits for it (a connection outside the pool logging in first, holdOpenings). */
    private readonly open: (server: ServerRecord, loginAfter?: Promise<void>) => Promise<RemoteSession>,
    private readonly options: PoolOptions,
    private readonly log: Log,
    first?: RemoteSession
  ) {
    this.server = new ServerRecord(log, { atomic: options.atomic ?? true })
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    this.cap = new ConnectionCap(options.size, {
      raiseAfterMs: options.raiseAfterMs ?? 300_000,
      now: options.now ?? Date.now
    })
    if (first) {
      this.all.add(first)
      this.idle.push(first)
    }
  }

  /**
   * Stops the run's tasks: those in flight end at once (their transfers aborted with their
   * connection) and `run` fails at once, except for tasks marked `always` (removing this run's
   * temporaries, the manifest write that records what was done, the lock). Those get one try
   * each, no retries, and given `cleanupMs` they stop once that has passed too: a cancel ends
   * within the runner's grace period, reachable server or not.
   */
  cancel(reason: string, cleanupMs?: number): void {
    this.stop.cancel(reason, cleanupMs)
    this.held.settle()
    this.waiting.splice(0).forEach(wake => wake())
  }

  /** `work` within a cancel's time to clean up (as it stands, unbounded before a cancel). */
  bounded<T>(what: string, work: Promise<T>): Promise<T> {
    return this.stop.outOfTime.race(work, () => this.stop.stopped(what, true))
  }

  /**
   * Opens no connection of its own until `opening` (a connection outside the pool: the lock's
   * heartbeat) has settled, so on a host that limits connections that one gets its slot first
   * and the pool goes on with what is left. Given `greeted` (it settles at that connection's
   * 220), those `warm` opens connect from then and wait only to log in (hold-back.ts). Idle
   * sessions are used meanwhile. A session `opening` resolves to counts in the connections the
   * limit's warning names.
   */
  holdOpenings(opening: Promise<unknown>, greeted?: Promise<void>): void {
    this.held.hold(opening, greeted)
  }

  /**
   * Runs fn on a session of its own; transient failures get a new connection and another try
   * (`retries` of them: the pool's by default, 0 for a step whose caller retries it differently).
   * `first`: ahead of every task waiting for a session (the lock's heartbeat, which must not
   * wait behind transfers).
   */
  async run<T>(
    what: string,
    fn: (session: RemoteSession) => Promise<T>,
    options: { always?: boolean; retries?: number; first?: boolean } = {}
  ): Promise<T> {
    let progressed = 0
    // After a lost connection, a fresh login: no session opened before it, nor used since (idle.ts).
    let openedAfter: number | undefined
    for (let tried = 1; ; tried++) {
      let session: RemoteSession | undefined
      const isStopped = (): boolean => this.stop.isStopped(options.always)
      if (isStopped()) throw this.stop.stopped(what, options.always)
      // A task outlived by its stop is abandoned: the session it gets, or holds, is closed.
      let abandoned = false
      const task = (async () => {
        const got = await this.acquire(() => abandoned || isStopped(), options.first ?? false, openedAfter)
        if (abandoned || isStopped()) {
          this.discard(got)
          throw this.stop.stopped(what, options.always)
        }
        session = got
        return fn(got)
      })()
      try {
        const stoppedAt = this.stop.momentFor(options.always)
        const result = await stoppedAt.race(task, () => this.stop.stopped(what, options.always))
        this.release(session!)
        return result
      } catch (err) {
        abandoned = true
        task.catch(() => undefined)
        const stoppedHere = isStopped()
        const transient = isTransient(err)
        if (session && transient && !session.usable) openedAfter = this.idle.mark()
        if (session) {
          // A transient failure leaves the connection in doubt (unless requests are answered by id):
          // start over on a new one. A stopped task's transfer is aborted with its connection.
          if ((transient && !Shares.soundAfterFailure(session)) || stoppedHere || !session.usable) this.discard(session)
          else this.release(session)
        }
        // After a cancel nothing is tried again: what is left is the next run's to clean.
        if (stoppedHere) throw transient ? this.stop.stopped(what, options.always) : err
        // A try that got somewhere (renames in doubt settled) is not counted: each settles more.
        if (err instanceof DeployError && err.details.progressed === true) progressed += 1
        const attempt = tried - progressed
        if (!transient || attempt > (options.retries ?? this.options.retries) || this.stop.reason !== undefined)
          throw err
        const wait = backoffMs(Math.max(1, attempt), this.options.random)
        this.log.info(
          `${what}: ${describeError(err)}; retry ${Math.max(1, attempt)} of ${this.options.retries} in ${wait} ms on a new connection`
        )
        await this.sleep(wait)
      }
    }
  }

  /**
   * Opens sessions ahead of the tasks that will need them, in parallel and in the background, up
   * to `count` in all (never beyond the server's limit): a login costs round trips that the first
   * files need not wait for. A connection that fails here is left to the tasks' own tries.
   */
  warm(count: number): void {
    if (this.held.until !== undefined) {
      void this.held.until.then(() => this.warm(count))
      return
    }
    const wanted = Math.min(count, this.cap.allowed()) - this.all.size - this.opening
    for (let i = 0; i < wanted; i++) {
      this.openWithinLimit().then(
        session => {
          if (session !== undefined) this.release(session)
        },
        (err: unknown) => this.log.debug(`A connection opened ahead failed: ${describeError(err)}`)
      )
    }
  }

  /** Closes every session. */
  closeAll(): void {
    this.closed = true
    this.stop.clear()
    for (const session of this.all) session.close()
    this.all.clear()
    this.idle.clear()
  }

  private async acquire(abandoned: () => boolean, first: boolean, openedAfter?: number): Promise<RemoteSession> {
    const failures = this.openFailure?.count ?? 0
    for (;;) {
      // Woken by a cancel: a stopped task opens no connection.
      if (abandoned()) throw new CancelledError('stopped')
      const idle = this.idle.take(openedAfter)
      // A session can die while idle (the server's idle timeout): then open another.
      if (idle?.usable) return this.took(idle)
      if (idle) {
        this.discard(idle)
        continue
      }
      // One in use with room (SFTP): no wait for a login. After a cancel, only sessions no stopped task holds.
      const shared = this.stop.reason === undefined ? this.shares.roomiest() : undefined
      if (shared !== undefined) return this.took(shared)
      // None of ours is open and a connection failed while this task waited: so does the task (it retries as it may).
      if (this.all.size === 0 && (this.openFailure?.count ?? 0) > failures) throw this.openFailure!.err
      if (this.all.size + this.opening < this.cap.allowed()) {
        // A task waits for the held connection to be in (or refused: then a beat waiting for it goes
        // first); the connections warm opens meanwhile log in after it anyway.
        if (this.held.login !== undefined) {
          await this.held.login
          continue
        }
        const session = await this.openWithinLimit()
        if (session !== undefined) return this.took(session)
        continue
      }
      // Full, and what is idle was open before the lost connection: the one open longest makes room.
      const old = openedAfter === undefined ? undefined : this.idle.takeOldest()
      if (old !== undefined) {
        this.discard(old)
        continue
      }
      await new Promise<void>(resolve => (first ? this.waiting.unshift(resolve) : this.waiting.push(resolve)))
    }
  }

  /**
   * Opens a session, or lowers the cap and returns undefined when the server refuses it for
   * its connection limit while others of ours are open or opening. With none, the server is
   * full of other clients: wait for a slot with backoff, a bounded number of times.
   */
  private async openWithinLimit(): Promise<RemoteSession | undefined> {
    this.opening += 1
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          const session = await this.open(this.server, this.held.login)
          this.idle.open(session)
          this.all.add(session)
          return session
        } catch (err) {
          const limit = limitOfError(err)
          if (limit === undefined) {
            this.openFailure = { count: (this.openFailure?.count ?? 0) + 1, err }
            this.waiting.splice(0).forEach(wake => wake())
            throw err
          }
          const others = this.all.size + this.opening - 1
          if (others > 0) {
            if (this.cap.lowered)
              this.log.info(`${limit.reply}: going on with ${others + this.held.outside} connection(s)`)
            this.cap.lower(limit, others)
            this.server.connectionLimit ??= limit
            return undefined
          }
          if (limit.onItsOwn === true) {
            throw new DeployError(
              `${describeError(err)}, the only channel of the run's only connection: not a limit other clients reach ` +
                '(sshd counts MaxSessions per connection); the server lets this account log in but open no SFTP session',
              { code: limit.code, reply: limit.reply, transient: false }
            )
          }
          const tries = this.options.limitRetries ?? 5
          if (attempt > tries || this.stop.reason !== undefined) {
            throw new DeployError(
              `${describeError(err)} (the server's connection limit: no connection was let in after ${attempt} tries; ` +
                'other clients hold every connection it allows)',
              { code: limit.code, reply: limit.reply, transient: false }
            )
          }
          const wait = backoffMs(attempt, this.options.random, 1000, 15_000)
          this.log.info(
            `${limit.reply}: no connection of ours is open; trying again in ${wait} ms (${attempt} of ${tries})`
          )
          await this.sleep(wait)
        }
      }
    } finally {
      this.opening -= 1
      const warning = this.cap.takeWarning(this.opening, this.held.outside)
      if (warning !== undefined) this.log.warning(warning)
    }
  }

  /** A task takes `session`; with room left (SFTP), the next waiting may share it. */
  private took(session: RemoteSession): RemoteSession {
    this.idle.use(session)
    if (this.shares.take(session)) this.waiting.shift()?.()
    return session
  }

  private release(session: RemoteSession): void {
    // Still in use by other tasks: one waiting may share it now.
    if (!this.shares.leave(session)) return void this.waiting.shift()?.()
    // More sessions than the server's limit leaves us (opened before it was known): close one.
    if (this.closed || !session.usable || this.all.size > this.cap.allowed()) return this.discard(session)
    this.idle.push(session)
    this.waiting.shift()?.()
  }

  private discard(session: RemoteSession): void {
    this.shares.forget(session)
    session.close()
    this.all.delete(session)
    this.waiting.shift()?.()
  }
}
