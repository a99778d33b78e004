/**
 * The pool's idle sessions, the order they were opened in and whether a task has used them: a
 * retry after a lost connection takes none opened before the loss, nor one a task has used since
 * (a fresh login). A network that cuts connections after so many bytes, a NAT that forgot an
 * idle connection, a server that restarted: a session that looks usable may be the next to go,
 * and a retry spent on it is one the run no longer has.
 */
import type { RemoteSession } from '../core/remote-session.js'

export class IdleSessions {
  /** Most recently released last. */
  private readonly sessions: RemoteSession[] = []
  private readonly serials = new WeakMap<RemoteSession, number>()
  /** Sessions a task has taken. */
  private readonly used = new WeakSet<RemoteSession>()
  private opened = 0

  /** Notes a session just opened (a session the pool did not open counts as opened first of all). */
  open(session: RemoteSession): void {
    this.serials.set(session, ++this.opened)
  }

  /** A task takes `session`. */
  use(session: RemoteSession): void {
    this.used.add(session)
  }

  /** A mark: sessions opened from now on are `after` it. */
  mark(): number {
    return this.opened
  }

  push(session: RemoteSession): void {
    this.sessions.push(session)
  }

  /**
   * The most recently released session; given `openedAfter` (a mark), the most recently released
   * one opened after it that no task has used, else undefined (the others stay idle for other tasks).
   */
  take(openedAfter?: number): RemoteSession | undefined {
    if (openedAfter === undefined) return this.sessions.pop()
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const s = this.sessions[i]!
      if ((this.serials.get(s) ?? 0) > openedAfter && !this.used.has(s)) return this.sessions.splice(i, 1)[0]
    }
    return undefined
  }

  /** The idle session opened first (closed to make room for a fresh login where the pool is full). */
  takeOldest(): RemoteSession | undefined {
    if (this.sessions.length === 0) return undefined
    const serial = (s: RemoteSession): number => this.serials.get(s) ?? 0
    const oldest = this.sessions.reduce((a, b) => (serial(b) < serial(a) ? b : a))
    return this.sessions.splice(this.sessions.indexOf(oldest), 1)[0]
  }

  clear(): void {
    this.sessions.length = 0
  }
}
