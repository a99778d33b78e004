/**
 * The pool after a cancel (issue 21, item 7), with fake sessions: tasks in flight stop at once
 * and their connection is closed (the transfer aborted); clean-up tasks (`always`) get one try,
 * no retries, and stop when the time to clean up runs out, however the server behaves.
 */
import { RemoteSession } from '../src/ftp/index.js'
import { SessionPool } from '../src/session/pool.js'
import { recordingLog } from './support/engine.js'

interface Fake {
  closed: boolean
}

/** A pool whose sessions record whether they were closed; `opens` counts logins. */
function fakePool(retries = 3): { pool: SessionPool; sessions: Fake[]; sleeps: number[] } {
  const sessions: Fake[] = []
  const sleeps: number[] = []
  const pool = new SessionPool(
    async () => {
      const fake: Fake = { closed: false }
      sessions.push(fake)
      return {
        get usable() {
          return !fake.closed
        },
        close: () => {
          fake.closed = true
        }
      } as unknown as RemoteSession
    },
    { size: 4, retries, sleep: async ms => void sleeps.push(ms), random: () => 1 },
    recordingLog()
  )
  return { pool, sessions, sleeps }
}

const never = (): Promise<never> => new Promise(() => undefined)
const lost = (): Promise<never> => Promise.reject(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))

test('a task in flight stops at the cancel, its connection closed; later tasks do not start', async () => {
  const { pool, sessions } = fakePool()
  const upload = pool.run('Upload of a.js', never)
  await new Promise(r => setImmediate(r))
  pool.cancel('SIGINT', 1000)
  await expect(upload).rejects.toThrow('Upload of a.js: stopped, the deploy was cancelled (SIGINT)')
  expect(sessions.map(s => s.closed)).toEqual([true])
  await expect(pool.run('Upload of b.js', async () => 1)).rejects.toThrow(
    'Upload of b.js: stopped, the deploy was cancelled (SIGINT)'
  )
  expect(sessions).toHaveLength(1)
  pool.closeAll()
})

test('after a cancel a clean-up step runs once: a lost connection is not tried again', async () => {
  const { pool, sleeps } = fakePool()
  pool.cancel('SIGINT', 1000)
  await expect(pool.run('Removing a.tmp', async () => 'removed', { always: true })).resolves.toBe('removed')
  let tries = 0
  await expect(pool.run('Removing b.tmp', () => (tries++, lost()), { always: true })).rejects.toThrow('read ECONNRESET')
  expect(tries).toBe(1)
  expect(sleeps).toEqual([])
  pool.closeAll()
})

test('a clean-up step that gets no answer stops when the time to clean up runs out, and so does every later one', async () => {
  const { pool, sessions } = fakePool()
  pool.cancel('SIGINT', 100)
  const started = Date.now()
  await expect(pool.run('Writing the manifest', never, { always: true })).rejects.toThrow(
    'Writing the manifest: given up, the time to clean up after the cancel (SIGINT) ran out'
  )
  // Generous: "does not hang" (30 s is the control timeout the server would otherwise get).
  expect(Date.now() - started).toBeLessThan(5000)
  expect(sessions.every(s => s.closed)).toBe(true)
  let ran = false
  await expect(pool.run('Releasing the deploy lock', async () => void (ran = true), { always: true })).rejects.toThrow(
    'given up'
  )
  expect(ran).toBe(false)
  await expect(pool.bounded('Releasing the deploy lock', never())).rejects.toThrow('given up')
  pool.closeAll()
})

test('without a cancel nothing changes: a lost connection is retried on a new one', async () => {
  const { pool, sessions, sleeps } = fakePool(1)
  let tries = 0
  await expect(pool.run('Upload of a.js', async () => (++tries === 1 ? lost() : 'done'))).resolves.toBe('done')
  expect(sleeps).toHaveLength(1)
  expect(sessions.map(s => s.closed)).toEqual([true, false])
  await expect(pool.bounded('x', Promise.resolve(7))).resolves.toBe(7)
  pool.closeAll()
})
