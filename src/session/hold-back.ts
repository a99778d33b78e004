/**
 * The pool's openings held back while a connection outside it (the lock's heartbeat) opens, so
 * on a host that limits connections that one gets its slot first (pool.ts `holdOpenings`), and
 * how many such connections got in: they take slots of the limit too.
 *
 * In two steps, each a point where a server counts a connection against its limit: the pool's
 * connections connect once that one is greeted (vsftpd, pure-ftpd and pyftpdlib count on
 * connecting and refuse with 421 instead of the 220), and log in once it is logged in (ProFTPD
 * counts at login, 530 after PASS, and so does pure-ftpd's per-user limit). Their TCP, greeting
 * and TLS handshake, most of a login's round trips, go on meanwhile. Where no greeting is told
 * (SFTP), they connect once it is in. Tasks wait for it to be in: the connections opened ahead
 * are not ready sooner, and where it is refused the heartbeat's beat goes first.
 */
export class HoldBack {
  /** Settles once the connection outside the pool is greeted, in or failed (or on cancel): `warm` opens from then; undefined: none held. */
  until: Promise<void> | undefined
  /** Settles once it is in or failed (or on cancel): the pool's logins and tasks wait for it; undefined: none held. */
  login: Promise<void> | undefined
  private release: (() => void) | undefined
  /** Connections of the run outside the pool that got in (the lock's heartbeat). */
  outside = 0

  /**
   * Holds openings back until `opening` settles, or until `greeted` does for all but their
   * logins; it counts in `outside` from its greeting, and for good where `opening` resolves to a session.
   */
  hold(opening: Promise<unknown>, greeted?: Promise<void>): void {
    let settle = (): void => undefined
    const login = new Promise<void>(resolve => (settle = resolve))
    const until = greeted === undefined ? login : Promise.race([login, greeted])
    this.login = login
    this.until = until
    this.release = settle
    void until.then(() => {
      if (this.until === until) this.until = undefined
    })
    // Counted from its greeting: a server that counts connections before it greets (vsftpd,
    // pure-ftpd) counts it from then, and the pool's connections may meet the limit meanwhile.
    let counted = false
    let over = false
    const count = (now: boolean): void => {
      if (now !== counted) this.outside += now ? 1 : -1
      counted = now
    }
    void greeted?.then(() => over || count(true))
    const done = (opened: boolean): void => {
      over = true
      count(opened)
      settle()
      if (this.login === login) this.login = this.release = undefined
    }
    opening.then(
      session => done(session !== undefined),
      () => done(false)
    )
  }

  /** No more holding back (a cancel). */
  settle(): void {
    this.release?.()
    this.until = this.login = this.release = undefined
  }
}
