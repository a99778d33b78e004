/**
 * A moment a task may be stopped at: a cancel, or the end of its time to clean up. Each task
 * listens while it runs and stops listening when done (a long run keeps no listener per task).
 */
export class Moment {
  reached = false
  private readonly listeners = new Set<() => void>()

  reach(): void {
    this.reached = true
    for (const listener of [...this.listeners]) listener()
  }

  /** `work`, or `error()` once the moment is reached, whichever comes first. */
  race<T>(work: Promise<T>, error: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const stop = (): void => reject(error())
      if (this.reached) return stop()
      this.listeners.add(stop)
      work.then(resolve, reject).finally(() => this.listeners.delete(stop))
    })
  }
}
