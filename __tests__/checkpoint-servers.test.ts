/**
 * The checkpoint that stops vouching for files to be replaced (issue 22 item 4), on a real
 * server through the benchmark's latency proxy: under `cutover: end` the uploads to temporary
 * names go on while it is written, and it is live (its rename answered) before the first rename
 * of a real name. The server's own command log gives the order the commands ran in.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { deploy } from '../src/deploy.js'
import { FtpServer, ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverCommands, temporaries } from './support/going-live.js'
import { serverForBlock } from './support/real-server.js'
import { renamedUnchecked } from './support/renamed-unchecked.js'

const KINDS: ServerKind[] = ['vsftpd-tls12', 'proftpd']

/** A redeploy through a link of 40 ms round trips (the lock's connection too). */
async function overLink(server: FtpServer, inputs: Record<string, string>, log: RecordingLog): Promise<void> {
  const link = await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs: 40 })
  try {
    await deploy(settingsOf({ ...inputs, host: '::1', port: String(link.port) }), log)
  } finally {
    await link.close()
  }
}

/** Renames onto real names (neither the manifest, the lock's files nor a temporary), by index in `commands`. */
function goingLive(commands: string[]): number[] {
  return commands.flatMap((c, i) => {
    const to = /^RNTO (.*)$/.exec(c)?.[1]
    const real = to !== undefined && !/\.ftps-deploy-manifest|\.ftps-deploy\.lock/.test(to)
    return real && !TEMP_NAME.test(to.split('/').pop()!) ? [i] : []
  })
}

describe.each(KINDS)('the checkpoint before replacements (%s)', kind => {
  const { server: serverOf, maybe } = serverForBlock(kind)

  maybe(
    'uploads to temporary names start while it is written; it is live before any real name is renamed',
    async () => {
      const server = serverOf()
      const site = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`d${i % 4}/f${i}.bin`, randomBytes(500)]))
      const local = makeTree(site)
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'vouch', concurrency: '2' })
      await deploy(settingsOf(inputs), recordingLog())
      // Two changed at the same size (the manifest must stop vouching for them), one new.
      const fresh = { 'd0/f0.bin': randomBytes(500), 'd1/f1.bin': randomBytes(500), 'd2/new.bin': randomBytes(300) }
      for (const [path, data] of Object.entries(fresh)) writeFileSync(join(local, path), data)
      const from = serverCommands(server)!.length
      const log = recordingLog()
      await overLink(server, inputs, log)
      const remote = join(server.root, 'vouch')
      for (const [path, data] of Object.entries(fresh))
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      expect(temporaries(remote)).toEqual([])

      const commands = serverCommands(server)!.slice(from)
      const at = (pattern: RegExp): number[] => commands.flatMap((c, i) => (pattern.test(c) ? [i] : []))
      const [checkpoint] = at(/^RNTO \/vouch\/\.ftps-deploy-manifest\.json$/)
      const live = goingLive(commands)
      const stores = at(/^STOR \/vouch\/d\d\/\.ftps-deploy\./)
      expect(live).toHaveLength(3)
      expect(stores).toHaveLength(3)
      // The manifest stops vouching before anything is replaced...
      expect(checkpoint).toBeLessThan(Math.min(...live))
      // ...and the uploads did not wait for it.
      expect(Math.min(...stores)).toBeLessThan(checkpoint!)
      // On the connection that placed it (the lock's, or a pool's while the lock's writes holder.json),
      // the passive port of the next write there (the final manifest's, staged as the burst starts)
      // is asked for with the checkpoint, before it counts as written.
      const written = log.lines.findIndex(l => l.startsWith('info: wrote the manifest (no longer vouching'))
      const placed = log.lines.findIndex(l => /^debug: (#\w+ )?> RNTO \/vouch\/\.ftps-deploy-manifest\.json$/.test(l))
      const on = /^debug: (#\w+ )?/.exec(log.lines[placed]!)![1] ?? ''
      expect(log.lines.slice(placed, written)).toContain(`debug: ${on}> EPSV`)
    },
    120_000
  )

  maybe(
    'written meanwhile and failed: the uploads stop before the burst, every real name keeps its bytes',
    async () => {
      const server = serverOf()
      const site = { 'd0/a.bin': randomBytes(800), 'd0/b.bin': randomBytes(900), 'd1/c.bin': randomBytes(700) }
      const local = makeTree(site)
      // No lock: it would be made in remote-dir, which the second run may not write to.
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'refused', lock: 'false', retries: '1' })
      await deploy(settingsOf(inputs), recordingLog())
      const remote = join(server.root, 'refused')
      // The manifest's temporary (in remote-dir) is refused; the files' (in d0, d1) are not.
      chmodSync(remote, 0o555)
      for (const path of Object.keys(site))
        writeFileSync(join(local, path), randomBytes(site[path as keyof typeof site].length))
      writeFileSync(join(local, 'd1/new.bin'), randomBytes(100))
      const from = serverCommands(server)!.length
      const log = recordingLog()
      const error = await deploy(settingsOf(inputs), log).then(
        () => undefined,
        (err: Error) => err
      )
      chmodSync(remote, 0o755)
      for (const [path, data] of Object.entries(site))
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      expect(existsSync(join(remote, 'd1/new.bin'))).toBe(false)
      const commands = serverCommands(server)!.slice(from)
      expect(goingLive(commands)).toEqual([])
      expect(error?.message).toMatch(/^Writing the manifest \/refused\/\.ftps-deploy-manifest\.json failed: /)
      // The uploads went on while it was written (they stop at the burst).
      expect(commands.filter(c => /^STOR \/refused\/d\d\/\.ftps-deploy\./.test(c)).length).toBeGreaterThan(0)
    },
    120_000
  )

  maybe(
    'the final write staged beside the burst and the deletions it foresees: placed as staged, the manifest as the server is',
    async () => {
      const server = serverOf()
      const site = Object.fromEntries(Array.from({ length: 130 }, (_, i) => [`d${i % 3}/f${i}.bin`, randomBytes(50)]))
      const local = makeTree(site)
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'many', delete: 'true' })
      await deploy(settingsOf(inputs), recordingLog())
      // 60 deletions: past the 50 changes after which a checkpoint would be due (none was written yet).
      const gone = Object.keys(site).slice(0, 60)
      for (const path of gone) rmSync(join(local, path))
      writeFileSync(join(local, 'd0/new.bin'), randomBytes(70))
      const from = serverCommands(server)!.length
      const log = recordingLog()
      const result = await deploy(settingsOf(inputs), log)
      expect([result.uploaded.length, result.deleted.length]).toEqual([1, 60])
      const remote = join(server.root, 'many')
      for (const path of gone) expect([path, existsSync(join(remote, path))]).toEqual([path, false])
      const manifest = JSON.parse(readFileSync(join(remote, '.ftps-deploy-manifest.json'), 'utf8')) as {
        files: Record<string, unknown>
      }
      expect(Object.keys(manifest.files).sort()).toEqual([...Object.keys(site).slice(60), 'd0/new.bin'].sort())
      // Placed by its rename once every deletion was made, its size read before.
      const commands = serverCommands(server)!.slice(from)
      const placed = commands.lastIndexOf('RNTO /many/.ftps-deploy-manifest.json')
      const deletions = commands.flatMap((c, i) => (c.startsWith('DELE /many/d') ? [i] : []))
      expect(deletions).toHaveLength(60)
      expect(Math.max(...deletions)).toBeLessThan(placed)
      // Two writes: the checked temporary recorded (the run's first write), then the final one,
      // staged with the deletions foreseen and placed as it was (not written anew).
      expect(commands.filter(c => /^STOR \/many\/\.ftps-deploy\.\.ftps-deploy-manifest/.test(c))).toHaveLength(2)
      expect(renamedUnchecked(log.lines)).toEqual([])
    },
    60_000
  )
})
