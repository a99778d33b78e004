/**
 * The everyday redeploy's end (issue 22), on real servers, by the protocol log: the deletions
 * and the final check's listings of the uploaded files' directories go in one write on one
 * connection, the listings behind the deletions (the server answers them after every deletion),
 * after the burst's last reply and before the manifest's rename; the listing output built from
 * them shows no deleted file.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy } from '../src/deploy.js'
import { ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { hookedLog, sends } from './support/hooked-log.js'
import { serverForBlock } from './support/real-server.js'

const MANIFEST = '.ftps-deploy-manifest.json'

/** A command sent, on its connection (`''` the first, `#2`, `#lock`...), with the write it went in. */
interface Sent {
  at: number
  conn: string
  text: string
  /** Counts the writes on its connection: commands sent with no reply read between share one. */
  write: number
}

/** Every command sent, each with its connection and its write, and every reply's place. */
function sentCommands(lines: string[]): { sent: Sent[]; replies: { at: number; conn: string }[] } {
  const sent: Sent[] = []
  const replies: { at: number; conn: string }[] = []
  const writes = new Map<string, { count: number; open: boolean }>()
  lines.forEach((line, at) => {
    const m = /^debug: (#\w+ )?([<>]) (.*)/s.exec(line)
    if (!m) return
    const conn = (m[1] ?? '').trim()
    const state = writes.get(conn) ?? { count: 0, open: false }
    writes.set(conn, state)
    if (m[2] === '<') {
      state.open = false
      replies.push({ at, conn })
      return
    }
    if (!state.open) state.count += 1
    state.open = true
    sent.push({ at, conn, text: m[3]!, write: state.count })
  })
  return { sent, replies }
}

/** Where the reply to `command` is read: the first reply on its connection after it, past those of commands sent before it there. */
function replyTo(replies: { at: number; conn: string }[], command: { at: number; conn: string }): number {
  return replies.find(r => r.conn === command.conn && r.at > command.at)?.at ?? Infinity
}

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'proftpd'])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe(
    'the deletions and the final check in one write, after the burst, before the manifest goes live',
    async () => {
      const site = Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [
          i < 3 ? `top${i}.bin` : `d${i % 5}/s${i % 2}/f${i}.bin`,
          randomBytes(400)
        ])
      )
      const local = makeTree(site)
      const inputs = serverInputs(block.server(), {
        'local-dir': local,
        'remote-dir': 'end',
        delete: 'true',
        concurrency: '2'
      })
      await deploy(settingsOf(inputs), recordingLog())
      // Changed (one at the same size, one resized), added, deleted: one deleted at the top, whose
      // absence the flat listing output (built from the check's listing of remote-dir) shows.
      // Added files enough for the uploads to outlast the checkpoint that stops vouching for the
      // changed ones (the final manifest is staged after it).
      const added = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d3/s1/new${i}.bin`, randomBytes(50)]))
      const changed = { 'd1/s1/f11.bin': randomBytes(400), 'd2/s0/f12.bin': randomBytes(900), ...added }
      for (const [path, data] of Object.entries(changed)) writeFileSync(join(local, path), data)
      const deleted = ['top1.bin', 'd4/s0/f4.bin', 'd0/s1/f5.bin']
      for (const path of deleted) rmSync(join(local, path))
      const log = recordingLog()
      // Through a link of 40 ms round trips: a reply comes well after the commands sent before it.
      const link = await startLatencyProxy({
        controlPort: block.server().port,
        passive: block.server().passivePorts,
        rttMs: 40
      })
      const result = await deploy(settingsOf({ ...inputs, host: '::1', port: String(link.port) }), log).finally(() =>
        link.close()
      )

      const remote = join(block.server().root, 'end')
      for (const [path, data] of Object.entries(changed))
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      for (const path of deleted) expect([path, existsSync(join(remote, path))]).toEqual([path, false])
      expect(result.deleted.sort()).toEqual([...deleted].sort())
      const manifest = JSON.parse(readFileSync(join(remote, MANIFEST), 'utf8')) as { files: Record<string, unknown> }
      const kept = Object.keys(site).filter(p => !deleted.includes(p))
      expect(Object.keys(manifest.files).sort()).toEqual([...kept, ...Object.keys(added)].sort())
      expect(existsSync(join(remote, '.ftps-deploy.lock'))).toBe(false)
      expect(readdirSync(remote).filter(n => n.endsWith('.tmp'))).toEqual([])
      expect(result.listing.map(e => e.path).sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'top0.bin', 'top2.bin'])
      expect(log.warnings).toEqual([])

      const { sent, replies } = sentCommands(log.lines)
      const deles = sent.filter(s => /^DELE \/end\/(top1\.bin|d4\/s0\/f4\.bin|d0\/s1\/f5\.bin)$/.test(s.text))
      expect(deles).toHaveLength(3)
      // The check lists remote-dir and each uploaded file's own directory, nothing more.
      const checked = ['/end', '/end/d1/s1', '/end/d2/s0', '/end/d3/s1']
      const stats = sent.filter(s => s.at > deles[0]!.at && checked.some(dir => s.text === `STAT ${dir}`))
      expect(stats.map(s => s.text).sort()).toEqual(checked.map(dir => `STAT ${dir}`).sort())
      expect(sent.filter(s => s.at > deles[0]!.at && /^STAT \/end\/d\d$/.test(s.text))).toEqual([])
      // One write on one connection: the deletions, then the listings.
      const write = (s: Sent): string => `${s.conn}:${s.write}`
      expect(new Set([...deles, ...stats].map(write))).toEqual(new Set([write(deles[0]!)]))
      expect(Math.max(...deles.map(s => s.at))).toBeLessThan(Math.min(...stats.map(s => s.at)))
      // After the burst's last reply (every file live), before the manifest's rename.
      const wentLive = log.lines.findIndex(l => l.startsWith('info: Went live:'))
      const lastRename = sent.filter(s => /^RNTO \/end\/d/.test(s.text)).pop()!
      const burstReplies = replies.filter(r => r.conn === lastRename.conn && r.at > lastRename.at)
      expect(burstReplies[0]!.at).toBeLessThan(deles[0]!.at)
      expect(wentLive).toBeLessThan(deles[0]!.at)
      const rename = sent.find(s => s.text === `RNTO /end/${MANIFEST}` && s.at > deles[0]!.at)!
      const listedBy = replies.filter(r => r.conn === deles[0]!.conn && r.at > deles[0]!.at)
      expect(listedBy[stats.length + deles.length - 1]!.at).toBeLessThan(rename.at)

      // The final manifest: staged (on the lock's connection) once the last upload was sent, before
      // that upload's size check was answered; its size read before its rename.
      const staged = sent
        .filter(s => /^STOR \/end\/\.ftps-deploy\.\.ftps-deploy-manifest\.json\.\S+\.tmp$/.test(s.text))
        .pop()!
      const temp = staged.text.slice('STOR '.length)
      const checks = sent.filter(s => /^SIZE \/end\/d\d\/s\d\/\.ftps-deploy\.\S+\.tmp$/.test(s.text))
      expect(checks).toHaveLength(14)
      const lastCheck = checks.reduce((a, b) => (replyTo(replies, b) > replyTo(replies, a) ? b : a))
      // Its first command: the passive port it asks for in a write of its own (where none was asked
      // for ahead, in an earlier write), or its STOR.
      const before = sent.filter(s => s.conn === staged.conn && s.at < staged.at).pop()
      const alone = before !== undefined && sent.filter(s => write(s) === write(before)).length === 1
      const stageStart = alone && /^(EPSV|PASV)$/.test(before.text) ? before.at : staged.at
      expect(stageStart).toBeLessThan(replyTo(replies, lastCheck))
      const size = sent.find(s => s.text === `SIZE ${temp}`)!
      expect(replyTo(replies, size)).toBeLessThan(rename.at)
      // Its rename and the lock's release in one write on one connection, the release behind it.
      const rnfr = sent.find(s => s.text === `RNFR ${temp}`)!
      const release = sent.filter(s => /^(RMD|DELE) \/end\/\.ftps-deploy\.lock(\/|$)/.test(s.text))
      expect(release.map(s => s.text.replace(/beat-\d+/, 'beat-N'))).toEqual([
        'RMD /end/.ftps-deploy.lock/beat-N',
        'DELE /end/.ftps-deploy.lock/holder.json',
        'RMD /end/.ftps-deploy.lock'
      ])
      expect(new Set([rnfr, rename, ...release].map(write))).toEqual(new Set([write(rnfr)]))
      expect([rnfr.at < rename.at, rename.at < release[0]!.at]).toEqual([true, true])
      expect(log.lines).toContain('info: Released the deploy lock /end/.ftps-deploy.lock')
    },
    120_000
  )
})

describe('a refused final rename with the release behind it (vsftpd-tls12)', () => {
  const block = serverForBlock('vsftpd-tls12')

  block.maybe(
    'fails the run naming the refusal; nothing written anew without the lock',
    async () => {
      const site = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`d${i % 2}/f${i}.bin`, randomBytes(300)]))
      const local = makeTree(site)
      const inputs = serverInputs(block.server(), { 'local-dir': local, 'remote-dir': 'refused' })
      await deploy(settingsOf(inputs), recordingLog())
      writeFileSync(join(local, 'd0/f0.bin'), randomBytes(300))
      const remote = join(block.server().root, 'refused')
      // Once every file is live: the manifest's name becomes a directory that holds a file, so the
      // final rename onto it is refused (550) after the checkpoint's rename over it went through.
      let live = false
      const base = recordingLog()
      const log = {
        ...hookedLog(message => {
          if (!live || !sends(message, /^> RNFR \/refused\/\.ftps-deploy\.\.ftps-deploy-manifest\.json\./)) return
          rmSync(join(remote, MANIFEST))
          mkdirSync(join(remote, MANIFEST))
          writeFileSync(join(remote, MANIFEST, 'keep'), 'x')
        }),
        info: (m: string) => {
          base.info(m)
          if (m.startsWith('Went live:')) live = true
        }
      }
      const failed = await deploy(settingsOf(inputs), log).then(
        () => undefined,
        (err: unknown) => err as Error
      )
      expect(failed?.message).toMatch(
        /^Could not write the manifest: Writing the manifest \/refused\/\.ftps-deploy-manifest\.json failed: Could not rename \S+ to \/refused\/\.ftps-deploy-manifest\.json: .* \(the deploy lock was released in the same write\)$/
      )
      // The lock went with the rename's write; nothing wrote the manifest after it.
      expect(existsSync(join(remote, '.ftps-deploy.lock'))).toBe(false)
      expect(readdirSync(join(remote, MANIFEST))).toEqual(['keep'])
      expect(readdirSync(remote).filter(n => n.endsWith('.tmp'))).toEqual([])
    },
    120_000
  )
})
