/**
 * Sessions several tasks share (issue 24 item 3: many files in flight on one SFTP channel), with
 * fake sessions: a session that takes `parallel` tasks gets that many at once before the pool
 * opens another or makes a task wait; a failure of one task leaves it open for the others; one
 * that takes a task at a time (FTP) is never shared. After a cancel, clean-up tasks get a
 * session no stopped task holds.
 */
import { SessionPool } from '../src/session/pool.js'
import { DeployError } from '../src/core/errors.js'
import { fakePool, idOf } from './support/fake-pool.js'

/** Runs n tasks at once; each records which session it ran on and how many ran there at its start. */
async function together(pool: SessionPool, n: number): Promise<{ on: number[]; most: number }> {
  const on: number[] = []
  const running = new Map<number, number>()
  let most = 0
  let release = (): void => undefined
  const gate = new Promise<void>(resolve => (release = resolve))
  const tasks = Array.from({ length: n }, (_, i) =>
    pool.run(`task ${i}`, async session => {
      const id = idOf(session)
      on.push(id)
      running.set(id, (running.get(id) ?? 0) + 1)
      most = Math.max(most, running.get(id)!)
      await gate
      running.set(id, running.get(id)! - 1)
    })
  )
  await new Promise(resolve => setTimeout(resolve, 20))
  release()
  await Promise.all(tasks)
  return { on, most }
}

test('a session that takes 4 tasks at once gets 4 before the pool opens another', async () => {
  const { pool, sessions } = fakePool({ size: 2, parallel: 4 })
  await pool.run('Connecting', async () => undefined)
  const first = await together(pool, 4)
  expect(sessions).toHaveLength(1)
  expect(first).toEqual({ on: [1, 1, 1, 1], most: 4 })
  const { on, most } = await together(pool, 8)
  expect(sessions).toHaveLength(2)
  expect(on.filter(id => id === 1)).toHaveLength(4)
  expect(on.filter(id => id === 2)).toHaveLength(4)
  expect(most).toBe(4)
  expect(pool.shares.tasks(2)).toBe(8)
  pool.closeAll()
})

test('one task at a time (FTP): never shared, the rest wait', async () => {
  const { pool, sessions } = fakePool({ size: 2 })
  const { on, most } = await together(pool, 6)
  expect(sessions).toHaveLength(2)
  expect(on).toHaveLength(6)
  expect(most).toBe(1)
  expect(pool.shares.tasks(2)).toBe(2)
  pool.closeAll()
})

test("a task's transient failure on a shared session leaves it open for the others; on an FTP one it closes it", async () => {
  for (const [parallel, closed] of [
    [4, false],
    [undefined, true]
  ] as const) {
    const { pool, sessions } = fakePool({ size: 1, parallel })
    let tries = 0
    await pool.run('Upload of a', async () => {
      if (tries++ === 0) throw new DeployError('size differs', { transient: true })
    })
    expect(tries).toBe(2)
    expect(sessions[0]!.closed).toBe(closed)
    pool.closeAll()
  }
})

test('after a cancel, a clean-up task does not share the session of a stopped task', async () => {
  const { pool, sessions } = fakePool({ size: 2, parallel: 4 })
  const stopped = pool.run('Upload of a', () => new Promise(() => undefined))
  await new Promise(resolve => setImmediate(resolve))
  pool.cancel('SIGTERM', 1000)
  // Asked for at once, before the stopped task has let go of its session.
  const cleanUp = pool.run('Removing a.tmp', async session => idOf(session), {
    always: true
  })
  await expect(stopped).rejects.toThrow(/cancelled/)
  expect(await cleanUp).toBe(2)
  expect(sessions[0]!.closed).toBe(true)
  pool.closeAll()
})
