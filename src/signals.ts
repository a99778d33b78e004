/**
 * The runner cancels a job with SIGINT, then SIGTERM 7.5 s later and SIGKILL 2.5 s after that;
 * a user presses Ctrl-C. A cancelled run aborts its transfers at once, spends at most
 * CLEANUP_MS removing its temporaries, recording what it did and releasing its lock (what it
 * cannot clean in that time, the next run cleans), and exits well within the grace period.
 */

/** The runner's grace period between SIGINT and SIGTERM. */
export const GRACE_MS = 7_500
/** The time a cancelled run spends cleaning up; the rest of the grace period is margin. */
export const CLEANUP_MS = 5_000
/** If the run is still there this long after the signal, it exits anyway (a backstop). */
const EXIT_AFTER_MS = 7_000

/**
 * An AbortSignal aborted (reason 'SIGINT' or 'SIGTERM') on the first of either signal. Should
 * the run still be there EXIT_AFTER_MS later (something the cleanup could not bound), `overdue`
 * is told why and the process exits with status 1.
 */
export function cancelOnSignals(
  overdue: (message: string) => void = message => process.stderr.write(`${message}\n`)
): AbortSignal {
  const controller = new AbortController()
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    // Once: a second signal takes Node's default action and ends the process at once.
    process.once(name, () => {
      if (controller.signal.aborted) return
      controller.abort(name)
      // Unref'd: a run that ends earlier exits without waiting for it.
      setTimeout(() => {
        overdue(
          `error: the deploy was cancelled (${name}) and could not finish cleaning up within ${EXIT_AFTER_MS / 1000} s; exiting (the next run removes what is left)`
        )
        process.exit(1)
      }, EXIT_AFTER_MS).unref()
    })
  }
  return controller.signal
}

/**
 * After a cancelled run has reported: exit now, with `code`, instead of waiting for connections
 * that cannot be closed cleanly (a server that no longer answers) to time out.
 */
export function exitIfCancelled(signal: AbortSignal, code: number): void {
  if (signal.aborted) process.exit(code)
}
