/** The deploy lock's rules on an in-memory server with a clock the test moves. */
import { FileInfo, FileType } from 'basic-ftp'
import { ReplyError } from '../src/core/errors.js'
import { RemoteSession } from '../src/ftp/index.js'
import type { OpOutcome } from '../src/core/remote-session.js'
import { DeployLock, LockTiming } from '../src/lock/lock.js'
import { recordingLog } from './support/engine.js'
import { ServerRecord } from '../src/core/server-record.js'

/** A server record for a fake session that takes one command at a time. */
const oneAtATime = (): ServerRecord =>
  Object.assign(new ServerRecord(recordingLog(), { atomic: true }), { pipelining: false })

const timing: LockTiming = { heartbeatMs: 1_000, staleAfterMs: 10_000, pollMs: 500 }
const ROOT = '/www'
const LOCK = '/www/.ftps-deploy.lock'

function server() {
  const dirs = new Set<string>(['/', ROOT])
  const files = new Map<string, Buffer>()
  const refuse = (): never => {
    throw new ReplyError(550, '550 Failed')
  }
  const children = (path: string): FileInfo[] =>
    [...dirs, ...files.keys()]
      .filter(p => p.startsWith(path + '/') && !p.slice(path.length + 1).includes('/'))
      .map(p =>
        Object.assign(new FileInfo(p.slice(path.length + 1)), {
          type: dirs.has(p) ? FileType.Directory : FileType.File,
          size: files.get(p)?.length ?? 0
        })
      )
  const session: RemoteSession = {
    tlsVersion: '',
    fingerprint: '',
    hash: async () => undefined,
    downloadHash: async () => undefined,
    hashes: async files => files.map(() => undefined),
    home: '/',
    usable: true,
    server: oneAtATime(),
    commit: () => Promise.reject(new Error('not used by these tests')),
    together: async ops => {
      const outcomes: OpOutcome[] = []
      for (const op of ops) {
        const act = op.kind === 'remove' ? session.remove : op.kind === 'rmdir' ? session.removeDir : session.makeDir
        outcomes.push(
          await act(op.path).then(
            () => ({ done: true as const }),
            () => ({ done: false as const, code: 550, reply: '550 Failed' })
          )
        )
      }
      return outcomes
    },
    statLists: () => Promise.reject(new Error('not used by these tests')),
    listEntries: () => Promise.reject(new Error('not used by these tests')),
    close: () => undefined,
    makeDir: async path => {
      if (dirs.has(path)) return false
      dirs.add(path)
      return true
    },
    statList: async path => (dirs.has(path) ? children(path) : undefined),
    list: async path => (dirs.has(path) ? children(path) : refuse()),
    upload: async (source, path) => {
      files.set(path, source as Buffer)
      return { size: (source as Buffer).length, sha256: '' }
    },
    download: async path => files.get(path),
    size: async path => files.get(path)?.length,
    rename: async (from, to) => {
      if (!dirs.delete(from)) refuse()
      dirs.add(to)
      for (const p of [...dirs].filter(d => d.startsWith(from + '/'))) {
        dirs.delete(p)
        dirs.add(to + p.slice(from.length))
      }
      for (const [p, data] of [...files].filter(([f]) => f.startsWith(from + '/'))) {
        files.delete(p)
        files.set(to + p.slice(from.length), data)
      }
    },
    chmod: async () => undefined,
    remove: async path => void (files.delete(path) || refuse()),
    removeDir: async path => void (children(path).length === 0 && dirs.delete(path) ? undefined : refuse())
  }
  return { dirs, files, session }
}

function options(
  s: ReturnType<typeof server>,
  clock: { now: number },
  extra: { timeoutMs?: number; who?: string; signal?: AbortSignal } = {}
) {
  const log = recordingLog()
  return {
    log,
    o: {
      remoteRoot: ROOT,
      identity: { description: extra.who ?? 'run B' },
      token: `tok-${(extra.who ?? 'run B').replace(/\W/g, '')}`,
      signal: extra.signal,
      timeoutMs: extra.timeoutMs ?? 60_000,
      timing,
      now: () => clock.now,
      sleep: async (ms: number) => void (clock.now += ms),
      log,
      run: <T>(_: string, fn: (session: RemoteSession) => Promise<T>) => fn(s.session)
    }
  }
}

test('a free lock is taken (holder and heartbeat inside) and released without a trace', async () => {
  const s = server()
  const { o } = options(s, { now: 0 })
  const lock = await DeployLock.acquire(o, () => undefined)
  expect(JSON.parse(s.files.get(`${LOCK}/holder.json`)!.toString())).toEqual({
    holder: 'run B',
    since: '1970-01-01T00:00:00.000Z',
    token: 'tok-runB'
  })
  expect(s.dirs.has(`${LOCK}/beat-tok-runB-0`)).toBe(true)
  await lock.release()
  expect([...s.dirs].filter(d => d.startsWith(LOCK))).toEqual([])
  expect([...s.files.keys()]).toEqual([])
})

test('a held lock whose heartbeat moves: waited for, then given up at lock-timeout naming the holder', async () => {
  const s = server()
  const clock = { now: 0 }
  await DeployLock.acquire(options(s, clock, { who: 'run A' }).o, () => undefined)
  // The holder beats on: its heartbeat name changes every second of the waiter's clock.
  const { o, log } = options(s, clock, { timeoutMs: 20_000 })
  const beating = {
    ...o,
    sleep: async (ms: number) => {
      clock.now += ms
      const beat = [...s.dirs].find(d => d.startsWith(`${LOCK}/beat-`))!
      s.dirs.delete(beat)
      s.dirs.add(`${LOCK}/beat-${clock.now}`)
    }
  }
  await expect(DeployLock.acquire(beating, () => undefined)).rejects.toThrow(
    /^The deploy lock on \/www is held by run A since 1970-01-01T00:00:00\.000Z; gave up after lock-timeout 20 s/
  )
  expect(clock.now).toBeGreaterThanOrEqual(20_000)
  expect(log.lines).toContain(
    'info: Waiting for the deploy lock on /www: held by run A since 1970-01-01T00:00:00.000Z (waited 0 s)'
  )
})

test('lock-timeout 0 fails at once, naming the holder, and changes nothing', async () => {
  const s = server()
  const clock = { now: 0 }
  await DeployLock.acquire(options(s, clock, { who: 'run A' }).o, () => undefined)
  const before = JSON.stringify([[...s.dirs].sort(), [...s.files.keys()].sort()])
  await expect(DeployLock.acquire(options(s, clock, { timeoutMs: 0 }).o, () => undefined)).rejects.toThrow(
    /held by run A since/
  )
  expect(clock.now).toBe(0)
  expect(JSON.stringify([[...s.dirs].sort(), [...s.files.keys()].sort()])).toBe(before)
})

test('a lock whose heartbeat stopped is broken after staleAfterMs with a warning naming it, then taken', async () => {
  const s = server()
  const clock = { now: 0 }
  await DeployLock.acquire(options(s, clock, { who: 'run A (killed)' }).o, () => undefined)
  const { o, log } = options(s, clock)
  const lock = await DeployLock.acquire(o, () => undefined)
  expect(clock.now).toBeGreaterThanOrEqual(timing.staleAfterMs)
  expect(clock.now).toBeLessThan(timing.staleAfterMs + 2 * timing.pollMs)
  expect(log.warnings).toEqual([
    expect.stringMatching(
      /^Breaking a stale deploy lock on \/www, held by run A \(killed\) since .*: its heartbeat has not moved for 10 s$/
    )
  ])
  expect(JSON.parse(s.files.get(`${LOCK}/holder.json`)!.toString()).holder).toBe('run B')
  expect([...s.dirs].filter(d => d.startsWith(ROOT + '/')).sort()).toEqual([LOCK, `${LOCK}/beat-tok-runB-0`])
  await lock.release()
})

test('a lock directory without holder.json (a holder killed right after MKD) is stale the same way', async () => {
  const s = server()
  s.dirs.add(LOCK)
  const clock = { now: 0 }
  const { o, log } = options(s, clock)
  await DeployLock.acquire(o, () => undefined)
  expect(log.warnings[0]).toContain('held by an unknown run (no holder.json yet)')
})
