/**
 * The deploy lock's heartbeat on a connection of its own (run-lock.ts), so a beat never waits
 * behind transfers, and brief work beside the pool on it while it idles between beats.
 */
import { describeError } from '../core/errors.js'
import { isTransient } from '../core/retry.js'
import { RemoteSession } from '../core/remote-session.js'
import { Log } from '../core/log.js'
import { SessionPool } from '../session/pool.js'
import type { SessionRunner } from './lock-options.js'

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
export class HeartbeatSession {
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
    return this.tracked('beating', this.runNow(what, fn))
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
    return this.tracked('besideWork', fn(own))
  }

  /** `work`, held in `slot` while in flight (what the other runner waits for, or steps around). */
  private async tracked<T>(slot: 'beating' | 'besideWork', work: Promise<T>): Promise<T> {
    const settled = work.catch(() => undefined)
    this[slot] = settled
    try {
      return await work
    } finally {
      if (this[slot] === settled) this[slot] = undefined
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
