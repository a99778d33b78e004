/**
 * cutover: swap and rollback on real servers (issue 23 item 4): the spare copy beside remote-dir
 * is brought up to date against its own manifest (the previous release reused: only what differs
 * goes), then remote-dir and the spare copy switch in one write (RNFR, RNTO, RNFR, RNTO sent
 * before any reply, where the server takes commands together); the lock lives beside remote-dir;
 * rollback puts the previous tree back byte for byte with no STOR; a server that renames nothing
 * (pure-ftpd -G) fails before any upload, naming the refusal.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { ServerKind } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'
import { onDisk, Tree } from './support/swap.js'

const KINDS: ServerKind[] = ['vsftpd-tls12', 'pure-ftpd', 'proftpd', 'pyftpdlib', 'windows-like']

const sent = (log: RecordingLog, verb: string): string[] =>
  log.lines.filter(l => l.startsWith(`debug: > ${verb} `)).map(l => l.slice('debug: > '.length))

/** The lines of the session that sent `command`, from that command on, without the session's prefix. */
function ofSession(log: RecordingLog, command: string): string[] {
  const at = log.lines.findIndex(l => new RegExp(`^debug: (#\\d+ )?> ${command}$`).test(l))
  const prefix = /^debug: (#\d+ )?/.exec(log.lines[at]!)![0]
  return log.lines
    .slice(at)
    .filter(l => l.startsWith(prefix) && /^[<>] /.test(l.slice(prefix.length)))
    .map(l => l.slice(prefix.length))
}

describe.each(KINDS)('cutover: swap (%s)', kind => {
  const { server: serverOf, maybe } = serverForBlock(kind)

  maybe(
    'switches in one write, reuses the previous release, rolls back byte for byte with no STOR',
    async () => {
      const server = serverOf()
      const v1: Tree = { 'index.html': randomBytes(3000), 'a/app.js': randomBytes(5000), 'a/b.css': randomBytes(700) }
      const local = makeTree(v1)
      const inputs: InputValues = serverInputs(server, {
        'local-dir': local,
        'remote-dir': 'www/site',
        cutover: 'swap'
      })
      const live = join(server.root, 'www/site')
      const run = async (tree: Tree, extra: InputValues = {}) => {
        const log = recordingLog()
        const result = await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(tree), ...extra }), log)
        return { log, result }
      }
      // A first release: the spare copy is made, then renamed to remote-dir (no release before it).
      const first = await run(v1)
      expect(onDisk(live)).toEqual(v1)
      expect(first.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 1 })
      expect(sent(first.log, 'MKD')).toContain('MKD /www/site.ftps-deploy.lock')
      // A second: remote-dir becomes the previous release in the same write as the spare copy becomes remote-dir.
      const v2: Tree = { ...v1, 'index.html': randomBytes(3100), 'new.txt': Buffer.from('new\n') }
      const second = await run(v2)
      expect(onDisk(live)).toEqual(v2)
      expect(onDisk(join(server.root, 'www/site.ftps-deploy-prev'))).toEqual(v1)
      expect(second.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 2 })
      const switching = [
        'RNFR /www/site',
        'RNTO /www/site.ftps-deploy-prev',
        'RNFR /www/site.ftps-deploy-next',
        'RNTO /www/site'
      ]
      // Where the server takes commands together, the four leave before any reply: one write.
      const switched = ofSession(second.log, switching[0]!)
      if (kind !== 'windows-like') expect(switched.slice(0, 4)).toEqual(switching.map(c => `> ${c}`))
      else expect(switched.filter(l => l.startsWith('> ')).slice(0, 4)).toEqual(switching.map(c => `> ${c}`))
      // A third: the previous release (v1) is the spare copy, so only what differs from v1 goes.
      const v3: Tree = { ...v2, 'a/b.css': randomBytes(800) }
      const third = await run(v3)
      expect(third.result.uploaded).toEqual(['a/b.css', 'index.html', 'new.txt'])
      expect(onDisk(live)).toEqual(v3)
      expect(onDisk(join(server.root, 'www/site.ftps-deploy-prev'))).toEqual(v2)

      // Rollback: v2 back byte for byte, in one write, nothing uploaded.
      const back = await run({}, { rollback: 'true' })
      expect(onDisk(live)).toEqual(v2)
      expect(back.result.uploaded).toEqual([])
      expect(back.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 2 })
      expect(sent(back.log, 'STOR').filter(c => !c.includes('.ftps-deploy.lock/'))).toEqual([])
      expect(existsSync(join(server.root, 'www/site.ftps-deploy-prev'))).toBe(false)
      expect(onDisk(join(server.root, 'www/site.ftps-deploy-next'))).toEqual(v3)
      // No previous release now: a second rollback fails clearly and changes nothing.
      await expect(run({}, { rollback: 'true' })).rejects.toThrow(
        'rollback: there is no previous release to put back (/www/site.ftps-deploy-prev does not exist); nothing was changed'
      )
      expect(onDisk(live)).toEqual(v2)
      // The next deploy brings the spare copy (v3) up to date: nothing differs from it.
      const again = await run(v3)
      expect(again.result.uploaded).toEqual([])
      expect(onDisk(live)).toEqual(v3)
      expect(onDisk(join(server.root, 'www/site.ftps-deploy-prev'))).toEqual(v2)
      expect(readdirSync(join(server.root, 'www')).sort()).toEqual(['site', 'site.ftps-deploy-prev'])
    },
    120_000
  )

  maybe('a dry run reports the lock where it lives, beside remote-dir', async () => {
    const server = serverOf()
    const inputs = serverInputs(server, {
      'local-dir': makeTree({ 'a.txt': 'a' }),
      'remote-dir': 'www/dry',
      cutover: 'swap',
      'dry-run': 'true'
    })
    const free = recordingLog()
    await deploy(settingsOf(inputs), free)
    expect(free.lines).toContain('info: No deploy lock is held on /www/dry (/www/dry.ftps-deploy.lock)')
    server.putFile(
      'www/dry.ftps-deploy.lock/holder.json',
      JSON.stringify({ holder: 'GitHub Actions run 42', since: '2026-12-01T10:00:00.000Z' })
    )
    const held = recordingLog()
    await deploy(settingsOf(inputs), held)
    expect(held.warnings).toContain(
      'A deploy lock is held on /www/dry (/www/dry.ftps-deploy.lock) by GitHub Actions run 42 since 2026-12-01T10:00:00.000Z: a real run would wait for it'
    )
  })

  maybe('a dry run says what it would repair or reuse before any upload, changing nothing', async () => {
    const server = serverOf()
    const inputs = serverInputs(server, {
      'local-dir': makeTree({ 'a.txt': 'a' }),
      'remote-dir': 'www/cut',
      cutover: 'swap',
      'dry-run': 'true'
    })
    // A switch cut between its renames: remote-dir missing, the spare copy and the previous release beside it.
    server.putFile('www/cut.ftps-deploy-next/a.txt', 'next')
    server.putFile('www/cut.ftps-deploy-prev/a.txt', 'prev')
    const cut = recordingLog()
    await deploy(settingsOf(inputs), cut)
    expect(cut.warnings).toContain(
      '/www/cut is missing, with both /www/cut.ftps-deploy-next and /www/cut.ftps-deploy-prev beside it: an earlier switch was cut between its two renames. ' +
        'Would put /www/cut.ftps-deploy-prev back as /www/cut (/www/cut.ftps-deploy-next stays the spare copy)'
    )
    expect(
      readdirSync(join(server.root, 'www'))
        .filter(n => n.startsWith('cut'))
        .sort()
    ).toEqual(['cut.ftps-deploy-next', 'cut.ftps-deploy-prev'])
    // Only the previous release there: it would become the spare copy.
    rmSync(join(server.root, 'www/cut.ftps-deploy-next'), { recursive: true })
    const prev = recordingLog()
    await deploy(settingsOf(inputs), prev)
    expect(prev.lines).toContain(
      'info: Would make the previous release /www/cut.ftps-deploy-prev the spare copy /www/cut.ftps-deploy-next, brought up to date by the run'
    )
    expect(readdirSync(join(server.root, 'www')).filter(n => n.startsWith('cut'))).toEqual(['cut.ftps-deploy-prev'])
  })

  maybe('remote-dir as the login directory is refused before any change', async () => {
    const server = serverOf()
    const inputs = serverInputs(server, { 'local-dir': makeTree({ 'a.txt': 'a' }), cutover: 'swap', lock: 'false' })
    await expect(deploy(settingsOf(inputs), recordingLog())).rejects.toThrow(
      /^cutover: swap renames remote-dir, and \/ is the login directory \(a chroot's root cannot be renamed\)/
    )
  })
})

describe('cutover: swap on a server that renames nothing (pure-ftpd -G)', () => {
  const { server: serverOf, maybe } = serverForBlock('pure-ftpd', { extraConfig: ['-G'] })

  maybe('fails before any upload, naming the refusal', async () => {
    const server = serverOf()
    const log = recordingLog()
    const inputs = serverInputs(server, {
      'local-dir': makeTree({ 'a.txt': 'a' }),
      'remote-dir': 'site',
      cutover: 'swap'
    })
    await expect(deploy(settingsOf(inputs), log)).rejects.toThrow(
      /^cutover: swap needs a server that renames directories, and this one refused \(Could not rename \S+ to \S+: 5\d\d [^)]*\); nothing was uploaded/
    )
    expect(sent(log, 'STOR').filter(c => !c.includes('.ftps-deploy.lock'))).toEqual([])
    expect(readdirSync(server.root).sort()).toEqual([])
  })
})
