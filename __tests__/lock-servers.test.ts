/**
 * The deploy lock and file modes against every server, through the CLI bundle users run: two
 * deploys started together never interleave, a killed holder's lock is broken, modes land.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { openSession } from '../src/ftp/index.js'
import { TempNamer } from '../src/core/temp-name.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { EXPLICIT_SERVERS, FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { runCliDeploy } from './support/cli-process.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const LOCK = '.ftps-deploy.lock'
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** path -> content of every file under dir. */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) Object.assign(out, tree(join(dir, entry.name), rel))
    else out[rel] = readFileSync(join(dir, entry.name), 'utf8')
  }
  return out
}

const bigTree = (tag: string): Record<string, string> =>
  // Long enough a deploy (240 files) that the other run finds it holding the lock, named.
  Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`d${i % 6}/${tag}-${i}.txt`, `${tag} ${i}\n`.repeat(50)]))

describe.each(EXPLICIT_SERVERS)('%s', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })
  const inputs = (extra: InputValues): InputValues => serverInputs(server, { timeout: '10', ...extra })

  maybe(
    'two deploys started together: one waits for the other, the server ends with the second tree',
    async () => {
      const a = bigTree('a')
      const b = bigTree('b')
      const run = (files: Record<string, string>) =>
        // Each run deletes the other's whole tree: more than max-delete's default allows.
        runCliDeploy(
          inputs({ 'local-dir': makeTree(files), 'remote-dir': 'both', delete: 'true', 'max-delete': '100%' }),
          {
            password: server.password
          }
        )
      const [ra, rb] = await Promise.all([run(a), run(b)])
      expect([ra.code, ra.error, rb.code, rb.error]).toEqual([0, '', 0, ''])
      const waited = [ra, rb].filter(r => r.lines.some(l => l.startsWith('Waiting for the deploy lock')))
      expect(waited).toHaveLength(1)
      const second = waited[0]
      const [first, secondFiles] = second === rb ? [ra, b] : [rb, a]
      // The second names the first as the holder it waited for.
      // (A first line may come before the holder wrote holder.json; the next names it.)
      const waitLines = second.lines.filter(l => l.startsWith('Waiting for the deploy lock'))
      expect(waitLines.some(l => /held by ftps-deploy on .+ as .+, pid \d+ since \d{4}-/.test(l))).toBe(true)
      expect(first.lines.some(l => l.startsWith('Took the deploy lock'))).toBe(true)
      const remote = join(server.root, 'both')
      const onDisk = tree(remote)
      const manifest = JSON.parse(onDisk[MANIFEST]) as { files: Record<string, unknown> }
      delete onDisk[MANIFEST]
      expect(onDisk).toEqual(secondFiles)
      expect(Object.keys(manifest.files).sort()).toEqual(Object.keys(secondFiles).sort())
      expect(existsSync(join(remote, LOCK))).toBe(false)
    },
    60_000
  )

  maybe('lock-timeout 0 with the lock held: fails at once naming the holder, nothing changed', async () => {
    const local = makeTree({ 'x.txt': 'x' })
    await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'held' })), recordingLog())
    server.putFile(
      `held/${LOCK}/holder.json`,
      JSON.stringify({ holder: 'GitHub Actions run 42', since: '2026-12-01T10:00:00.000Z' })
    )
    const before = tree(join(server.root, 'held'))
    const changed = makeTree({ 'x.txt': 'changed', 'y.txt': 'new' })
    const started = Date.now()
    const run = await runCliDeploy(inputs({ 'local-dir': changed, 'remote-dir': 'held', 'lock-timeout': '0' }), {
      password: server.password
    })
    expect(run.code).toBe(1)
    expect(run.error).toMatch(
      /^The deploy lock on \/held is held by GitHub Actions run 42 since 2026-12-01T10:00:00\.000Z; gave up after lock-timeout 0 s/
    )
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(tree(join(server.root, 'held'))).toEqual(before)
    // A dry run takes no lock and says it is held.
    const dry = await runCliDeploy(inputs({ 'local-dir': changed, 'remote-dir': 'held', 'dry-run': 'true' }), {
      password: server.password
    })
    expect(dry.code).toBe(0)
    expect(
      dry.lines.some(l => l.includes('A deploy lock is held on /held') && l.includes('GitHub Actions run 42'))
    ).toBe(true)
  })

  maybe(
    'a no-change redeploy takes no lock and writes nothing; a lock held by another run still stops it',
    async () => {
      const local = makeTree({ 'a.txt': 'a', 'd/b.txt': 'b', 'd/e/c.txt': 'c' })
      const settings = settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'still', delete: 'true' }))
      await deploy(settings, recordingLog())
      const remote = join(server.root, 'still')
      const before = tree(remote)
      const mtime = statSync(remote).mtimeMs
      const logBefore = server.readLog().length
      const log = recordingLog()
      const again = await deploy(settings, log)
      expect([again.uploaded, again.deleted]).toEqual([[], []])
      expect(log.lines).toContain(
        `info: Nothing to change and no other run holds the lock (${LOCK} not in remote-dir): no lock taken`
      )
      // Nothing written: not the lock (its MKD and RMD would touch remote-dir's mtime), nor anything else.
      expect(tree(remote)).toEqual(before)
      expect(statSync(remote).mtimeMs).toBe(mtime)
      expect(server.readLog().slice(logBefore)).not.toMatch(/\b(MKD|STOR|APPE|DELE|RMD|RNFR|RNTO|SITE CHMOD)\b|UPLOAD/)
      // A killed run's temporary, seconds old: removing it is a write, so the run takes the lock
      // (which makes every other run's temporary a dead run's) and removes it.
      const temp = new TempNamer('deadbeef').pathFor('/still/d/b.txt')
      server.putFile(temp.slice(1), 'half')
      const cleaning = recordingLog()
      await deploy(settings, cleaning)
      expect(cleaning.lines.some(l => l.startsWith('info: Took the deploy lock'))).toBe(true)
      expect(tree(remote)).toEqual(before)
      // Another run's lock, seen in the same listing: the run takes the lock's path and fails as before.
      server.putFile(
        `still/${LOCK}/holder.json`,
        JSON.stringify({ holder: 'GitHub Actions run 7', since: '2026-12-01' })
      )
      const held = settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'still', 'lock-timeout': '0' }))
      await expect(deploy(held, recordingLog())).rejects.toThrow(
        /^The deploy lock on \/still is held by GitHub Actions run 7 since 2026-12-01; gave up after lock-timeout 0 s/
      )
    }
  )

  maybe('a holder that stopped renewing is broken and the run deploys (short bound, in process)', async () => {
    server.putFile(
      `stale/${LOCK}/holder.json`,
      JSON.stringify({ holder: 'a killed run', since: '2026-12-01T10:00:00.000Z' })
    )
    const log = recordingLog()
    const local = makeTree({ 'x.txt': 'x' })
    const deps = {
      openSession,
      listLocalFiles,
      now: () => Date.now(),
      lockTiming: { heartbeatMs: 500, staleAfterMs: 2_000, pollMs: 200 }
    }
    const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'stale' })), log, deps)
    expect(result.uploaded).toEqual(['x.txt'])
    expect(log.warnings.join('\n')).toMatch(/Breaking a stale deploy lock on \/stale, held by a killed run since/)
    expect(readdirSync(join(server.root, 'stale')).sort()).toEqual([MANIFEST, 'x.txt'])
  })

  maybe('a stale lock with a heartbeat is taken over by renaming that heartbeat, and the run deploys', async () => {
    // A holder of an earlier version (beat-<n>, no token) killed mid-run.
    server.putFile(`takeover/${LOCK}/holder.json`, JSON.stringify({ holder: 'a killed run', since: '2026-12-01' }))
    rmSync(server.putFile(`takeover/${LOCK}/beat-5/x`, ''))
    const log = recordingLog()
    const deps = {
      openSession,
      listLocalFiles,
      now: () => Date.now(),
      lockTiming: { heartbeatMs: 500, staleAfterMs: 2_000, pollMs: 200 }
    }
    const local = makeTree({ 'x.txt': 'x' })
    const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'takeover' })), log, deps)
    expect(result.uploaded).toEqual(['x.txt'])
    expect(log.warnings.join('\n')).toMatch(/Breaking a stale deploy lock on \/takeover, held by a killed run since/)
    expect(log.lines).toContain('info: Released the deploy lock /takeover/.ftps-deploy.lock')
    expect(readdirSync(join(server.root, 'takeover')).sort()).toEqual([MANIFEST, 'x.txt'])
    // The break was the heartbeat's rename (pure-ftpd logs transfers only).
    if (kind !== 'pure-ftpd') expect(server.readLog()).toMatch(/RNFR \/takeover\/\.ftps-deploy\.lock\/beat-5\b/)
  })

  maybe('file-mode 640 and dir-mode 750: the modes on the server disk are those', async () => {
    const local = makeTree({ 'top.php': '<?php', 'cfg/sub/db.php': '<?php' })
    const result = await deploy(
      settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'modes/www', 'file-mode': '640', 'dir-mode': '750' })),
      recordingLog()
    )
    expect(result.uploaded).toEqual(['cfg/sub/db.php', 'top.php'])
    const mode = (p: string): string => (statSync(join(server.root, p)).mode & 0o777).toString(8)
    expect([
      mode('modes'),
      mode('modes/www'),
      mode('modes/www/cfg'),
      mode('modes/www/cfg/sub'),
      mode('modes/www/top.php'),
      mode('modes/www/cfg/sub/db.php')
    ]).toEqual(['750', '750', '750', '750', '640', '640'])
  })
})

describe('vsftpd with chmod_enable=NO', () => {
  const maybe = skipped('vsftpd') ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped('vsftpd')) server = await startServer('vsftpd', { extraConfig: ['chmod_enable=NO'] })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe('file-mode fails the run naming the reply and the file; nothing is left under its name', async () => {
    const local = makeTree({ 'index.php': '<?php' })
    const run = await runCliDeploy(
      serverInputs(server, { 'local-dir': local, 'remote-dir': 'nochmod', 'file-mode': '640' }),
      {
        password: server.password
      }
    )
    expect(run.code).toBe(1)
    expect(run.error).toMatch(
      /^Upload of index\.php to \/nochmod\/index\.php failed: Could not set mode 640 on \/nochmod\/\.ftps-deploy\.index\.php\.\S+\.tmp: the server answered SITE CHMOD with 500 Unknown SITE command\.$/
    )
    expect(readdirSync(join(server.root, 'nochmod')).filter(n => n !== MANIFEST)).toEqual([])
  })
})

describe('vsftpd-tls12: a deploy SIGKILLed while it holds the lock', () => {
  const maybe = skipped('vsftpd-tls12') ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped('vsftpd-tls12')) server = await startServer('vsftpd-tls12')
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'the next run breaks the stale lock within the bound (a minute without a heartbeat) and deploys',
    async () => {
      const files = bigTree('k')
      const inputs = serverInputs(server, { 'local-dir': makeTree(files), 'remote-dir': 'killed', timeout: '10' })
      // Killed once the lock names its holder (holder.json goes up on the lock's own connection
      // after the lock is taken): the next run names it in its warning.
      const holder = join(server.root, 'killed', LOCK, 'holder.json')
      let waiting: NodeJS.Timeout | undefined
      const killed = await runCliDeploy(inputs, {
        password: server.password,
        onLine: (line, child) => {
          if (!line.startsWith('Took the deploy lock')) return
          waiting = setInterval(() => {
            if (!existsSync(holder) || statSync(holder).size === 0) return
            clearInterval(waiting)
            child.kill('SIGKILL')
          }, 10)
        }
      })
      clearInterval(waiting)
      expect(killed.signal).toBe('SIGKILL')
      expect(existsSync(join(server.root, 'killed', LOCK))).toBe(true)
      const started = Date.now()
      const next = await runCliDeploy(inputs, { password: server.password, limitMs: 120_000 })
      const took = Date.now() - started
      expect([next.code, next.error]).toEqual([0, ''])
      expect(
        next.lines.some(l =>
          /^warning: Breaking a stale deploy lock on \/killed, held by ftps-deploy on .+, pid \d+ since/.test(l)
        )
      ).toBe(true)
      expect(took).toBeGreaterThanOrEqual(60_000)
      expect(took).toBeLessThan(90_000)
      const onDisk = tree(join(server.root, 'killed'))
      delete onDisk[MANIFEST]
      expect(onDisk).toEqual(files)
    },
    150_000
  )
})
