/**
 * A pool's cancel: the moment its tasks stop (all but `always` ones: clean-up, the manifest, the
 * lock), and, given a time to clean up, the moment those stop too. What a stopped task says.
 */
import { CancelledError } from '../core/errors.js'
import { Moment } from './moment.js'

export class PoolStop {
  /** Why the run was cancelled; undefined before a cancel. */
  reason: string | undefined
  /** Reached at the cancel: tasks other than `always` ones stop there, their transfers aborted. */
  readonly stopping = new Moment()
  /** Reached when a cancel's time to clean up has run out: `always` tasks stop there too. */
  readonly outOfTime = new Moment()
  private deadlineTimer: NodeJS.Timeout | undefined

  /** The first cancel stops the tasks; the first `cleanupMs` given starts the clock on the rest. */
  cancel(reason: string, cleanupMs?: number): void {
    if (this.reason === undefined) {
      this.reason = reason
      this.stopping.reach()
    }
    if (cleanupMs !== undefined && this.deadlineTimer === undefined && !this.outOfTime.reached) {
      this.deadlineTimer = setTimeout(() => this.outOfTime.reach(), cleanupMs)
    }
  }

  /** Whether a task (`always` or not) must stop now. */
  isStopped(always: boolean | undefined): boolean {
    return (this.reason !== undefined && !always) || this.outOfTime.reached
  }

  /** Why a task stopped: the cancel, or (`always` tasks) the end of its time to clean up. */
  stopped(what: string, always: boolean | undefined): CancelledError {
    const why = always
      ? `given up, the time to clean up after the cancel (${this.reason}) ran out`
      : `stopped, the deploy was cancelled (${this.reason})`
    return new CancelledError(`${what}: ${why}`)
  }

  /** The moment a task stops at. */
  momentFor(always: boolean | undefined): Moment {
    return always ? this.outOfTime : this.stopping
  }

  clear(): void {
    clearTimeout(this.deadlineTimer)
  }
}
