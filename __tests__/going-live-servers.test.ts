/**
 * Nothing goes live before its checks, with commands sent together (issue 21, item 2), on real
 * servers:
 *  - a temporary the server holds short (cut on disk in the window the link's latency leaves
 *    between its 226 and the next write) fails its size check and the live file keeps its bytes
 *    (vsftpd, through the benchmark's latency proxy);
 *  - a mode refused for one directory (ProFTPD `<Limit SITE_CHMOD>` there) fails the run and the
 *    live file keeps its bytes, while the file checked before it went live;
 *  - SIZE refused as a command (vsftpd `cmds_denied=SIZE`, `550 Permission denied.`): the deploy
 *    completes byte for byte, the manifest is still read, and a short temporary is still found
 *    before it goes live, by its STAT line (or, for a name STAT would glob, by the final listing);
 *  - one rename refused where renames work (vsftpd: a file of another owner in a sticky
 *    directory, as IIS refuses a file in use): that file is written in place, said once, the
 *    others still go live by rename.
 */
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  mkdirSync,
  rmSync,
  chownSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { Exchange, exchanges, temporaries } from './support/going-live.js'

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'
const maybeOn = (kind: ServerKind): jest.It => (skipped(kind) ? test.skip : test)
/** The lock is beside the point here; it would add round trips over the slow link. */
const inputsOf = (server: FtpServer, extra: InputValues): InputValues =>
  serverInputs(server, { lock: 'false', concurrency: '1', ...extra })

const attempt = (p: Promise<unknown>): Promise<Error | undefined> =>
  p.then(
    () => undefined,
    (err: unknown) => err as Error
  )

/**
 * Cuts each temporary of `name` in dir to half once it holds `size` bytes, as a server that keeps
 * less than it was sent: every try's temporary, each once.
 */
function cutTemporaries(dir: string, name: string, size: number): { cut: () => number; stop(): void } {
  const cut = new Set<string>()
  const timer = setInterval(() => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(`.ftps-deploy.${name}.`) || cut.has(entry)) continue
      if (statSync(join(dir, entry), { throwIfNoEntry: false })?.size !== size) continue
      truncateSync(join(dir, entry), size / 2)
      cut.add(entry)
    }
  }, 2)
  return { cut: () => cut.size, stop: () => clearInterval(timer) }
}

/** A deploy through a link of 300 ms round trips: a window of a round trip between a 226 and the next command. */
async function overSlowLink(server: FtpServer, inputs: InputValues, log = recordingLog()): Promise<Error | undefined> {
  const link = await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs: 300 })
  try {
    return await attempt(deploy(settingsOf({ ...inputs, host: '::1', port: String(link.port) }), log))
  } finally {
    await link.close()
  }
}

describe('a temporary the server holds short (vsftpd, TLS 1.2)', () => {
  const kind: ServerKind = 'vsftpd-tls12'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    'fails its size check under its temporary name: the live file keeps its old bytes',
    async () => {
      const old = randomBytes(4000)
      const local = makeTree({ 'index.html': randomBytes(3000), 'page.html': old })
      const inputs = inputsOf(server, { 'local-dir': local, 'remote-dir': 'short', retries: '1' })
      await deploy(settingsOf(inputs), recordingLog())
      const fresh = randomBytes(6000)
      writeFileSync(join(local, 'page.html'), fresh)
      const remote = join(server.root, 'short')
      const cutter = cutTemporaries(remote, 'page.html', fresh.length)
      let error: Error | undefined
      try {
        error = await overSlowLink(server, inputs)
      } finally {
        cutter.stop()
      }
      // Both tries' temporaries were cut, and each was found short before its rename.
      expect(cutter.cut()).toBe(2)
      expect(error?.message).toBe('Upload of page.html is incomplete: the server holds 3000 of 6000 bytes')
      expect(readFileSync(join(remote, 'page.html')).equals(old)).toBe(true)
      expect(temporaries(remote)).toEqual([])
    },
    90_000
  )
})

describe('a mode refused in one directory (ProFTPD <Limit SITE_CHMOD>)', () => {
  const kind: ServerKind = 'proftpd'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) {
      server = await startServer(kind, {
        // The server's root is made at start: its directory's name by pattern (servers.ts).
        extraConfig: [
          `<Directory ${join(tmpdir(), 'ftps-proftpd-*', 'root', 'modes', 'z', 'locked')}>`,
          '  <Limit SITE_CHMOD>',
          '    DenyAll',
          '  </Limit>',
          '</Directory>'
        ]
      })
    }
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    'fails the run naming the reply: the file there keeps its old bytes; the file checked before it went live with its mode',
    async () => {
      const old = Buffer.from('old page\n')
      const local = makeTree({ 'a/one.txt': 'one\n', 'z/locked/page.html': old })
      const inputs = inputsOf(server, { 'local-dir': local, 'remote-dir': 'modes', retries: '1' })
      await deploy(settingsOf(inputs), recordingLog())
      // Largest first: one.txt goes first.
      writeFileSync(join(local, 'a/one.txt'), 'one, changed and longer\n')
      writeFileSync(join(local, 'z/locked/page.html'), 'new page, longer\n')
      // a/one.txt goes first, one command at a time (the first mode of the run); then page.html's
      // mode and size go with one.txt's rename (each file goes live when checked: cutover file).
      const log = recordingLog()
      const error = await attempt(deploy(settingsOf({ ...inputs, 'file-mode': '640', cutover: 'file' }), log))
      expect(error?.message).toMatch(
        /Could not set mode 640 on \/modes\/z\/locked\/\.ftps-deploy\.page\.html\.\S+\.tmp: the server answered SITE CHMOD with 550 /
      )
      const remote = join(server.root, 'modes')
      expect(readFileSync(join(remote, 'z/locked/page.html')).equals(old)).toBe(true)
      expect(readFileSync(join(remote, 'a/one.txt'), 'utf8')).toBe('one, changed and longer\n')
      expect(statSync(join(remote, 'a/one.txt')).mode & 0o777).toBe(0o640)
      expect(log.lines.filter(l => /^debug: > SITE CHMOD 640 \/modes\/z\/locked\//.test(l))).toHaveLength(1)
      expect(temporaries(remote)).toEqual([])
    },
    60_000
  )
})

describe('SIZE refused as a command (vsftpd cmds_denied=SIZE)', () => {
  const kind: ServerKind = 'vsftpd-tls12'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig: ['cmds_denied=SIZE'] })
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    'the deploy completes byte for byte, the manifest is read again, and a short file is found by the listing',
    async () => {
      const tree: Record<string, Buffer> = {
        'index.html': randomBytes(3000),
        'page.html': randomBytes(4000),
        'assets/app.js': randomBytes(5000),
        'empty.txt': Buffer.alloc(0)
      }
      const local = makeTree(tree)
      const remote = join(server.root, 'nosize')
      const inputs = inputsOf(server, { 'local-dir': local, 'remote-dir': 'nosize', retries: '1' })
      const log = recordingLog()
      const first = await deploy(settingsOf(inputs), log)
      expect([...first.uploaded].sort()).toEqual(Object.keys(tree).sort())
      for (const [path, data] of Object.entries(tree)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      expect(log.warnings).toEqual([
        'The server refuses SIZE (550 Permission denied.): upload sizes are read from listings instead (STAT of each temporary where the server lists that way, and the final listing)'
      ])
      // The manifest is read although its SIZE is refused: nothing to do.
      const again = await deploy(settingsOf(inputs), recordingLog())
      expect(again.uploaded).toEqual([])

      // A short temporary: its STAT line (sent with the next write, instead of SIZE) finds it
      // before it goes live.
      const old = tree['page.html']!
      const fresh = randomBytes(6000)
      writeFileSync(join(local, 'page.html'), fresh)
      let cutter = cutTemporaries(remote, 'page.html', fresh.length)
      let error: Error | undefined
      try {
        error = await overSlowLink(server, inputs)
      } finally {
        cutter.stop()
      }
      expect(cutter.cut()).toBe(2)
      expect(error?.message).toBe('Upload of page.html is incomplete: the server holds 3000 of 6000 bytes')
      expect(readFileSync(join(remote, 'page.html')).equals(old)).toBe(true)
      // One at a time (the run's first file-mode goes so): the same check, before the rename.
      const newer = randomBytes(6000)
      writeFileSync(join(local, 'page.html'), newer)
      cutter = cutTemporaries(remote, 'page.html', newer.length)
      try {
        error = await overSlowLink(server, { ...inputs, 'file-mode': '644' })
      } finally {
        cutter.stop()
      }
      expect(cutter.cut()).toBe(2)
      expect(error?.message).toBe('Upload of page.html is incomplete: the server holds 3000 of 6000 bytes')
      expect(readFileSync(join(remote, 'page.html')).equals(old)).toBe(true)
      writeFileSync(join(local, 'page.html'), fresh)
      // A name STAT would expand as a pattern (pure-ftpd and ProFTPD glob it) is not asked: the
      // final listing finds it short, after it went live, and the manifest does not vouch for it.
      writeFileSync(join(local, 'p[1].html'), fresh)
      cutter = cutTemporaries(remote, 'p[1].html', fresh.length)
      try {
        error = await overSlowLink(server, inputs)
      } finally {
        cutter.stop()
      }
      expect(cutter.cut()).toBe(1)
      expect(error?.message).toBe('1 uploaded file(s) are not on the server as sent: p[1].html (3000 of 6000 bytes)')
      expect(readFileSync(join(remote, 'page.html')).equals(fresh)).toBe(true)
      // The next run uploads it again.
      const repaired = await deploy(settingsOf(inputs), recordingLog())
      expect(repaired.uploaded).toEqual(['p[1].html'])
      expect(readFileSync(join(remote, 'p[1].html')).equals(fresh)).toBe(true)
      expect(temporaries(remote)).toEqual([])
    },
    120_000
  )
})

describe('SIZE refused as a command, a first deploy (vsftpd cmds_denied=SIZE)', () => {
  const kind: ServerKind = 'vsftpd-tls12'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig: ['cmds_denied=SIZE'] })
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    'its first file short: found by its STAT line before it goes live',
    async () => {
      const data = randomBytes(6000)
      const local = makeTree({ 'first.html': data })
      const remote = join(server.root, 'fresh')
      const cutter = cutTemporaries(remote, 'first.html', data.length)
      let error: Error | undefined
      try {
        error = await overSlowLink(
          server,
          inputsOf(server, { 'local-dir': local, 'remote-dir': 'fresh', retries: '1' })
        )
      } finally {
        cutter.stop()
      }
      expect(cutter.cut()).toBe(2)
      expect(error?.message).toBe('Upload of first.html is incomplete: the server holds 3000 of 6000 bytes')
      expect(existsSync(join(remote, 'first.html'))).toBe(false)
      expect(temporaries(remote)).toEqual([])
    },
    90_000
  )
})

/**
 * vsftpd renames over a file (commands sent together: the refusal comes with a later write);
 * the Windows-like server refuses that as IIS does (cleared first from then on) and takes one
 * command at a time.
 */
describe.each<[ServerKind, string[]]>([
  ['vsftpd-tls12', []],
  [
    'windows-like',
    [
      'atomic: the server refused to rename over an existing file (550 Cannot create a file when that file already exists.): replacing files by deleting them first'
    ]
  ]
])('one rename refused where renames work (%s: a file of another owner in a sticky directory)', (kind, learnt) => {
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    "is that file's fallback, said once naming it; the files after it still go live by rename",
    async () => {
      const names = ['a.txt', 'b.txt', 'c.txt']
      const local = makeTree(Object.fromEntries(names.map(n => [`sticky/${n}`, `${n} old\n`])))
      const inputs = inputsOf(server, { 'local-dir': local, 'remote-dir': 'renames' })
      await deploy(settingsOf(inputs), recordingLog())
      // Only its owner (root) may rename or delete b.txt now (as IIS a file in use); the
      // server's account may still write it.
      const dir = join(server.root, 'renames/sticky')
      chownSync(dir, 0, 0)
      chmodSync(dir, 0o1777)
      chownSync(join(dir, 'b.txt'), 0, 0)
      chmodSync(join(dir, 'b.txt'), 0o666)
      for (const n of names) writeFileSync(join(local, 'sticky', n), `${n} new, longer\n`)
      const log = recordingLog()
      const result = await deploy(settingsOf(inputs), log)
      expect(result.uploaded).toEqual(names.map(n => `sticky/${n}`))
      for (const n of names) expect([n, readFileSync(join(dir, n), 'utf8')]).toEqual([n, `${n} new, longer\n`])
      expect(log.warnings.filter(w => w.startsWith('atomic:'))).toEqual([
        ...learnt,
        expect.stringMatching(
          /^atomic: the server refused to rename sticky\/b\.txt's temporary into place \(550 [^)]*\): sticky\/b\.txt uploaded in place, not atomically$/
        )
      ])
      // b.txt in place; c.txt, after it, renamed over its old copy (or after clearing it).
      const sent = (file: string): string[] =>
        log.lines
          .filter(l => l.startsWith('debug: > ') && l.endsWith(` /renames/sticky/${file}`))
          .map(l => l.slice('debug: > '.length).split(' ')[0]!)
      expect(sent('b.txt')).toContain('STOR')
      expect(sent('c.txt')).toContain('RNTO')
      expect([...sent('a.txt'), ...sent('c.txt')]).not.toContain('STOR')
      expect(temporaries(dir)).toEqual([])
    },
    60_000
  )
})

describe.each(['file', 'end'])('the run order, cutover %s (vsftpd, 4 connections)', cutover => {
  const kind: ServerKind = 'vsftpd-tls12'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  }, 60_000)
  afterAll(() => server?.stop())

  maybeOn(kind)(
    'every new file is live before the first replacement, every replacement before the first deletion',
    async () => {
      const kept = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`old/r${i}.bin`, randomBytes(500 + i)]))
      const gone = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`old/x${i}.bin`, randomBytes(100)]))
      const local = makeTree({ ...kept, ...gone })
      const inputs = inputsOf(server, {
        'local-dir': local,
        'remote-dir': `order-${cutover}`,
        concurrency: '4',
        delete: 'true',
        cutover
      })
      await deploy(settingsOf(inputs), recordingLog())
      for (const path of Object.keys(gone)) rmSync(join(local, path))
      for (const path of Object.keys(kept)) writeFileSync(join(local, path), randomBytes(900))
      mkdirSync(join(local, 'new'))
      for (let i = 0; i < 8; i++) writeFileSync(join(local, `new/n${i}.bin`), randomBytes(700 + i))
      const log = recordingLog()
      const result = await deploy(settingsOf(inputs), log)
      expect(result.uploaded).toHaveLength(16)
      expect([...result.deleted].sort()).toEqual(Object.keys(gone))
      // When each rename was sent and when its reply was read, and when each deletion was sent.
      const commands = exchanges(log.lines)
      const of = (pattern: RegExp): Exchange[] => commands.filter(c => pattern.test(c.command))
      const at = `/order-${cutover}/`
      const newLive = of(new RegExp(`^RNTO ${at}new/n\\d\\.bin$`))
      const replaced = of(new RegExp(`^RNTO ${at}old/r\\d\\.bin$`))
      const deleted = of(new RegExp(`^DELE ${at}old/x\\d\\.bin$`))
      expect([newLive.length, replaced.length, deleted.length]).toEqual([8, 8, 3])
      expect(Math.max(...newLive.map(c => c.answered))).toBeLessThan(Math.min(...replaced.map(c => c.sent)))
      expect(Math.max(...replaced.map(c => c.answered))).toBeLessThan(Math.min(...deleted.map(c => c.sent)))
      expect(temporaries(join(server.root, `order-${cutover}`))).toEqual([])
    },
    60_000
  )
})
