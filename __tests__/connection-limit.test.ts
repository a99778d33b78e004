/** The connection-limit classifier (a table) and the pool's answer to a limit (a fake server). */
import { connectionLimitOf, limitOfError } from '../src/core/connection-limit.js'
import { DeployError, ReplyError } from '../src/core/errors.js'
import { RemoteSession } from '../src/ftp/index.js'
import { SessionPool } from '../src/session/pool.js'
import { recordingLog } from './support/engine.js'

describe('connectionLimitOf', () => {
  test.each<[number, string, number | undefined]>([
    // pure-ftpd -C (before the greeting), server-wide -c, per user -y (OVH: 3)
    [421, '421 Too many connections (2) from this IP', 2],
    [421, '421 50 users (the maximum) are already logged in, sorry', 50],
    [421, "421 I can't accept more than 3 connections as the same user", 3],
    // ProFTPD MaxClientsPerHost / MaxClients / MaxClientsPerUser / MaxHostsPerUser, after PASS
    [530, '530 Sorry, the maximum number of clients (2) from your host are already connected.', 2],
    [530, '530 Sorry, the maximum number of allowed clients (10) are already connected.', 10],
    [530, '530 Sorry, the maximum number of clients (4) for this user are already connected.', 4],
    [530, '530 Sorry, the maximum number of hosts (1) for this user are already connected.', 1],
    // vsftpd max_per_ip, max_clients
    [421, '421 There are too many connections from your internet address.', undefined],
    [421, '421 There are too many connected users, please try later.', undefined],
    // FileZilla Server, IIS, Serv-U and other variants
    [421, '421 Too many users are connected, please try again later.', undefined],
    [421, '421 Too many users logged on - please try again later', undefined],
    [421, '421 Maximum number of connections exceeded', undefined],
    [421, '421 Too many simultaneous connections (8)', 8],
    [530, '530 No more connections allowed', undefined],
    [421, '421 Connection limit reached', undefined]
  ])('%i %s', (code, reply, count) => {
    expect(connectionLimitOf(code, reply)).toEqual({ code, reply, ...(count === undefined ? {} : { count }) })
  })

  test("an SFTP channel refused on a connection the server let in is that connection's own limit", () => {
    const reply = 'Too many sessions: the server refused an SFTP channel ((SSH) Channel open failure: open failed)'
    expect(connectionLimitOf(421, reply)).toEqual({ code: 421, reply, onItsOwn: true })
  })

  test.each<[number, string]>([
    [530, '530 Login incorrect.'],
    [530, '530 Login authentication failed'],
    [530, '530 Sorry, no such user'],
    [530, '530 User cannot log in.'],
    [421, '421 Timeout.'],
    [421, '421 Service not available, closing control connection.'],
    [421, '421 Too many failed login attempts'],
    [550, '550 Too many connections (2) from this IP'], // right text, not a code a limit comes with
    [425, '425 Too many connections'],
    [226, '226 Transfer complete']
  ])('not a limit: %i %s', (code, reply) => {
    expect(connectionLimitOf(code, reply)).toBeUndefined()
  })

  test('finds the reply in a DeployError, a ReplyError and an error cause', () => {
    const reply = '421 Too many connections (2) from this IP'
    const ftp = new ReplyError(421, reply)
    expect(limitOfError(ftp)?.count).toBe(2)
    expect(limitOfError(new DeployError(`Could not connect: ${reply}`, {}, { cause: ftp }))?.reply).toBe(reply)
    const proftpd = '530 Sorry, the maximum number of clients (2) from your host are already connected.'
    expect(limitOfError(new DeployError('Login failed', { command: 'PASS', code: 530, reply: proftpd }))?.count).toBe(2)
    expect(limitOfError(new DeployError('Login', { code: 530, reply: '530 Login incorrect.' }))).toBeUndefined()
    expect(limitOfError(new Error('read ECONNRESET'))).toBeUndefined()
  })
})

/** A fake server that lets `allowed()` sessions in at once and refuses more with `reply`. */
function fakeServer(allowed: () => number, reply = '421 Too many connections (2) from this IP') {
  let open = 0
  let opened = 0
  let refused = 0
  let peak = 0
  const factory = async (): Promise<RemoteSession> => {
    await new Promise(r => setImmediate(r))
    if (open >= allowed()) {
      refused += 1
      const code = Number(reply.slice(0, 3))
      if (code === 530) throw new DeployError(`Login failed: ${reply}`, { command: 'PASS', code, reply })
      throw new DeployError(`Could not connect: ${reply}`, {}, { cause: new ReplyError(code, reply) })
    }
    open += 1
    opened += 1
    peak = Math.max(peak, open)
    let closed = false
    return {
      get usable() {
        return !closed
      },
      close: () => {
        if (!closed) open -= 1
        closed = true
      }
    } as unknown as RemoteSession
  }
  return { factory, stats: () => ({ open, opened, refused, peak }) }
}

const noSleep = async (): Promise<void> => undefined
const work = (pool: SessionPool, n: number, ms = 2): Promise<unknown> =>
  Promise.all(
    Array.from({ length: n }, (_, i) => pool.run(`task ${i}`, () => new Promise(r => setTimeout(() => r(i), ms))))
  )

describe('SessionPool at a connection limit', () => {
  test.each([4, 16])(
    'concurrency %i on a server allowing 2: every task runs, on 2 connections, one warning',
    async size => {
      const server = fakeServer(() => 2)
      const log = recordingLog()
      const pool = new SessionPool(server.factory, { size, retries: 0, sleep: noSleep }, log)
      await expect(work(pool, 200)).resolves.toHaveLength(200)
      expect(server.stats()).toMatchObject({ peak: 2, opened: 2 })
      expect(log.warnings).toEqual([
        `The server limits connections ("421 Too many connections (2) from this IP"): going on with 2 connection(s) instead of ${size} (concurrency); no file's retries are spent on it`
      ])
      pool.closeAll()
    }
  )

  test("ProFTPD's 530 after PASS is a limit too, and spends no retry of a task (retries: 0)", async () => {
    const reply = '530 Sorry, the maximum number of clients (3) from your host are already connected.'
    const server = fakeServer(() => 3, reply)
    const log = recordingLog()
    const pool = new SessionPool(server.factory, { size: 8, retries: 0, sleep: noSleep }, log)
    await expect(work(pool, 50)).resolves.toHaveLength(50)
    expect(server.stats().peak).toBe(3)
    expect(log.warnings).toHaveLength(1)
    expect(log.warnings[0]).toContain(`("${reply}"): going on with 3 connection(s) instead of 8`)
  })

  test('a wrong password stays final and fast: no wait, no retry', async () => {
    const sleeps: number[] = []
    const reply = '530 Login incorrect.'
    const pool = new SessionPool(
      async () => {
        throw new DeployError(`Login as deployer failed: the server answered PASS with ${reply}`, {
          command: 'PASS',
          code: 530,
          reply
        })
      },
      { size: 4, retries: 3, sleep: async ms => void sleeps.push(ms) },
      recordingLog()
    )
    await expect(pool.run('Connecting', async s => s)).rejects.toThrow(`PASS with ${reply}`)
    expect(sleeps).toEqual([])
  })

  test('a server full of other clients: the first connection waits with backoff, then fails clearly', async () => {
    const sleeps: number[] = []
    const server = fakeServer(() => 0)
    const log = recordingLog()
    const pool = new SessionPool(
      server.factory,
      { size: 4, retries: 3, sleep: async ms => void sleeps.push(ms), random: () => 1 },
      log
    )
    await expect(pool.run('Connecting', async s => s)).rejects.toThrow(
      "Could not connect: 421 Too many connections (2) from this IP (the server's connection limit: no connection was let in after 6 tries; other clients hold every connection it allows)"
    )
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 15000])
    expect(server.stats().refused).toBe(6)
  })

  test('a first connection that gets a slot after waiting goes on', async () => {
    let slots = 0
    const server = fakeServer(() => slots)
    const log = recordingLog()
    const pool = new SessionPool(server.factory, { size: 4, retries: 0, sleep: async () => void (slots = 1) }, log)
    await expect(work(pool, 10)).resolves.toHaveLength(10)
    // The four tasks of the first wave each tried once; the last one waited for the slot.
    expect(server.stats()).toMatchObject({ peak: 1, refused: 4 })
    expect(log.warnings).toEqual([expect.stringContaining('going on with 1 connection(s) instead of 4')])
  })

  test('a limit met mid-run (another client took slots) shrinks the pool the same way', async () => {
    let allowed = 4
    const server = fakeServer(() => allowed)
    const log = recordingLog()
    const pool = new SessionPool(server.factory, { size: 4, retries: 1, sleep: noSleep }, log)
    await work(pool, 20)
    expect(server.stats().peak).toBe(4)
    // Another client takes two slots while two of our sessions are lost and reopened.
    allowed = 2
    let lost = 0
    const tasks = Array.from({ length: 100 }, (_, i) =>
      pool.run(`task ${i}`, async session => {
        if (lost < 2) {
          lost += 1
          session.close()
          throw new Error('read ECONNRESET')
        }
        await new Promise(r => setTimeout(r, 1))
      })
    )
    await Promise.all(tasks)
    expect(server.stats().open).toBeLessThanOrEqual(2)
    expect(log.warnings).toHaveLength(1)
    expect(log.warnings[0]).toContain('going on with 2 connection(s) instead of 4')
  })

  test('after raiseAfterMs it tries one connection more, and keeps it when the server lets it in', async () => {
    let now = 0
    let allowed = 2
    const server = fakeServer(() => allowed)
    const log = recordingLog()
    const pool = new SessionPool(
      server.factory,
      { size: 4, retries: 0, sleep: noSleep, now: () => now, raiseAfterMs: 1000 },
      log
    )
    await work(pool, 20)
    expect(server.stats().peak).toBe(2)
    allowed = 3
    now = 999
    await work(pool, 20)
    expect(server.stats().peak).toBe(2)
    now = 1000
    await work(pool, 20)
    expect(server.stats().peak).toBe(3)
    expect(log.warnings).toHaveLength(1)
  })
})

test("a task marked first (the lock's heartbeat) runs before every task already waiting for a session", async () => {
  const server = fakeServer(() => 1)
  const pool = new SessionPool(server.factory, { size: 1, retries: 0, sleep: noSleep }, recordingLog())
  const order: string[] = []
  const task = (name: string, options: { first?: boolean } = {}): Promise<void> =>
    pool.run(name, async () => void order.push(name), options)
  // One upload holds the only session; three wait; then the heartbeat asks.
  let finish = (): void => undefined
  const holding = pool.run('upload 0', () => new Promise<void>(resolve => (finish = resolve)))
  await new Promise(r => setImmediate(r))
  const waiting = [task('upload 1'), task('upload 2'), task('upload 3')]
  await new Promise(r => setImmediate(r))
  const beat = task('heartbeat', { first: true })
  finish()
  await Promise.all([holding, ...waiting, beat])
  expect(order).toEqual(['heartbeat', 'upload 1', 'upload 2', 'upload 3'])
  pool.closeAll()
})

test("holdOpenings: the pool opens no connection until the lock's heartbeat is in, so the host's limit leaves it its slot", async () => {
  const server = fakeServer(() => 2)
  const log = recordingLog()
  const pool = new SessionPool(server.factory, { size: 4, retries: 0, sleep: noSleep }, log)
  await pool.run('connect', async () => undefined)
  // The heartbeat's login is slower than the pool's would be.
  const heartbeat = new Promise(r => setTimeout(r, 20)).then(() => server.factory())
  pool.holdOpenings(heartbeat)
  pool.warm(4)
  await expect(work(pool, 20)).resolves.toHaveLength(20)
  await expect(heartbeat).resolves.toMatchObject({ usable: true })
  expect(server.stats().peak).toBe(2)
  // The warning counts the run's connections, the heartbeat's included: what the host sees.
  expect(log.warnings).toEqual([expect.stringContaining('going on with 2 connection(s) instead of 4 (concurrency)')])
  pool.closeAll()
})

test('holdOpenings: a cancel ends the wait for a heartbeat that never logs in', async () => {
  const server = fakeServer(() => 4)
  const pool = new SessionPool(server.factory, { size: 2, retries: 0, sleep: noSleep }, recordingLog())
  pool.holdOpenings(new Promise(() => undefined))
  const task = pool.run('upload', async () => 'ran')
  const cleanUp = pool.run('Removing a temporary', async () => 'cleaned', { always: true })
  await new Promise(r => setImmediate(r))
  pool.cancel('SIGINT')
  // A waiting task stops at the cancel; a clean-up step no longer waits for the heartbeat.
  await expect(task).rejects.toThrow('upload: stopped, the deploy was cancelled (SIGINT)')
  await expect(cleanUp).resolves.toBe('cleaned')
})

test("holdOpenings with the heartbeat's greeting: warm's connections connect from it and log in after the heartbeat; tasks wait for it to be in", async () => {
  const server = fakeServer(() => 8)
  const logins: (Promise<void> | undefined)[] = []
  const open = (_: unknown, loginAfter?: Promise<void>): Promise<RemoteSession> => {
    logins.push(loginAfter)
    return server.factory()
  }
  const pool = new SessionPool(open, { size: 4, retries: 0, sleep: noSleep }, recordingLog())
  let greet = (): void => undefined
  let loggedIn = (): void => undefined
  pool.holdOpenings(
    new Promise<void>(resolve => (loggedIn = resolve)).then(() => ({})),
    new Promise<void>(resolve => (greet = resolve))
  )
  pool.warm(3)
  let ran = false
  const task = pool.run('upload', async () => void (ran = true))
  const settle = (): Promise<void> => new Promise(r => setTimeout(r, 20))
  await settle()
  expect([logins.length, ran]).toEqual([0, false])
  greet()
  await settle()
  // Connected from the greeting (a limit counted on connecting leaves the heartbeat its slot),
  // each login held until the heartbeat's own (a limit counted at login does too).
  expect(logins).toHaveLength(3)
  expect(logins.every(login => login !== undefined)).toBe(true)
  // A task waits for the heartbeat to be in: where it is refused, its beat goes through the pool first.
  expect(ran).toBe(false)
  loggedIn()
  await task
  expect(ran).toBe(true)
  pool.closeAll()
})
