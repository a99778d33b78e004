/**
 * Sessions several tasks may use at once, and how many use each now. A transport whose requests
 * are answered by id (SFTP: `parallel` > 1) lets many files be in flight on one connection, so a
 * task takes a session in use that has room before it waits for a login of its own; FTP sessions
 * (one command at a time) have no room beyond their one task and the pool works as before.
 */
import type { RemoteSession } from '../core/remote-session.js'

export class Shares {
  private readonly users = new Map<RemoteSession, number>()
  /** Most tasks at once on one session, as the sessions taken so far allow (1: one at a time). */
  private widest = 1

  /** Tasks that can run at once over `connections` sessions. */
  tasks(connections: number): number {
    return connections * this.widest
  }

  /** A task takes `session`; true when it has room for more. */
  take(session: RemoteSession): boolean {
    const count = (this.users.get(session) ?? 0) + 1
    this.users.set(session, count)
    this.widest = Math.max(this.widest, room(session))
    return count < room(session)
  }

  /** A task is done with `session`; true when no task uses it now. */
  leave(session: RemoteSession): boolean {
    const left = (this.users.get(session) ?? 1) - 1
    if (left > 0) {
      this.users.set(session, left)
      return false
    }
    this.users.delete(session)
    return true
  }

  /** The session is closed: nobody uses it. */
  forget(session: RemoteSession): void {
    this.users.delete(session)
  }

  /** The usable session in use with the most room left, or undefined when none has room. */
  roomiest(): RemoteSession | undefined {
    let best: RemoteSession | undefined
    let free = 0
    for (const [session, count] of this.users) {
      const left = room(session) - count
      if (left > free && session.usable) {
        best = session
        free = left
      }
    }
    return best
  }

  /** Whether a failed task leaves `session` sound for the others on it (requests answered by id). */
  static soundAfterFailure(session: RemoteSession): boolean {
    return room(session) > 1 && session.usable
  }
}

/** Tasks `session` takes at once. */
function room(session: RemoteSession): number {
  return Math.max(1, session.parallel ?? 1)
}
