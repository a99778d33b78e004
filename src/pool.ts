/**
 * A pool of sessions, each its own control connection and TLS session (one basic-ftp Client
 * runs one task at a time). `run` retries transient failures on a fresh connection with
 * backoff; final failures are thrown at once with the server's reply.
 */
import { DeployError, describeError } from './errors.js'
import { RemoteSession } from './ftp/session.js'
import { Log } from './log.js'
import { backoffMs, isTransient } from './retry.js'

export interface PoolOptions {
  /** Most sessions open at once. */
  size: number
  /** Retries per task after transient failures. */
  retries: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export class SessionPool {
  private readonly idle: RemoteSession[] = []
  private readonly all = new Set<RemoteSession>()
  private opening = 0
  private readonly waiting: (() => void)[] = []
  private readonly sleep: (ms: number) => Promise<void>
  private cancelled: string | undefined

  constructor(
    private readonly open: () => Promise<RemoteSession>,
    private readonly options: PoolOptions,
    private readonly log: Log,
    first?: RemoteSession
  ) {
    this.sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)))
    if (first) {
      this.all.add(first)
      this.idle.push(first)
    }
  }

  /**
   * Stops new tasks: `run` then fails at once, except for tasks marked `always` (the manifest
   * write that records what was done before the stop).
   */
  cancel(reason: string): void {
    this.cancelled ??= reason
    this.waiting.splice(0).forEach(wake => wake())
  }

  /** Runs fn on a session of its own; transient failures get a new connection and another try. */
  async run<T>(
    what: string,
    fn: (session: RemoteSession) => Promise<T>,
    options: { always?: boolean } = {}
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let session: RemoteSession | undefined
      if (this.cancelled !== undefined && !options.always) {
        throw new DeployError(`${what}: not started, the deploy was cancelled (${this.cancelled})`, {
          transient: false
        })
      }
      try {
        session = await this.acquire()
        const result = await fn(session)
        this.release(session)
        return result
      } catch (err) {
        const transient = isTransient(err)
        if (session) {
          // A transient failure leaves the connection in doubt: always start over on a new one.
          if (transient || !session.usable) this.discard(session)
          else this.release(session)
        }
        if (!transient || attempt > this.options.retries || (this.cancelled !== undefined && !options.always)) throw err
        const wait = backoffMs(attempt, this.options.random)
        this.log.info(
          `${what}: ${describeError(err)}; retry ${attempt} of ${this.options.retries} in ${wait} ms on a new connection`
        )
        await this.sleep(wait)
      }
    }
  }

  /** Closes every session. */
  closeAll(): void {
    for (const session of this.all) session.close()
    this.all.clear()
    this.idle.length = 0
  }

  private async acquire(): Promise<RemoteSession> {
    for (;;) {
      const idle = this.idle.pop()
      // A session can die while idle (the server's idle timeout): then open another.
      if (idle?.usable) return idle
      if (idle) {
        this.discard(idle)
        continue
      }
      if (this.all.size + this.opening < this.options.size) {
        this.opening += 1
        try {
          const session = await this.open()
          this.all.add(session)
          return session
        } finally {
          this.opening -= 1
        }
      }
      await new Promise<void>(resolve => this.waiting.push(resolve))
    }
  }

  private release(session: RemoteSession): void {
    if (!session.usable) return this.discard(session)
    this.idle.push(session)
    this.waiting.shift()?.()
  }

  private discard(session: RemoteSession): void {
    session.close()
    this.all.delete(session)
    this.waiting.shift()?.()
  }
}

/** Runs tasks with at most `limit` at once; the first failure stops new tasks from starting. */
export async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]
      try {
        await task(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw failure.error
}
