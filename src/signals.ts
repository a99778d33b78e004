/** The runner cancels a job with SIGINT, then SIGTERM; a user presses Ctrl-C. */
export function cancelOnSignals(): AbortSignal {
  const controller = new AbortController()
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    // Once: a second signal takes Node's default action and ends the process at once.
    process.once(name, () => controller.abort(name))
  }
  return controller.signal
}
