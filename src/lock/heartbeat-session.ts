/**
 * The deploy lock's heartbeat on a connection of its own (run-lock.ts), so a beat never waits
 * behind transfers, and brief work beside the pool on it while it idles between beats.
 */
import { describeError } from '../core/errors.js'
import { isTransient } from '../core/retry.js'
import { OpeningSteps, RemoteSession } from '../core/remote-session.js'
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
  /** Settles once the opening's connection is greeted (never where it is refused first: the pool waits for the opening then). */
  private greeted: Promise<void> = Promise.resolve()
  /** Ends the opening under way (drop, close). */
  private abort: AbortController | undefined
  private closed = false
  /** After a refusal, the pool carries the beats a while before another try (a login costs round trips). */
  private retryAt = 0
  /** The opening started ahead of the lock (its MKD sent), not yet known to be the heartbeat's (`confirm`). */
  private ahead = false
  /** Its failure: the heartbeat's once confirmed, forgotten where dropped (the lock was another's). */
  private failedAhead: { err: unknown } | undefined

  constructor(
    private readonly openSession: (steps: OpeningSteps) => Promise<RemoteSession>,
    private readonly pool: SessionPool,
    private readonly log: Log
  ) {}

  /**
   * Starts opening the session: `opened` settles when it is in or refused (a failure is the next
   * beat's to handle), `greeted` once the server greeted it too (pool.ts `holdOpenings`).
   * `ahead`: before the lock is known to be this run's (then `confirm` or `drop`).
   */
  open(ahead = false): { opened: Promise<unknown>; greeted: Promise<void> } {
    this.ahead = ahead
    const opened = this.session()
    return { opened, greeted: this.greeted }
  }

  /** The lock is this run's: an opening started ahead is the heartbeat's, its failure too. */
  confirm(): void {
    this.ahead = false
    if (this.failedAhead !== undefined) this.refused(this.failedAhead.err)
    this.failedAhead = undefined
  }

  /**
   * Ends an opening started before the lock was known to be this run's, at once (its slot is
   * freed: another run holding the lock may need it); `open` starts another later.
   */
  drop(): void {
    this.abort?.abort()
    this.opening = undefined
    this.ahead = false
    this.failedAhead = undefined
    this.own?.close()
    this.own = undefined
  }

  close(): void {
    this.closed = true
    this.drop()
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
    const opening = (this.opening ??= this.start())
    try {
      return await opening
    } finally {
      if (this.opening === opening) this.opening = undefined
    }
  }

  /** A new opening, settled at once when ended (drop, close): one ended is no failure and leaves no retry to wait for. */
  private start(): Promise<RemoteSession | undefined> {
    const abort = (this.abort = new AbortController())
    const ended = (): boolean => this.closed || abort.signal.aborted
    let greet = (): void => undefined
    this.greeted = new Promise<void>(resolve => (greet = resolve))
    const opened = this.openSession({ greeted: greet, signal: abort.signal }).then(
      session => {
        if (ended()) session.close()
        else this.own = session
        return ended() ? undefined : session
      },
      (err: unknown) => {
        if (ended()) return undefined
        if (this.ahead) this.failedAhead = { err }
        else this.refused(err)
        return undefined
      }
    )
    const endedNow = new Promise<undefined>(resolve => abort.signal.addEventListener('abort', () => resolve(undefined)))
    return Promise.race([opened, endedNow])
  }

  private refused(err: unknown): void {
    this.log.debug(`The lock's heartbeat goes through the pool for a while: ${describeError(err)}`)
    this.retryAt = Date.now() + 30_000
  }
}
