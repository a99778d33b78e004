/**
 * The pool's openings held back while a connection outside it (the lock's heartbeat) opens, so
 * on a host that limits connections that one gets its slot first (pool.ts `holdOpenings`), and
 * how many such connections got in: they take slots of the limit too.
 */
export class HoldBack {
  /** Settles once the connection outside the pool is in or failed (or on cancel); undefined: none held. */
  until: Promise<void> | undefined
  private release: (() => void) | undefined
  /** Connections of the run outside the pool that got in (the lock's heartbeat). */
  outside = 0

  /** Holds openings back until `opening` settles; a session it resolves to counts in `outside`. */
  hold(opening: Promise<unknown>): void {
    let settle = (): void => undefined
    const until = new Promise<void>(resolve => (settle = resolve))
    this.until = until
    this.release = settle
    const done = (opened: boolean): void => {
      if (opened) this.outside += 1
      settle()
      if (this.until === until) this.until = this.release = undefined
    }
    opening.then(
      session => done(session !== undefined),
      () => done(false)
    )
  }

  /** No more holding back (a cancel). */
  settle(): void {
    this.release?.()
    this.until = this.release = undefined
  }
}
