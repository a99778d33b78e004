/**
 * The deploy lock under the conditions that used to let two runs both hold it, against real
 * servers: a host capped at 2 connections over a slow link (the benchmark's latency proxy with
 * a rate cap), where the holder has no connection of its own for its heartbeat and its uploads
 * last longer than the stale bound; a ProFTPD that drops sessions carrying no transfer (its
 * TimeoutNoTransfer), which the heartbeat's session is. And a deploy that is done is reported
 * done when releasing the lock and the final listing fail.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy, DeployDeps } from '../src/deploy.js'
import { openSession, SessionFactory } from '../src/ftp/index.js'
import { LockTiming } from '../src/lock/lock.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { FtpServer, LIMITED_SERVERS, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { startProxy } from './harness/proxy.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

const depsWith = (who: string, lockTiming: LockTiming, open: SessionFactory = openSession): DeployDeps => ({
  openSession: open,
  listLocalFiles,
  now: () => Date.now(),
  identity: { description: who },
  lockTiming
})

/** The runs' labels in the order the server's log names their files ('a' for run-a-3.bin and its temporaries). */
/**
 * Session factories for two runs that connect in a fixed order: b first; then a, while b is
 * still on its one session; only then b's further sessions (its lock's heartbeat, its uploads).
 * So b holds the lock and one connection, a holds the other and waits for the lock, and b's
 * heartbeat has no connection of its own on the host capped at 2, every time.
 */
function firstBThenA(): { a: SessionFactory; b: SessionFactory } {
  let bIn!: () => void
  let aIn!: () => void
  const bLoggedIn = new Promise<void>(resolve => (bIn = resolve))
  const aLoggedIn = new Promise<void>(resolve => (aIn = resolve))
  let bOpened = 0
  let aOpened = 0
  return {
    b: async (...args) => {
      if (bOpened++ > 0) await aLoggedIn
      const session = await openSession(...args)
      bIn()
      return session
    },
    a: async (...args) => {
      if (aOpened++ === 0) await bLoggedIn
      const session = await openSession(...args)
      aIn()
      return session
    }
  }
}

function order(log: string): string[] {
  // What changes a file; the listing output's MLSTs (END) name every file of remote-dir, both runs'.
  const changes = log.split('\n').filter(line => !/\b(MLST|MLSD|LIST|NLST|STAT)\b/.test(line))
  return [...changes.join('\n').matchAll(/run-([ab])-\d+\.bin/g)].map(m => m[1]!)
}

describe.each(LIMITED_SERVERS)('%s: two runs, 2 connections, a slow link', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'uploads longer than the stale bound: the uploads never overlap, no lock is broken or removed by another run',
    async () => {
      // 125 KB/s each way: a file of 150 KB takes about 1.2 s, a run's 10 files 12 s, three times
      // the stale bound. Each run gets one connection of the two: the heartbeat shares it, ahead
      // of the 7 other uploads waiting for it (concurrency 8), so it waits one upload at most.
      const link = await startLatencyProxy({
        controlPort: server.port,
        passive: server.passivePorts,
        rttMs: 10,
        rateBytesPerSecond: 125_000
      })
      try {
        const timing: LockTiming = { heartbeatMs: 300, staleAfterMs: 4_000, pollMs: 300 }
        const tree = (tag: string): string =>
          makeTree(
            Object.fromEntries(
              Array.from({ length: 10 }, (_, i) => [`run-${tag}-${i}.bin`, Buffer.alloc(150_000, tag)])
            )
          )
        const opens = firstBThenA()
        const run = async (tag: 'a' | 'b') => {
          const log = recordingLog()
          const inputs = serverInputs(server, {
            host: '::1',
            port: String(link.port),
            'tls-servername': 'localhost',
            'local-dir': tree(tag),
            'remote-dir': 'shared',
            concurrency: '8',
            timeout: '30'
          })
          const result = await deploy(settingsOf(inputs), log, depsWith(`run ${tag}`, timing, opens[tag]))
          return { log, result }
        }
        const [a, b] = await Promise.all([run('a'), run('b')])
        expect(a.result.uploaded).toHaveLength(10)
        expect(b.result.uploaded).toHaveLength(10)
        const runs = [a, b]
        const waited = (r: (typeof runs)[number]): boolean =>
          r.log.lines.some(l => l.startsWith('info: Waiting for the deploy lock'))
        const throughPool = (r: (typeof runs)[number]): boolean =>
          r.log.lines.some(l => l.includes("The lock's heartbeat goes through the pool"))
        // b took the lock on the first of the host's 2 connections; a waited for it on the other,
        // so b's heartbeat went through b's pool, with its uploads.
        expect(runs.map(r => [waited(r), throughPool(r)])).toEqual([
          [true, false],
          [false, true]
        ])
        for (const r of runs) {
          expect(r.log.warnings.filter(w => /stale|renew|no longer/.test(w))).toEqual([])
          expect(r.log.lines).toContain('info: Released the deploy lock /shared/.ftps-deploy.lock')
          expect(r.log.lines.filter(l => /Left the deploy lock/.test(l))).toEqual([])
        }
        // The server's log: every command naming run a's files, then every one naming run b's (or the reverse).
        const labels = order(readFileSync(server.logFile, 'utf8'))
        const switches = labels.filter((l, i) => i > 0 && l !== labels[i - 1]).length
        expect([labels.length >= 20, switches]).toEqual([true, 1])
      } finally {
        await link.close()
      }
    },
    240_000
  )
})

describe('proftpd with TimeoutNoTransfer 5: the heartbeat carries no transfer', () => {
  const maybe = skipped('proftpd') ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped('proftpd')) server = await startServer('proftpd', { extraConfig: ['TimeoutNoTransfer 5'] })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'its dropped session is replaced and renewing goes on; the deploy completes',
    async () => {
      // Uploads of about 15 s over a link of 100 KB/s: the heartbeat's session is dropped every 5 s
      // (5 s, not less: a new session must get its first beat in before the timeout on a loaded machine).
      const link = await startLatencyProxy({
        controlPort: server.port,
        passive: server.passivePorts,
        rttMs: 10,
        rateBytesPerSecond: 100_000
      })
      try {
        const log = recordingLog()
        const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.bin`, Buffer.alloc(300_000, i)]))
        const inputs = serverInputs(server, {
          host: '::1',
          port: String(link.port),
          'tls-servername': 'localhost',
          'local-dir': makeTree(files),
          'remote-dir': 'idle',
          concurrency: '1'
        })
        const timing: LockTiming = { heartbeatMs: 500, staleAfterMs: 10_000, pollMs: 300 }
        const result = await deploy(settingsOf(inputs), log, depsWith('run n', timing))
        expect(result.uploaded).toHaveLength(5)
        expect(log.warnings).toEqual([])
        expect(log.lines.some(l => /^info: Renewing the deploy lock: .*; again on a new connection$/.test(l))).toBe(
          true
        )
        expect(server.readLog()).toMatch(/No transfer timeout/i)
        expect(log.lines).toContain('info: Released the deploy lock /idle/.ftps-deploy.lock')
      } finally {
        await link.close()
      }
    },
    120_000
  )
})

describe('vsftpd: a deploy that is done is reported done', () => {
  const maybe = skipped('vsftpd') ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped('vsftpd')) server = await startServer('vsftpd')
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'the server becomes unreachable after the last change: the lock release and the listing are warnings, the result stands',
    async () => {
      const proxy = await startProxy(server.port)
      try {
        const log = recordingLog()
        // The moment every change is made (the manifest is written): the network goes.
        const info = log.info
        log.info = message => {
          info(message)
          if (message.startsWith('Done: ')) {
            proxy.refuse(true)
            proxy.dropAll()
          }
        }
        const files = { 'index.html': 'hi', 'a/b.css': 'body{}' }
        const inputs = serverInputs(server, {
          port: String(proxy.port),
          'local-dir': makeTree(files),
          'remote-dir': 'done',
          retries: '1',
          // Without the final check's listing, the listing output needs a listing of its own.
          verify: 'false'
        })
        const result = await deploy(settingsOf(inputs), log, depsWith('run d', { ...LOCK_FAST }))
        expect(result.uploaded).toEqual(['a/b.css', 'index.html'])
        expect(result.listing).toEqual([])
        expect(log.warnings).toEqual([
          expect.stringMatching(
            /^The deploy is done, but its lock could not be released: .* \(it goes stale and is broken by the next run\)$/
          ),
          expect.stringMatching(
            /^The deploy is done, but remote-dir could not be listed: .* \(the listing output is empty\)$/
          )
        ])
        for (const [path, content] of Object.entries(files)) {
          expect(readFileSync(join(server.root, 'done', path), 'utf8')).toBe(content)
        }
      } finally {
        await proxy.close()
      }
    },
    120_000
  )
})

describe('vsftpd behind a network that cuts control connections every 12,000 bytes', () => {
  const maybe = skipped('vsftpd') ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped('vsftpd')) server = await startServer('vsftpd')
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'every file in place, the manifest written, and the listing of 300 names had over data connections (STAT of it is cut): no warning',
    async () => {
      // Every connection is cut once the server has sent it 12,000 bytes: a login and a share of
      // 300 uploads over 16 connections fit, a STAT listing of 300 names does not (LIST does: its
      // names come over a data connection).
      const proxy = await startProxy(server.port, { cut: { from: 'server', afterBytes: 12_000 } })
      try {
        const files = Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [`a-file-with-a-long-enough-name-${i}.txt`, `${i}`])
        )
        const log = recordingLog()
        const inputs = serverInputs(server, {
          port: String(proxy.port),
          'local-dir': makeTree(files),
          'remote-dir': 'cut',
          concurrency: '16',
          retries: '1'
        })
        const result = await deploy(settingsOf(inputs), log, depsWith('run c', { ...LOCK_FAST }))
        expect(result.uploaded).toHaveLength(300)
        expect(proxy.cutCount).toBeGreaterThan(0)
        expect(log.warnings).toEqual([])
        expect(result.listing.map(e => e.path).sort()).toEqual(Object.keys(files).sort())
        const manifest = JSON.parse(readFileSync(join(server.root, 'cut', '.ftps-deploy-manifest.json'), 'utf8')) as {
          files: Record<string, unknown>
        }
        expect(Object.keys(manifest.files)).toHaveLength(300)
      } finally {
        await proxy.close()
      }
    },
    180_000
  )
})

const LOCK_FAST: LockTiming = { heartbeatMs: 5_000, staleAfterMs: 60_000, pollMs: 500 }
