/**
 * The state read's round trips against real servers (issue 22): the manifest's SIZE and its
 * backup's go in one write with remote-dir's STAT, before the lock and again under it; and a
 * run that changes nothing builds its listing output from what it listed, with no listing round
 * trip, where that output is provably the same (else it lists, as ever).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { openSession } from '../src/ftp/index.js'
import { listRemote, toEntry, type ListingEntry } from '../src/remote/listing.js'
import type { RemoteEntry } from '../src/core/remote-session.js'
import type { Settings } from '../src/core/settings.js'
import { EXPLICIT_SERVERS } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const LOCK = '.ftps-deploy.lock'
const BUILT = 'debug: The listing output is built from the listings made since the last change'

/** Runs of commands (whole lines) sent on one connection before any reply came back on it, in the protocol log. */
function writes(lines: string[]): string[][] {
  const out: string[][] = []
  const runs = new Map<string, string[]>()
  for (const line of lines) {
    const m = /^debug: (#\S+ )?([<>]) ?(.*)$/.exec(line)
    if (m === null) continue
    const conn = m[1] ?? ''
    const run = runs.get(conn) ?? []
    if (m[2] === '>') runs.set(conn, [...run, m[3]!])
    else {
      if (run.length > 0) out.push(run)
      runs.set(conn, [])
    }
  }
  return out
}

/** What the server's disk holds under `dir`, as the listing output shows it (path, type, size). */
function onDisk(dir: string, recursive: boolean, prefix = ''): { path: string; type: string; size: number }[] {
  const out: { path: string; type: string; size: number }[] = []
  for (const name of readdirSync(dir)) {
    if (prefix === '' && (name === MANIFEST || name === LOCK)) continue
    const path = prefix === '' ? name : `${prefix}/${name}`
    const st = statSync(join(dir, name))
    if (st.isDirectory()) {
      out.push({ path, type: 'dir', size: st.size })
      if (recursive) out.push(...onDisk(join(dir, name), true, path))
    } else out.push({ path, type: 'file', size: st.size })
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** The listing output of remote-dir as a listing now gives it (MLSD where the server offers it, else STAT or LIST). */
async function listedNow(settings: Settings, remoteRoot: string, recursive: boolean): Promise<ListingEntry[]> {
  const session = await openSession(settings, recordingLog())
  try {
    const list = (path: string): Promise<RemoteEntry[]> => session.listEntries(path)
    return await listRemote(
      list,
      remoteRoot,
      { ...settings, listing: recursive ? 'recursive' : 'flat' },
      recordingLog()
    )
  } finally {
    session.close()
  }
}

describe.each(EXPLICIT_SERVERS)('%s', kind => {
  const block = serverForBlock(kind)
  const maybe = block.maybe
  const inputs = (extra: InputValues): InputValues => serverInputs(block.server(), { timeout: '10', ...extra })

  maybe("the manifest's read rides in remote-dir's STAT write, before the lock and under it", async () => {
    const local = makeTree({ 'a.txt': 'a', 'd/b.txt': 'bb' })
    const settings = settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'rides' }))
    // The local files' directory (a guess: on a first deploy it is not there) rides too, in the
    // login's write, with remote-dir as given (relative: the server resolves it against the login directory).
    const together = [
      'STAT rides',
      'STAT rides/d',
      `SIZE rides/${MANIFEST}`,
      `SIZE rides/${MANIFEST}.previous`,
      expect.stringMatching(/^(EPSV|PASV)$/)
    ]
    const underLock = [`SIZE /rides/${MANIFEST}`, `SIZE /rides/${MANIFEST}.previous`, 'STAT /rides']
    const loginWrite = (lines: string[]): string[] | undefined => writes(lines).find(w => w[0] === 'USER deployer')
    const first = recordingLog()
    await deploy(settings, first)
    // A first deploy: both absent, told in the login's write; the read again under the lock rides
    // in the lock's own write, behind its MKD: the manifest's SIZEs, then remote-dir's STAT alone (no
    // manifest was found: the rest is not there).
    const firstWrites = writes(first.lines)
    expect(loginWrite(first.lines)?.slice(0, 2)).toEqual(['USER deployer', 'PASS ###'])
    expect(loginWrite(first.lines)?.slice(-5)).toEqual(together)
    const lockAt = firstWrites.findIndex(w => w.includes(`MKD /rides/${LOCK}`))
    const lockWrite = firstWrites[lockAt]!
    expect(lockWrite.slice(lockWrite.indexOf(`MKD /rides/${LOCK}`) + 1)).toEqual(underLock)
    expect(firstWrites.indexOf(loginWrite(first.lines)!)).toBeLessThan(lockAt)
    // Nothing else asks for the manifest before the uploads (the lock's holder.json is a STOR too).
    const beforeUploads = first.lines.slice(
      0,
      first.lines.findIndex(l => / > STOR /.test(l) && !l.includes(LOCK))
    )
    expect(beforeUploads.filter(l => /> SIZE \/?rides\/\.ftps-deploy-manifest\.json$/.test(l))).toHaveLength(2)
    // The server read them in that order (vsftpd and ProFTPD log each command; pure-ftpd transfers only).
    if (kind !== 'pure-ftpd')
      expect(block.server().readLog()).toMatch(/STAT rides[\s\S]*SIZE rides\/\.ftps-deploy-manifest\.json/)

    // A redeploy: the manifest's SIZE with remote-dir's STAT in the login's write, then its RETR; one STAT of remote-dir in all.
    const again = recordingLog()
    const result = await deploy(settings, again)
    expect(result.uploaded).toEqual([])
    expect(loginWrite(again.lines)?.slice(-5)).toEqual(together)
    const stats = again.lines.filter(l => /> STAT \/?rides$/.test(l))
    expect(stats).toHaveLength(1)
  })

  maybe('a run that changes nothing: the listing output without its round trip, true to the disk', async () => {
    const local = makeTree({ 'a.txt': 'a', 'd/b.txt': 'bb', 'd/e/c.txt': 'ccc' })
    const remote = join(block.server().root, 'same')
    let viaStat: boolean | undefined
    for (const listing of ['flat', 'recursive']) {
      const settings = settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'same', listing }))
      const first = recordingLog()
      const deployed = await deploy(settings, first)
      // Where the listing output comes from STAT (not MLSD's exact times), the state read's lines are
      // it (the first deploy tells: the flat one reads MLSD's times, as every run that changes files,
      // with MLST of the final check's entries or an MLSD).
      viaStat ??= !first.lines.some(l => / > (MLSD|MLST)\b/.test(l))
      const log = recordingLog()
      const result = await deploy(settings, log)
      expect(result.uploaded).toEqual([])
      expect(log.lines.includes(BUILT)).toBe(true)
      // No listing after the plan: the STATs of the state read are all there are; where the
      // output has MLSD's exact times, MLST reads them for each entry, on the control connection.
      const listed = log.lines.flatMap(l => /^debug: (?:#\S+ )?> ((?:STAT|LIST|MLSD|MLST)\b.*)$/.exec(l)?.[1] ?? [])
      const entries = listing === 'flat' ? ['a.txt', 'd'] : ['a.txt', 'd', 'd/b.txt', 'd/e', 'd/e/c.txt']
      const facts = viaStat ? [] : entries.map(path => `MLST /same/${path}`)
      expect(listed).toEqual(['STAT same', 'STAT same/d', 'STAT same/d/e', ...facts])
      // Exactly what a listing now shows (MLSD's times, to the second, where the server offers MLSD).
      expect(result.listing).toEqual(await listedNow(settings, '/same', listing === 'recursive'))
      const shape = result.listing.map(({ path, type, size }) => ({ path, type, size: type === 'dir' ? 0 : size }))
      const disk = onDisk(remote, listing === 'recursive').map(e => ({ ...e, size: e.type === 'dir' ? 0 : e.size }))
      expect(shape).toEqual(disk)
      // The same entries, times included, as the listing of the run before (which listed them).
      expect(result.listing.filter(e => e.type === 'file')).toEqual(deployed.listing.filter(e => e.type === 'file'))
    }
    // A directory the manifest never had: a recursive listing needs one the state read left
    // alone, so it lists as ever and shows it; a new file in a listed directory shows too.
    block.server().putFile('same/extra/x.txt', 'xxxx')
    block.server().putFile('same/d/zz.txt', 'zz')
    const log = recordingLog()
    const result = await deploy(
      settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'same', listing: 'recursive' })),
      log
    )
    expect(log.lines.includes(BUILT)).toBe(false)
    expect(result.listing.map(e => e.path)).toEqual(onDisk(remote, true).map(e => e.path))
    expect(result.listing.map(e => e.path)).toEqual(expect.arrayContaining(['extra/x.txt', 'd/zz.txt']))
    const flat = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'same' })), recordingLog())
    expect(flat.listing.map(e => e.path)).toEqual(onDisk(remote, false).map(e => e.path))

    // A run that changes files (deletions included): flat, from the final check's listing of remote-dir (after every
    // change), the same entries, times included, as a listing made afterwards.
    const changed = makeTree({ 'a.txt': 'a changed', 'n.txt': 'new' })
    const changing = recordingLog()
    const after = await deploy(
      settingsOf(inputs({ 'local-dir': changed, 'remote-dir': 'same', delete: 'true' })),
      changing
    )
    expect(after.uploaded).toEqual(['a.txt', 'n.txt'])
    expect(after.deleted).toEqual(['d/b.txt', 'd/e/c.txt'])
    // The deletions in one write (on whichever connection), the emptied directories' removals and
    // the final check's listing of remote-dir behind them.
    const dele = changing.lines.find(l => l.endsWith('> DELE /same/d/b.txt'))!
    const conn = /^debug: (#\w+ )?>/.exec(dele)![1] ?? ''
    const own = changing.lines
      .filter(l => l.startsWith(`debug: ${conn}`))
      .map(l => `debug: ${l.slice(7 + conn.length)}`)
    expect(writes(own)).toContainEqual([
      'DELE /same/d/b.txt',
      'DELE /same/d/e/c.txt',
      'RMD /same/d/e',
      'RMD /same/d',
      'STAT /same'
    ])
    expect(changing.lines.includes(BUILT)).toBe(!changing.lines.some(l => / > MLSD\b/.test(l)))
    const session = await openSession(settingsOf(inputs({})), recordingLog())
    try {
      const now = (await session.listEntries('/same'))
        .filter(e => e.name !== '.' && e.name !== '..' && e.name !== MANIFEST)
        .map(e => toEntry(e, ''))
        .sort((a, b) => (a.path < b.path ? -1 : 1))
      expect(after.listing).toEqual(now)
    } finally {
      session.close()
    }
    expect(after.listing.map(e => e.path)).toEqual(onDisk(remote, false).map(e => e.path))
  })

  maybe("every level's listing rides in the manifest's write; under the lock, the directories it names", async () => {
    const files = { 'a.txt': 'a', 'd/b.txt': 'b', 'd/e/c.txt': 'c', 'd/e/f/g.txt': 'g', 'gone/x.txt': 'x' }
    const settings = (local: string): ReturnType<typeof settingsOf> =>
      settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'lv', delete: 'true' }))
    await deploy(settings(makeTree(files)), recordingLog())
    const statsOf = (lines: string[]): string[] => lines.flatMap(l => /^debug: > (STAT .*)$/.exec(l)?.[1] ?? [])
    const dirs = ['STAT /lv', 'STAT /lv/d', 'STAT /lv/gone', 'STAT /lv/d/e', 'STAT /lv/d/e/f']
    // In the login's write remote-dir goes as given (relative).
    const asGiven = (commands: string[]): string[] => commands.map(c => c.replace(' /lv', ' lv'))
    const sizeWrite = (lines: string[]): string[][] =>
      writes(lines).filter(w => w.includes(`SIZE /lv/${MANIFEST}`) || w.includes(`SIZE lv/${MANIFEST}`))

    // Nothing changed: the login's write holds every STAT of the run and the manifest's SIZE, parents first.
    const same = recordingLog()
    expect((await deploy(settings(makeTree(files)), same)).uploaded).toEqual([])
    expect(sizeWrite(same.lines).map(w => [w[0], ...w.filter(c => c.startsWith('STAT '))])).toEqual([
      ['USER deployer', ...asGiven(dirs)]
    ])
    expect(statsOf(same.lines)).toEqual(asGiven(dirs))

    // A change at the same size (no listing shows it): read before the lock with the local files'
    // directories; under the lock, with those the manifest read before it names too ('gone', no
    // longer local); no STAT after the manifest's RETR (in the heartbeat's write).
    const kept = Object.fromEntries(Object.entries(files).filter(([path]) => path !== 'gone/x.txt'))
    const changed = recordingLog()
    const result = await deploy(settings(makeTree({ ...kept, 'a.txt': 'b' })), changed)
    expect([result.uploaded, result.deleted]).toEqual([['a.txt'], ['gone/x.txt']])
    const [before, under] = sizeWrite(changed.lines).map(w => w.filter(c => c.startsWith('STAT ')))
    expect(before).toEqual(asGiven(dirs.filter(d => d !== 'STAT /lv/gone')))
    expect(under).toEqual(dirs)
    const lockAt = changed.lines.findIndex(l => l.endsWith(`> MKD /lv/${LOCK}`))
    const underAt = changed.lines.findIndex((l, i) => i > lockAt && l.endsWith(`> RETR /lv/${MANIFEST}`))
    expect(lockAt).toBeGreaterThan(0)
    expect(underAt).toBeGreaterThan(lockAt)
    const firstStore = changed.lines.findIndex(l => / > STOR /.test(l) && !l.includes(LOCK) && !l.includes(MANIFEST))
    expect(statsOf(changed.lines.slice(underAt, firstStore))).toEqual([])
    // The server's disk: the change there, the deleted file gone.
    const root = join(block.server().root, 'lv')
    expect(
      onDisk(root, true)
        .filter(e => e.type === 'file')
        .map(e => e.path)
    ).toEqual(Object.keys(kept).sort())
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('b')
  })

  maybe(
    "a STAT reply too long for the login's write: logged in again without it (no retry spent), and LIST lists",
    async () => {
      for (let i = 0; i < 1500; i++) block.server().putFile(`big/bigdir/image-${String(i).padStart(4, '0')}.jpg`, 'x')
      const local = makeTree({ 'a.txt': 'a', 'bigdir/one.txt': 'one' })
      const log = recordingLog()
      const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'big', retries: '0' })), log)
      expect(result.uploaded.sort()).toEqual(['a.txt', 'bigdir/one.txt'])
      expect(readFileSync(join(block.server().root, 'big/bigdir/one.txt'), 'utf8')).toBe('one')
      expect(readdirSync(join(block.server().root, 'big/bigdir'))).toHaveLength(1501)
      // Only where that STAT reached the client: a server whose STAT lists no such directory never sends it.
      if (log.lines.some(l => l === 'debug: > STAT big/bigdir'))
        expect(log.lines.some(l => /listing over data connections/.test(l))).toBe(true)
    },
    60_000
  )
})
