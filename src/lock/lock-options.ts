/**
 * What the deploy lock is given (lock.ts): who the run is, how often it beats and how long a
 * waiter waits for a beat, and where its steps run.
 */
import type { Log } from '../core/log.js'
import type { RemoteSession } from '../core/remote-session.js'

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

export interface LockOptions {
  /** Absolute path of remote-dir (it exists). */
  remoteRoot: string
  /** The lock directory's name in remoteRoot (default LOCK_DIR; `cutover: swap`: beside remote-dir). */
  lockName?: string
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
  /** Where holder.json goes once the heartbeat is made, not waited for (a release waits); default: with the heartbeat. */
  holderBeside?: SessionRunner
  /** The run's cancel: ends a wait for the lock at once. */
  signal?: AbortSignal
  /** The run's token (default: a new random one). */
  token?: string
  /** With a lock made before `acquire`: its first heartbeat (the token's) was made too, sent after this time. */
  beatSentAt?: number
}

export type SessionRunner = <T>(what: string, fn: (session: RemoteSession) => Promise<T>) => Promise<T>
