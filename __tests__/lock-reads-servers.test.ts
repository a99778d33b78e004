/**
 * The state read under the deploy lock rides in the lock's own write (issue 22), on real
 * servers: the STATs and the manifest's SIZEs go behind the lock's MKD (the server answers in
 * order, so they are read under the lock), the first heartbeat leads the second write once that
 * MKD made the lock, holder.json is written beside and removed at the release. A lock held by
 * another run makes those replies worthless: the state is read again once the lock is this
 * run's. A reply too long for the control connection loses the reads, never the lock.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy } from '../src/deploy.js'
import { MANIFEST_MAX_BYTES } from '../src/manifest/manifest-file.js'
import { openSession } from '../src/ftp/index.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { ServerKind } from './harness/servers.js'
import { hookedLog } from './support/hooked-log.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'
import { writes } from './support/protocol-writes.js'

const LOCK = '.ftps-deploy.lock'
const MANIFEST = '.ftps-deploy-manifest.json'

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'proftpd'])('%s', kind => {
  const block = serverForBlock(kind)
  const maybe = block.maybe
  const inputs = (extra: InputValues): InputValues => serverInputs(block.server(), { timeout: '10', ...extra })

  maybe("the state read rides behind the lock's MKD, the heartbeat leads the next write", async () => {
    // Directories enough that their STATs take more than one write (pipelining.ts BATCH_BYTES).
    const files: Record<string, string> = { 'a.txt': 'a' }
    for (let i = 0; i < 60; i++) files[`a-directory-with-a-rather-long-name-${i}/f.txt`] = `f${i}`
    await deploy(settingsOf(inputs({ 'local-dir': makeTree(files), 'remote-dir': 'rides' })), recordingLog())
    const log = recordingLog()
    const result = await deploy(
      settingsOf(inputs({ 'local-dir': makeTree({ ...files, 'a.txt': 'a changed' }), 'remote-dir': 'rides' })),
      log
    )
    expect(result.uploaded).toEqual(['a.txt'])
    expect(log.warnings).toEqual([])
    const sent = writes(log.lines)
    const lock = `/rides/${LOCK}`
    const manifest = `/rides/${MANIFEST}`
    const at = sent.findIndex(w => w.includes(`MKD ${lock}`))
    // remote-dir and the lock, then the reads: the manifest's SIZEs first, remote-dir's STAT next.
    expect(sent[at]!.slice(0, 5)).toEqual([
      'MKD /rides',
      `MKD ${lock}`,
      `SIZE ${manifest}`,
      `SIZE ${manifest}.previous`,
      'STAT /rides'
    ])
    // The next write: the first heartbeat (this run's token in its name), the STATs that did not
    // fit, and the manifest's RETR at its end (the next passive port behind it, where the server
    // reads it after the transfer): the manifest is read under the lock with no write of its own.
    const next = sent[at + 1]!
    expect(next[0]).toMatch(new RegExp(`^MKD /rides/\\.ftps-deploy\\.lock/beat-\\d{12}0$`))
    const retr = next.indexOf(`RETR ${manifest}`)
    expect(retr).toBeGreaterThan(0)
    expect(next.slice(1, retr).every(c => c.startsWith('STAT /rides/a-directory'))).toBe(true)
    expect(next.slice(retr + 1).every(c => c === 'EPSV')).toBe(true)
    // vsftpd reads bigger writes (the server record's burst): every read goes with the lock's MKD.
    if (kind.startsWith('vsftpd')) expect(next.slice(1, retr)).toEqual([])
    // Every directory once, the manifest read once, and nothing read again before the uploads.
    const after = sent.slice(at).flat()
    const upload = after.findIndex(c => c.startsWith('STOR ') && !c.includes(LOCK))
    expect(upload).toBeGreaterThan(0)
    const reads = after.slice(0, upload)
    expect(reads.filter(c => c.startsWith('STAT '))).toHaveLength(61)
    expect(new Set(reads.filter(c => c.startsWith('STAT '))).size).toBe(61)
    expect(reads.filter(c => c === `RETR ${manifest}` || c === `SIZE ${manifest}`)).toEqual([
      `SIZE ${manifest}`,
      `RETR ${manifest}`
    ])
    // holder.json written (beside, on the heartbeat's connection where it was free), then removed with the lock.
    expect(log.lines.some(l => /^debug: (#lock )?> STOR \/rides\/\.ftps-deploy\.lock\/holder\.json$/.test(l))).toBe(
      true
    )
    expect(existsSync(join(block.server().root, 'rides', LOCK))).toBe(false)
    expect(log.lines).toContain(`info: Released the deploy lock ${lock}`)
    // The server took them in that order (vsftpd and ProFTPD log each command; pure-ftpd transfers only).
    if (kind !== 'pure-ftpd') {
      const serverLog = block.server().readLog()
      const made = serverLog.lastIndexOf(`MKD ${lock}`)
      expect(made).toBeGreaterThan(-1)
      expect(serverLog.indexOf('STAT /rides', made)).toBeGreaterThan(made)
      expect(serverLog.indexOf(`RETR ${manifest}`, made)).toBeGreaterThan(made)
    }
  })

  maybe("a change the login's listings show: the lock first, the manifest read once, under it", async () => {
    const files = { 'a.txt': 'a', 'd/b.txt': 'b', 'd/e/c.txt': 'c' }
    const settings = (local: Record<string, string>): ReturnType<typeof settingsOf> =>
      settingsOf(inputs({ 'local-dir': makeTree(local), 'remote-dir': 'shown' }))
    await deploy(settings(files), recordingLog())
    const retrs = (lines: string[]): number => lines.filter(l => l === `debug: > RETR /shown/${MANIFEST}`).length
    const lockAt = (lines: string[]): number => lines.indexOf(`debug: > MKD /shown/${LOCK}`)
    // d/b.txt at another size, d/new.txt not there: both in listings of the login's write.
    for (const local of [
      { ...files, 'd/b.txt': 'b changed' },
      { ...files, 'd/b.txt': 'b changed', 'd/new.txt': 'new' }
    ]) {
      const log = recordingLog()
      const result = await deploy(settings(local), log)
      expect(result.uploaded.length).toBeGreaterThan(0)
      expect(retrs(log.lines)).toBe(1)
      expect(log.lines.findIndex(l => l === `debug: > RETR /shown/${MANIFEST}`)).toBeGreaterThan(lockAt(log.lines))
      expect(readFileSync(join(block.server().root, 'shown/d/b.txt'), 'utf8')).toBe('b changed')
    }
    // A change at the same size, which no listing shows: the manifest read before the lock, and again under it.
    const same = recordingLog()
    expect((await deploy(settings({ ...files, 'd/b.txt': 'B changed', 'd/new.txt': 'new' }), same)).uploaded).toEqual([
      'd/b.txt'
    ])
    expect(retrs(same.lines)).toBe(2)
    expect(same.lines.findIndex(l => l === `debug: > RETR /shown/${MANIFEST}`)).toBeLessThan(lockAt(same.lines))
    // Nothing changed: no lock, as ever.
    const none = recordingLog()
    expect((await deploy(settings({ ...files, 'd/b.txt': 'B changed', 'd/new.txt': 'new' }), none)).uploaded).toEqual(
      []
    )
    expect(lockAt(none.lines)).toBe(-1)
  })

  maybe('a manifest another run wrote just before the lock is taken: the one read under it is used', async () => {
    const root = block.server().root
    const settings = (local: Record<string, string>): ReturnType<typeof settingsOf> =>
      settingsOf(inputs({ 'local-dir': makeTree(local), 'remote-dir': 'raced' }))
    const v1 = { 'a.txt': 'a', 'd/b.txt': 'b' }
    const v2 = { 'a.txt': 'a', 'd/b.txt': 'b2' }
    await deploy(settings(v1), recordingLog())
    const before = readFileSync(join(root, 'raced', MANIFEST))
    // The other run's deploy of v2: d/b.txt and the manifest as it leaves them.
    await deploy(settings(v2), recordingLog())
    const theirs = readFileSync(join(root, 'raced', MANIFEST))
    expect(theirs.equals(before)).toBe(false)
    // Back to v1: this run logs in to find it, d/b.txt at another size than its own.
    block.server().putFile(`raced/${MANIFEST}`, before)
    block.server().putFile('raced/d/b.txt', 'b')
    // The other run ends right before this run's lock: its files and manifest in place.
    let raced = false
    const log = hookedLog(message => {
      if (raced || message !== `> MKD /raced/${LOCK}`) return
      raced = true
      block.server().putFile('raced/d/b.txt', 'b2')
      block.server().putFile(`raced/${MANIFEST}`, theirs)
    })
    const result = await deploy(settings({ ...v2, 'c.txt': 'new' }), log)
    expect(raced).toBe(true)
    // The manifest read once, in the heartbeat's write, after the lock's MKD.
    const sent = writes(log.lines)
    const retrs = sent.filter(w => w.includes(`RETR /raced/${MANIFEST}`))
    expect(retrs).toHaveLength(1)
    expect(retrs[0]![0]).toMatch(/^MKD \/raced\/\.ftps-deploy\.lock\/beat-/)
    // Planned against the other run's manifest: d/b.txt is recorded there as it is, not uploaded again.
    expect(result.uploaded).toEqual(['c.txt'])
    expect(readFileSync(join(root, 'raced/d/b.txt'), 'utf8')).toBe('b2')
    expect(JSON.parse(readFileSync(join(root, 'raced', MANIFEST), 'utf8')).files).toHaveProperty(['d/b.txt'])
  })

  maybe('under the lock, a manifest gone is read from its backup, one over its limit is refused unread', async () => {
    const root = block.server().root
    const files = { 'a.txt': 'a', 'd/b.txt': 'b' }
    const settings = (local: Record<string, string>): ReturnType<typeof settingsOf> =>
      settingsOf(inputs({ 'local-dir': makeTree(local), 'remote-dir': 'edge' }))
    await deploy(settings(files), recordingLog())
    const manifest = readFileSync(join(root, 'edge', MANIFEST))
    const retrs = (lines: string[]): string[] => lines.filter(l => / > RETR \/edge\/\.ftps-deploy-manifest/.test(l))
    // Gone right before the lock (between another run's two renames), its backup in place.
    let gone = false
    const log = hookedLog(message => {
      if (gone || message !== `> MKD /edge/${LOCK}`) return
      gone = true
      rmSync(join(root, 'edge', MANIFEST))
      block.server().putFile(`edge/${MANIFEST}.previous`, manifest)
    })
    expect((await deploy(settings({ ...files, 'd/b.txt': 'b changed' }), log)).uploaded).toEqual(['d/b.txt'])
    expect(retrs(log.lines)).toEqual([`debug: > RETR /edge/${MANIFEST}.previous`])
    // Over its limit: refused from its SIZE, never downloaded.
    block.server().putFile(`edge/${MANIFEST}`, Buffer.alloc(MANIFEST_MAX_BYTES + 1, 32))
    const big = recordingLog()
    await expect(deploy(settings({ ...files, 'd/b.txt': 'b changed again' }), big)).rejects.toThrow(
      `is ${MANIFEST_MAX_BYTES + 1} bytes, more than the ${MANIFEST_MAX_BYTES} bytes such a file may have: not read`
    )
    expect(retrs(big.lines)).toEqual([])
    expect(readFileSync(join(root, 'edge/d/b.txt'), 'utf8')).toBe('b changed')
  })

  maybe('a lock held by another run: what was read behind the refused MKD is read again under the lock', async () => {
    const files = { 'a.txt': 'a', 'd/b.txt': 'b' }
    await deploy(settingsOf(inputs({ 'local-dir': makeTree(files), 'remote-dir': 'waits' })), recordingLog())
    const root = block.server().root
    block.server().putFile(`waits/${LOCK}/holder.json`, JSON.stringify({ holder: 'another run', since: '2026-12-07' }))
    let freed = false
    // While this run waits, the other removes d/b.txt and its lock: only a read made after that sees it gone.
    const log = hookedLog(message => {
      if (freed || message !== `> MKD /waits/${LOCK}`) return
      freed = true
      setTimeout(() => {
        rmSync(join(root, 'waits/d/b.txt'))
        rmSync(join(root, 'waits', LOCK), { recursive: true })
      }, 1_500)
    })
    const deps = {
      openSession,
      listLocalFiles,
      now: () => Date.now(),
      lockTiming: { heartbeatMs: 500, staleAfterMs: 60_000, pollMs: 200 }
    }
    const settings = settingsOf(inputs({ 'local-dir': makeTree({ ...files, 'a.txt': 'a2' }), 'remote-dir': 'waits' }))
    const result = await deploy(settings, log, deps)
    expect(log.lines.some(l => l.startsWith('info: Waiting for the deploy lock on /waits: held by another run'))).toBe(
      true
    )
    // d/b.txt was listed before the other run removed it: uploaded again all the same.
    expect(result.uploaded.sort()).toEqual(['a.txt', 'd/b.txt'])
    expect(readFileSync(join(root, 'waits/d/b.txt'), 'utf8')).toBe('b')
    expect(existsSync(join(root, 'waits', LOCK))).toBe(false)
  })

  maybe('a run that stops right after its plan: the release waits for holder.json, and the lock is gone', async () => {
    const files = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`f${i}.txt`, `${i}`]))
    await deploy(settingsOf(inputs({ 'local-dir': makeTree(files), 'remote-dir': 'stops' })), recordingLog())
    // Through 50 ms of latency the heartbeat's connection logs in after the plan is made.
    const link = await startLatencyProxy({
      controlPort: block.server().port,
      passive: block.server().passivePorts,
      rttMs: 50
    })
    try {
      // Thirteen files deleted: over DELETE_FLOOR and max-delete 1, refused once the plan is made, under the lock.
      const local = makeTree({ 'f0.txt': 'changed' })
      const through = { ...inputs({ 'local-dir': local, 'remote-dir': 'stops', delete: 'true', 'max-delete': '1' }) }
      const log = recordingLog()
      const run = deploy(settingsOf({ ...through, host: '::1', port: String(link.port) }), log)
      await expect(run).rejects.toThrow(/max-delete/)
      // holder.json was written (its STOR) before the release removed it (its DELE).
      const stored = log.lines.findIndex(l =>
        /^debug: (#lock )?> STOR \/stops\/\.ftps-deploy\.lock\/holder\.json$/.test(l)
      )
      const removed = log.lines.indexOf(`debug: > DELE /stops/${LOCK}/holder.json`)
      expect([stored > -1, stored < removed]).toEqual([true, true])
      expect(log.lines.some(l => l.startsWith('info: Took the deploy lock'))).toBe(true)
      expect(log.warnings).toEqual([])
      expect(log.lines).toContain(`info: Released the deploy lock /stops/${LOCK}`)
      expect(existsSync(join(block.server().root, 'stops', LOCK))).toBe(false)
    } finally {
      await link.close()
    }
  })

  maybe(
    "a STAT reply too long for the lock's write: the lock stands, the state is listed over LIST",
    async () => {
      // big/ is the manifest's alone (no local file is there any more): listed under the lock only.
      const local = makeTree({ 'a.txt': 'a', 'big/one.txt': 'one' })
      await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'long' })), recordingLog())
      for (let i = 0; i < 1500; i++)
        block.server().putFile(`long/big/image-with-a-long-name-${String(i).padStart(4, '0')}.jpg`, 'x')
      const log = recordingLog()
      // A change at the same size: the manifest read before the lock names big/ for the lock's write.
      const changed = makeTree({ 'a.txt': 'b' })
      const result = await deploy(
        settingsOf(inputs({ 'local-dir': changed, 'remote-dir': 'long', retries: '0', 'lock-timeout': '5' })),
        log
      )
      expect(result.uploaded).toEqual(['a.txt'])
      expect(readFileSync(join(block.server().root, 'long/a.txt'), 'utf8')).toBe('b')
      expect(log.warnings).toEqual([])
      expect(log.lines.some(l => l.startsWith('info: Waiting for the deploy lock'))).toBe(false)
      // Only where that STAT reached the client: a server whose STAT lists no such directory never sends it.
      if (log.lines.some(l => l === 'debug: > STAT /long/big'))
        expect(log.lines.some(l => /^info: Reading behind MKD .*listing over data connections/.test(l))).toBe(true)
      expect(existsSync(join(block.server().root, 'long', LOCK))).toBe(false)
    },
    60_000
  )
})
