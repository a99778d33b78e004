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

/** Runs' tokens (12 digits, as runs make them). */
const TOKENS: Record<string, string> = {
  'run A': '111111111111',
  'run A (killed)': '111111111111',
  'run B': '222222222222'
}
const C = '333333333333'

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
      token: TOKENS[extra.who ?? 'run B'],
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
    token: '222222222222'
  })
  expect(s.dirs.has(`${LOCK}/beat-2222222222220`)).toBe(true)
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
  expect([...s.dirs].filter(d => d.startsWith(ROOT + '/')).sort()).toEqual([LOCK, `${LOCK}/beat-2222222222220`])
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

const fast: LockTiming = { heartbeatMs: 5, staleAfterMs: 10_000, pollMs: 500 }
const realPause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
const lockDirs = (s: ReturnType<typeof server>): string[] => [...s.dirs].filter(d => d.startsWith(LOCK)).sort()

test('renewal renames only its own heartbeat: in a lock another run took over it makes no beat and stops; release leaves that lock alone', async () => {
  const s = server()
  const clock = { now: 0 }
  const lost: string[] = []
  const a = options(s, clock, { who: 'run A' })
  const lock = await DeployLock.acquire({ ...a.o, timing: fast }, reason => lost.push(reason))
  await realPause(60)
  // Its heartbeat moved, by rename (one directory at a time).
  expect(lockDirs(s)).toEqual([LOCK, expect.stringMatching(/^\/www\/\.ftps-deploy\.lock\/beat-111111111111[1-9]\d*$/)])
  // Another run takes the lock over (as a waiter does with a stale one): its heartbeat, its holder.json.
  const beatA = lockDirs(s)[1]!
  s.dirs.delete(beatA)
  s.dirs.add(`${LOCK}/beat-${C}0`)
  const holderC = JSON.stringify({ holder: 'run C', since: 'then', token: C })
  s.files.set(`${LOCK}/holder.json`, Buffer.from(holderC))
  await realPause(60)
  expect(lost).toEqual([
    expect.stringMatching(/^the deploy lock is no longer this run's: its heartbeat beat-111111111111\d+ is gone from/)
  ])
  await lock.release()
  expect(lockDirs(s)).toEqual([LOCK, `${LOCK}/beat-${C}0`])
  expect(s.files.get(`${LOCK}/holder.json`)!.toString()).toBe(holderC)
  expect(a.log.lines).toContainEqual(
    expect.stringMatching(/^info: Left the deploy lock \/www\/\.ftps-deploy\.lock alone/)
  )
})

test('release removes nothing of a lock without its heartbeat or token (another run holds it now)', async () => {
  const s = server()
  const clock = { now: 0 }
  const lock = await DeployLock.acquire(options(s, clock, { who: 'run A' }).o, () => undefined)
  // Broken (moved aside and removed) behind its back, and taken by run C.
  s.dirs.delete(`${LOCK}/beat-1111111111110`)
  s.dirs.add(`${LOCK}/beat-${C}0`)
  s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run C', token: C })))
  await lock.release()
  expect(lockDirs(s)).toEqual([LOCK, `${LOCK}/beat-${C}0`])
  expect(s.files.has(`${LOCK}/holder.json`)).toBe(true)
})

test('where commands go together, a release sends heartbeat, holder.json and directory in one write only while its heartbeat moved less than half the stale time ago', async () => {
  const writes: string[][] = []
  const take = async (clock: { now: number }) => {
    const s = server()
    Object.assign(s.session, {
      server: Object.assign(new ServerRecord(recordingLog(), { atomic: true }), { pipelining: true })
    })
    const together = s.session.together
    s.session.together = ops => {
      writes.push(ops.map(op => `${op.kind} ${op.path.slice(LOCK.length)}`))
      return together(ops)
    }
    return { s, lock: await DeployLock.acquire(options(s, clock, { who: 'run A' }).o, () => undefined) }
  }
  // Fresh: all of it in one write.
  const fresh = await take({ now: 0 })
  await fresh.lock.release()
  expect(lockDirs(fresh.s)).toEqual([])
  expect(writes).toContainEqual(['rmdir /beat-1111111111110', 'remove /holder.json', 'rmdir '])
  // Not moved for half the stale time (a waiter may have taken it over): broken behind its back
  // and taken by run C, whose holder.json stays.
  writes.length = 0
  const clock = { now: 0 }
  const old = await take(clock)
  old.s.dirs.delete(`${LOCK}/beat-1111111111110`)
  old.s.dirs.add(`${LOCK}/beat-${C}0`)
  old.s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run C', token: C })))
  clock.now += timing.staleAfterMs / 2
  await old.lock.release()
  expect(lockDirs(old.s)).toEqual([LOCK, `${LOCK}/beat-${C}0`])
  expect(old.s.files.has(`${LOCK}/holder.json`)).toBe(true)
  expect(writes.flat()).not.toContain('remove /holder.json')
})

test('a new holder with a heartbeat of the same name and a holder.json of the same size is a move, not staleness', async () => {
  const s = server()
  // A lock of an earlier version (beat-<n>, no token); then another run of that version takes it.
  s.dirs.add(LOCK)
  s.dirs.add(`${LOCK}/beat-0`)
  s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run 1', since: 'x' })))
  const clock = { now: 0 }
  const { o, log } = options(s, clock)
  const replaced = {
    ...o,
    sleep: async (ms: number) => {
      clock.now += ms
      if (clock.now === 8_000)
        s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run 2', since: 'x' })))
    }
  }
  const lock = await DeployLock.acquire(replaced, () => undefined)
  // Stale only 10 s after the change at 8 s, not 10 s after the start.
  expect(clock.now).toBeGreaterThanOrEqual(18_000)
  expect(log.warnings).toEqual([expect.stringMatching(/^Breaking a stale deploy lock on \/www, held by run 2 since x/)])
  // Taken over: the stale heartbeat renamed to this run's, holder.json this run's.
  expect(lockDirs(s)).toEqual([LOCK, `${LOCK}/beat-2222222222220`])
  expect(JSON.parse(s.files.get(`${LOCK}/holder.json`)!.toString()).token).toBe('222222222222')
  await lock.release()
})

test('breaking a stale lock that another waiter has just taken over removes nothing of it', async () => {
  const s = server()
  s.dirs.add(LOCK)
  s.dirs.add(`${LOCK}/beat-4444444444443`)
  const clock = { now: 0 }
  const { o, log } = options(s, clock, { timeoutMs: 15_000 })
  // Right before this waiter's rename, another waiter wins: renames the stale heartbeat to its own.
  const rename = s.session.rename
  s.session.rename = async (from, to) => {
    if (from === `${LOCK}/beat-4444444444443` && s.dirs.has(from)) {
      await rename(from, `${LOCK}/beat-${C}0`)
      s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run C', since: 'now', token: C })))
    }
    return rename(from, to)
  }
  const beating = {
    ...o,
    sleep: async (ms: number) => {
      clock.now += ms
      // Run C beats on.
      const beat = lockDirs(s).find(d => d.includes(`beat-${C}`))
      if (beat !== undefined) {
        s.dirs.delete(beat)
        s.dirs.add(`${LOCK}/beat-${C}${clock.now}`)
      }
    }
  }
  await expect(DeployLock.acquire(beating, () => undefined)).rejects.toThrow(/is held by run C since now; gave up/)
  expect(log.warnings).toHaveLength(1)
  expect(lockDirs(s)).toEqual([LOCK, expect.stringMatching(new RegExp(`beat-${C}\\d+$`))])
  expect(JSON.parse(s.files.get(`${LOCK}/holder.json`)!.toString()).token).toBe(C)
})

test('a stale lock without a heartbeat, taken by another waiter just before the move aside, is put back', async () => {
  const s = server()
  s.dirs.add(LOCK)
  const clock = { now: 0 }
  const { o } = options(s, clock, { timeoutMs: 12_000 })
  const rename = s.session.rename
  let swapped = false
  s.session.rename = async (from, to) => {
    if (from === LOCK && !swapped) {
      // Between this waiter's last look and its rename: the stale one is broken by another, who takes the lock.
      swapped = true
      s.dirs.delete(LOCK)
      s.dirs.add(LOCK)
      s.dirs.add(`${LOCK}/beat-${C}0`)
      s.files.set(`${LOCK}/holder.json`, Buffer.from(JSON.stringify({ holder: 'run C', since: 'now', token: C })))
    }
    return rename(from, to)
  }
  await expect(DeployLock.acquire(o, () => undefined)).rejects.toThrow(/is held by run C since now; gave up/)
  expect(swapped).toBe(true)
  expect(lockDirs(s)).toEqual([LOCK, `${LOCK}/beat-${C}0`])
  expect([...s.dirs].filter(d => d.includes('.stale-'))).toEqual([])
})

test('a lock directory that can be neither made nor read: the wait ends at lock-timeout', async () => {
  const s = server()
  const clock = { now: 0 }
  const { o } = options(s, clock, { timeoutMs: 5_000 })
  s.session.makeDir = async () => false
  let pauses = 0
  const bounded = {
    ...o,
    sleep: async (ms: number) => {
      clock.now += ms
      if (++pauses > 1_000) throw new Error(`still waiting after ${pauses} pauses`)
    }
  }
  await expect(DeployLock.acquire(bounded, () => undefined)).rejects.toThrow(
    /^Could not take the deploy lock on \/www: \.ftps-deploy\.lock could not be made and no lock is there to wait for; gave up after lock-timeout 5 s$/
  )
  expect(clock.now).toBe(5_000)
})

test('a cancel during the wait ends it at once', async () => {
  const s = server()
  const clock = { now: 0 }
  await DeployLock.acquire(options(s, clock, { who: 'run A' }).o, () => undefined)
  const controller = new AbortController()
  const { o } = options(s, clock, { signal: controller.signal })
  // The waiter's pause never ends by itself: only the cancel ends it.
  const waiting = DeployLock.acquire({ ...o, sleep: () => new Promise<void>(() => undefined) }, () => undefined)
  await realPause(20)
  controller.abort('SIGINT')
  await expect(waiting).rejects.toThrow(/^Waiting for the deploy lock on \/www: cancelled \(SIGINT\)$/)
})

test('a holder.json over 64 KiB is not downloaded: an unknown holder, judged by its heartbeat', async () => {
  const s = server()
  s.dirs.add(LOCK)
  s.dirs.add(`${LOCK}/beat-9`)
  s.files.set(`${LOCK}/holder.json`, Buffer.alloc(70_000, 'x'))
  const downloads: string[] = []
  const download = s.session.download
  s.session.download = async (path, maxBytes) => {
    downloads.push(path)
    return download(path, maxBytes)
  }
  const { o, log } = options(s, { now: 0 }, { timeoutMs: 0 })
  await expect(DeployLock.acquire(o, () => undefined)).rejects.toThrow(
    /held by an unknown run \(holder\.json of 70000 bytes, over the 64 KiB this tool reads\)/
  )
  expect(downloads).toEqual([])
  expect(log.warnings).toEqual([])
})

test('the heartbeat is named beat-<digits>, as earlier versions read a heartbeat, and its name moves', async () => {
  const s = server()
  const { o } = options(s, { now: 0 })
  const lock = await DeployLock.acquire({ ...o, token: undefined, timing: fast }, () => undefined)
  expect(lock.token).toMatch(/^\d{12}$/)
  const first = lockDirs(s)[1]!
  expect(first).toBe(`${LOCK}/beat-${lock.token}0`)
  await realPause(60)
  const later = lockDirs(s)[1]!
  expect(later).not.toBe(first)
  // The pattern an earlier version's waiter takes for a heartbeat (lock.ts before tokens).
  expect(later.slice(LOCK.length + 1)).toMatch(/^beat-(\d+)$/)
  await lock.release()
  expect(lockDirs(s)).toEqual([])
})
