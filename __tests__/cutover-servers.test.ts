/**
 * cutover: end on real servers (issue 23 item 1): every new and changed file is uploaded and
 * checked under its temporary name before the first rename of a real name (the server's own
 * command log, or the client's where the server logs no commands: pure-ftpd); new files go live
 * before replacements, replacements before deletions; a poller of the server's disk never sees a
 * real name with other bytes than the old or the new; a run that fails (a file the server
 * refuses) or is cancelled before the burst leaves every real name's bytes as they were and no
 * temporary but the checked ones its manifest records (for the next run to rename: item 2).
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { deploy } from '../src/deploy.js'
import { FtpServer, ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'
import { exchanges, pollRealNames, serverCommands, temporaries } from './support/going-live.js'
import { serverForBlock } from './support/real-server.js'

const KINDS: ServerKind[] = ['vsftpd-tls12', 'pure-ftpd', 'proftpd', 'pyftpdlib', 'windows-like']

type Tree = Record<string, Buffer>
const tree = (prefix: string, count: number, size: number): Tree =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}.bin`, randomBytes(size + i)]))

/** Commands of the second run in the order the server received them (its log from `from` on), else as the client sent them. */
function commandsOf(server: FtpServer, from: number, log: RecordingLog): string[] {
  const seen = serverCommands(server)
  if (seen !== undefined) return seen.slice(from)
  return exchanges(log.lines).map(e => e.command)
}

/** The checked temporaries the manifest records (a failed run keeps them for the next run), sorted. */
function recordedTemps(remote: string): string[] {
  const doc = JSON.parse(readFileSync(join(remote, '.ftps-deploy-manifest.json'), 'utf8')) as { checked?: object }
  return Object.keys(doc.checked ?? {}).sort()
}

describe.each(KINDS)('cutover: end (%s)', kind => {
  const { server: serverOf, maybe } = serverForBlock(kind)

  maybe(
    'no real name is renamed before the last upload; new, then replaced, then deleted; a poller sees old or new bytes only',
    async () => {
      const server = serverOf()
      const kept = tree('old/r', 10, 3000)
      const gone = tree('old/x', 3, 100)
      const local = makeTree({ ...kept, ...gone })
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'end', concurrency: '3', delete: 'true' })
      await deploy(settingsOf(inputs), recordingLog())
      const fresh: Record<string, { old?: Buffer; fresh: Buffer }> = {}
      for (const path of Object.keys(gone)) rmSync(join(local, path))
      for (const [path, old] of Object.entries(kept)) {
        fresh[path] = { old, fresh: randomBytes(4000) }
        writeFileSync(join(local, path), fresh[path].fresh)
      }
      mkdirSync(join(local, 'new'))
      for (const [path, data] of Object.entries(tree('new/n', 10, 2000))) {
        fresh[path] = { fresh: data }
        writeFileSync(join(local, path), data)
      }
      const from = serverCommands(server)?.length ?? 0
      const remote = join(server.root, 'end')
      const poller = pollRealNames(remote, fresh, kind === 'windows-like')
      const log = recordingLog()
      let result
      try {
        result = await deploy(settingsOf(inputs), log)
      } finally {
        expect(poller.stop()).toEqual([])
      }
      expect(poller.reads()).toBeGreaterThan(0)
      expect(result.uploaded).toHaveLength(20)
      expect(result.cutover).toEqual({ mode: 'end', windowMs: expect.any(Number), renamed: 20 })
      for (const [path, { fresh: data }] of Object.entries(fresh)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      for (const path of Object.keys(gone)) expect(existsSync(join(remote, path))).toBe(false)
      expect(log.lines).toContainEqual(
        expect.stringMatching(/^info: Went live: 20 file\(s\) renamed into place within \d+ ms$/)
      )

      const commands = commandsOf(server, from, log)
      const index = (pattern: RegExp): number[] => commands.flatMap((c, i) => (pattern.test(c) ? [i] : []))
      const site = (path: string): boolean => !/\.ftps-deploy-manifest|\.ftps-deploy\.lock/.test(path)
      const stores = commands.flatMap((c, i) => (/^STOR /.test(c) && site(c) ? [i] : []))
      const renames = commands.flatMap((c, i) => {
        const to = /^RNTO (.*)$/.exec(c)?.[1]
        return to !== undefined && site(to) && !TEMP_NAME.test(to.split('/').pop()!) ? [i] : []
      })
      expect(stores).toHaveLength(20)
      expect(renames).toHaveLength(20)
      expect(stores.every(s => commands[s]!.split('/').pop()!.startsWith('.ftps-deploy.'))).toBe(true)
      expect(Math.max(...stores)).toBeLessThan(Math.min(...renames))
      const newLive = index(/^RNTO \/end\/new\//)
      const replaced = index(/^RNTO \/end\/old\//)
      const deleted = index(/^DELE \/end\/old\/x/)
      expect([newLive.length, replaced.length, deleted.length]).toEqual([10, 10, 3])
      expect(Math.max(...newLive)).toBeLessThan(Math.min(...replaced))
      expect(Math.max(...replaced)).toBeLessThan(Math.min(...deleted))
      expect(temporaries(remote)).toEqual([])
    },
    120_000
  )

  maybe(
    'a file refused mid-run: every real name keeps its bytes, no temporary is left but those recorded as checked',
    async () => {
      const server = serverOf()
      const site = { ...tree('a/p', 6, 5000), 'locked/z.bin': randomBytes(10) }
      const local = makeTree(site)
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'fail', concurrency: '2', retries: '1' })
      await deploy(settingsOf(inputs), recordingLog())
      const remote = join(server.root, 'fail')
      // The server's account may no longer create files there: the smallest file, uploaded last, is refused.
      chmodSync(join(remote, 'locked'), 0o555)
      const v2: Tree = { 'a/new.bin': randomBytes(7000) }
      for (const path of Object.keys(site)) v2[path] = randomBytes(path.startsWith('a/') ? 6000 : 20)
      for (const [path, data] of Object.entries(v2)) writeFileSync(join(local, path), data)
      const log = recordingLog()
      const error = await deploy(settingsOf(inputs), log).then(
        () => undefined,
        (err: Error) => err
      )
      chmodSync(join(remote, 'locked'), 0o755)
      expect(error?.message).toMatch(
        /^Upload of locked\/z\.bin failed: the server answered STOR \/fail\/locked\/z\.bin with 5\d\d /
      )
      // Every other file was uploaded and checked under its temporary name first.
      expect(log.lines.filter(l => /^debug: (#\d+ )?> STOR \/fail\/a\//.test(l))).toHaveLength(7)
      for (const [path, data] of Object.entries(site)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      expect(existsSync(join(remote, 'a/new.bin'))).toBe(false)
      expect(temporaries(remote).sort()).toEqual(recordedTemps(remote))
      expect(recordedTemps(remote).length).toBeGreaterThan(0)
      // The next run renames the failed run's checked temporaries instead of sending their files again.
      const again = recordingLog()
      await deploy(settingsOf(inputs), again)
      expect(again.lines.filter(l => /^debug: (#\d+ )?> STOR \/fail\/a\//.test(l))).toEqual([])
      expect(again.lines.filter(l => /^debug: (#\d+ )?> STOR \/fail\/locked\//.test(l))).toHaveLength(1)
      for (const [path, data] of Object.entries(v2)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      expect(temporaries(remote)).toEqual([])
    },
    120_000
  )

  maybe(
    'a run cancelled before the burst: every real name keeps its bytes, no temporary is left but those recorded as checked',
    async () => {
      const server = serverOf()
      const site = tree('c/p', 8, 20_000)
      const local = makeTree(site)
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'cancel', concurrency: '2' })
      await deploy(settingsOf(inputs), recordingLog())
      for (const path of Object.keys(site)) writeFileSync(join(local, path), randomBytes(30_000))
      const abort = new AbortController()
      const log = recordingLog()
      // Cancelled once the fourth temporary is on its way.
      const stores = (): number => log.lines.filter(l => /^debug: (#\d+ )?> STOR \/cancel\/c\//.test(l)).length
      const watching = setInterval(() => {
        if (stores() >= 4) abort.abort('SIGTERM')
      }, 1)
      const error = await deploy(settingsOf(inputs), log, undefined, abort.signal).then(
        () => undefined,
        (err: Error) => err
      )
      clearInterval(watching)
      expect(error?.message).toMatch(/cancelled \(SIGTERM\)/)
      const remote = join(server.root, 'cancel')
      for (const [path, data] of Object.entries(site)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      expect(log.lines.filter(l => /^debug: (#\d+ )?> RNTO \/cancel\/c\//.test(l))).toEqual([])
      // Within the time a cancel leaves, the manifest may or may not be written: a temporary left is recorded.
      expect(temporaries(remote).filter(t => !recordedTemps(remote).includes(t))).toEqual([])
    },
    120_000
  )
})
