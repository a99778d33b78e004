/**
 * Which session a retry takes after a lost connection, with fake sessions: not an idle one opened
 * before the loss, nor one used since (on a network that cuts connections after so many bytes it
 * has carried most of them; after a NAT or a server restart it may be dead too) but a fresh login; where the pool is
 * full of such sessions, the one open longest is closed to make room. Other tasks still take idle
 * sessions as ever.
 */
import { RemoteSession } from '../src/core/remote-session.js'
import { SessionPool } from '../src/session/pool.js'
import { type FakePool, type FakeSession, fakePool, idOf } from './support/fake-pool.js'

/** A pool of `size` fake sessions; a retry's wait is the next entry of `naps` where the test set one. */
function napPool(size: number): FakePool & { naps: Promise<void>[] } {
  const naps: Promise<void>[] = []
  return { ...fakePool({ size, sleep: async () => naps.shift() }), naps }
}

/** A task that loses its connection on its first try (the session unusable, ECONNRESET), and says where each try ran. */
function losesFirst(tries: number[], sessions: FakeSession[]): (session: RemoteSession) => Promise<void> {
  return async session => {
    tries.push(idOf(session))
    if (tries.length > 1) return
    sessions[idOf(session) - 1]!.closed = true
    throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })
  }
}

/** Opens n sessions (n tasks at once), all idle after. */
async function openIdle(pool: SessionPool, n: number): Promise<void> {
  let release = (): void => undefined
  const gate = new Promise<void>(resolve => (release = resolve))
  const tasks = Array.from({ length: n }, () => pool.run('Connecting', () => gate))
  await new Promise(resolve => setTimeout(resolve, 10))
  release()
  await Promise.all(tasks)
}

test('the retry after a lost connection logs in afresh, leaving the idle session opened before the loss to others', async () => {
  const { pool, sessions } = napPool(3)
  await openIdle(pool, 2)
  const tries: number[] = []
  await pool.run('Uploading a.txt', losesFirst(tries, sessions))
  // Its first try on the session released last (2), lost; the retry on a new one (3), not on 1.
  expect(tries).toEqual([2, 3])
  expect(sessions.map(s => s.closed)).toEqual([false, true, false])
  // Another task takes an idle session as ever.
  const other: number[] = []
  await pool.run('Uploading b.txt', async session => void other.push(idOf(session)))
  expect(other).toEqual([3])
  expect(sessions).toHaveLength(3)
  pool.closeAll()
})

test('nor does it take a session opened after the loss that another task has used since', async () => {
  const { pool, sessions, naps } = napPool(3)
  await openIdle(pool, 1)
  const tries: number[] = []
  let wake = (): void => undefined
  naps.push(new Promise<void>(resolve => (wake = resolve)))
  const a = pool.run('Uploading a.txt', losesFirst(tries, sessions))
  await new Promise(resolve => setTimeout(resolve, 10))
  // While the retry waits, b.txt logs in (session 2) and is done: 2 is idle, used, on a connection that has carried b.txt.
  await pool.run('Uploading b.txt', async session => expect(idOf(session)).toBe(2))
  wake()
  await a
  expect(tries).toEqual([1, 3])
  expect(sessions.map(s => s.closed)).toEqual([true, false, false])
  pool.closeAll()
})

test('a full pool whose idle sessions were all open before the loss closes the one open longest for the retry', async () => {
  const { pool, sessions, naps } = napPool(2)
  await openIdle(pool, 2)
  const tries: number[] = []
  // While the retry waits: b.txt takes session 1, c.txt opens 3 and keeps it (the pool is full), b.txt lets go of 1.
  let wake = (): void => undefined
  naps.push(new Promise<void>(resolve => (wake = resolve)))
  const a = pool.run('Uploading a.txt', losesFirst(tries, sessions))
  await new Promise(resolve => setTimeout(resolve, 10))
  let bDone = (): void => undefined
  const b = pool.run('Uploading b.txt', async session => {
    expect(idOf(session)).toBe(1)
    await new Promise<void>(resolve => (bDone = resolve))
  })
  let done = (): void => undefined
  const holding = new Promise<void>(resolve => (done = resolve))
  const c = pool.run('Uploading c.txt', async session => {
    expect(idOf(session)).toBe(3)
    await holding
  })
  await new Promise(resolve => setTimeout(resolve, 10))
  bDone()
  await b
  await new Promise(resolve => setTimeout(resolve, 10))
  wake()
  // c.txt lets go of session 3 once a.txt's retry has run, or after 2 s (then the retry would take 3).
  const timer = setTimeout(done, 2000)
  await a
  done()
  clearTimeout(timer)
  await c
  expect(tries).toEqual([2, 4])
  expect(sessions.map(s => s.closed)).toEqual([true, true, false, false])
  pool.closeAll()
})
