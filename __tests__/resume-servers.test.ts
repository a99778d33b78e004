/**
 * Resume under `cutover: end` on real servers (issue 23 item 2): a run killed with SIGKILL
 * (nothing cleaned up) after some files were uploaded and checked under their temporary names
 * has recorded those temporaries in the manifest (hash and size) and changed nothing visitors
 * see; the next run renames each recorded temporary still at its size in its own burst instead
 * of sending the file again (no STOR of it in the server's log, or the client's where the server
 * logs no commands: pure-ftpd), sends again the one whose size was changed on disk in between
 * and removes it, and leaves every real name with the right bytes and no temporary behind.
 */
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, readSync, truncateSync, writeSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { defaultDeps, deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { runCliDeploy } from './support/cli-process.js'
import { exchanges, serverCommands, temporaries } from './support/going-live.js'

// The killed run is the current sources (dist is built by the lead after merging).
process.env.FAULTS_CLI = 'src'

const KINDS: ServerKind[] = ['vsftpd', 'pure-ftpd', 'proftpd']
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'
/**
 * Uploads at 10 MB/s a session: the big file holds its connection for seconds, whatever the
 * machine's load. pure-ftpd's own throttle (-T) stalls TLS uploads: there the big file is bigger.
 */
const THROTTLE: Partial<Record<ServerKind, string[]>> = {
  vsftpd: ['local_max_rate=10000000'],
  proftpd: ['TransferRate STOR 10000']
}
const bigSize = (kind: ServerKind): number => (THROTTLE[kind] !== undefined ? 40 : 1536) * 1024 * 1024

/** A file of `size` bytes written a chunk at a time. */
function writeBig(path: string, size: number): void {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 7)
  const fd = openSync(path, 'w')
  for (let left = size; left > 0; left -= chunk.length) writeSync(fd, chunk, 0, Math.min(left, chunk.length))
  closeSync(fd)
}

/** SHA-256 of a file, read a chunk at a time. */
function sha(path: string): string {
  const hash = createHash('sha256')
  const chunk = Buffer.alloc(16 * 1024 * 1024)
  const fd = openSync(path, 'r')
  for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n))
  closeSync(fd)
  return hash.digest('hex')
}

/** The next run breaks the killed run's lock after 2 s instead of a minute. */
const quickLock = { ...defaultDeps, lockTiming: { heartbeatMs: 300, staleAfterMs: 2000, pollMs: 200 } }

/** The checked temporaries the manifest on disk records (none while it is missing or being replaced). */
function recordedTemps(site: string): Record<string, { target: string; size: number; sha256: string }> {
  try {
    const doc = JSON.parse(readFileSync(join(site, '.ftps-deploy-manifest.json'), 'utf8')) as { checked?: object }
    return (doc.checked ?? {}) as Record<string, { target: string; size: number; sha256: string }>
  } catch {
    return {}
  }
}

describe.each(KINDS)('resume under cutover: end (%s)', kind => {
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig: THROTTLE[kind] })
  }, 60_000)
  afterAll(() => server?.stop())
  const maybe = (): jest.It => (skipped(kind) ? test.skip : test)

  maybe()(
    'a killed run: the next run renames its recorded temporaries (no STOR), sends again and removes one changed on disk',
    async () => {
      const remote = 'resume'
      const site = join(server.root, remote)
      const v1 = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`a/p${i}.bin`, randomBytes(3000 + i)]))
      const inputs = { 'remote-dir': remote, concurrency: '2' }
      await deploy(settingsOf(serverInputs(server, { ...inputs, 'local-dir': makeTree(v1) })), recordingLog())
      const v2: Record<string, Buffer> = { 'new/n0.bin': randomBytes(5000) }
      for (const path of Object.keys(v1)) v2[path] = randomBytes(4000 + path.length)
      const local = makeTree(v2)
      // Largest first: it holds one connection while the other uploads and checks the small files.
      writeBig(join(local, 'big.bin'), bigSize(kind))

      let child: ChildProcess | undefined
      const watching = setInterval(() => {
        if (child !== undefined && Object.keys(recordedTemps(site)).length >= 3) child.kill('SIGKILL')
      }, 5)
      const killed = await runCliDeploy(serverInputs(server, { ...inputs, 'local-dir': local }), {
        password: server.password,
        onLine: (_line, c) => (child = c),
        limitMs: 60_000
      }).finally(() => clearInterval(watching))
      expect(killed.signal).toBe('SIGKILL')
      // Nothing visitors see changed: every real name holds its old bytes, the new ones are not there.
      for (const [path, data] of Object.entries(v1))
        expect([path, readFileSync(join(site, path)).equals(data)]).toEqual([path, true])
      expect(existsSync(join(site, 'big.bin'))).toBe(false)
      const recorded = recordedTemps(site)
      const onDisk = Object.entries(recorded).filter(([temp]) => existsSync(join(site, temp)))
      expect(onDisk.length).toBeGreaterThanOrEqual(3)
      // One recorded temporary is changed on disk in between (a byte cut off): never renamed.
      const [changedTemp, changed] = onDisk[0]!
      truncateSync(join(site, changedTemp), changed.size - 1)
      const reused = onDisk.slice(1).map(([temp, c]) => ({ temp, target: c.target }))

      const from = serverCommands(server)?.length ?? 0
      const log = recordingLog()
      const result = await deploy(settingsOf(serverInputs(server, { ...inputs, 'local-dir': local })), log, quickLock)
      const seen = serverCommands(server)?.slice(from) ?? exchanges(log.lines).map(e => e.command)
      const stored = (target: string): boolean =>
        seen.some(c => c.startsWith('STOR ') && basename(c).startsWith(`.ftps-deploy.${basename(target)}.`))
      for (const { temp, target } of reused) {
        expect([target, stored(target)]).toEqual([target, false])
        expect(seen).toContain(`RNFR /${remote}/${temp}`)
        expect(log.lines).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^info: uploaded ${target} \\(\\d+ bytes, not sent again: its checked temporary \\S+ renamed into place`
            )
          )
        )
      }
      expect([changed.target, stored(changed.target)]).toEqual([changed.target, true])
      expect(log.lines).toContain(`info: removed leftover ${changedTemp}`)
      expect(result.uploaded).toHaveLength(Object.keys(v2).length + 1)
      for (const [path, data] of Object.entries(v2))
        expect([path, readFileSync(join(site, path)).equals(data)]).toEqual([path, true])
      expect(sha(join(site, 'big.bin'))).toBe(sha(join(local, 'big.bin')))
      expect(temporaries(site)).toEqual([])
      expect(recordedTemps(site)).toEqual({})
    },
    180_000
  )
})
