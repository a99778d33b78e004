/**
 * A SessionPool over fake sessions, for the pool's own logic (which session a task or a retry
 * takes, how many tasks share one): each session has an id (1, 2, ... in the order opened), is
 * usable until closed, and takes `parallel` tasks at once where given (SFTP's shared channel).
 */
import type { RemoteSession } from '../../src/core/remote-session.js'
import { SessionPool } from '../../src/session/pool.js'
import { recordingLog } from './engine.js'

export interface FakeSession {
  id: number
  closed: boolean
}

export interface FakePool {
  pool: SessionPool
  /** Every session opened, in order. */
  sessions: FakeSession[]
}

export function fakePool(options: {
  size: number
  /** Tasks a session takes at once (undefined: one, as on FTP). */
  parallel?: number
  /** A retry's wait (default: none). */
  sleep?: () => Promise<void>
}): FakePool {
  const sessions: FakeSession[] = []
  const pool = new SessionPool(
    async () => {
      const fake: FakeSession = { id: sessions.length + 1, closed: false }
      sessions.push(fake)
      return {
        parallel: options.parallel,
        id: fake.id,
        get usable() {
          return !fake.closed
        },
        close: () => {
          fake.closed = true
        }
      } as unknown as RemoteSession
    },
    { size: options.size, retries: 1, sleep: options.sleep ?? (async () => undefined) },
    recordingLog()
  )
  return { pool, sessions }
}

/** The id of a fake session. */
export const idOf = (session: RemoteSession): number => (session as unknown as { id: number }).id
