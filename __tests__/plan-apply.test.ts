/**
 * The plan and what is done, against every server: a dry run shows every remote change the
 * real run then makes; hostile manifests, the manifest's backup, other runs' temporaries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { Step, stepText } from '../src/core/plan-text.js'
import { TempNamer } from '../src/core/temp-name.js'
import {
  EXPLICIT_SERVERS,
  FtpServer,
  PYFTPDLIB_SERVERS,
  serverMissing,
  ServerKind,
  startServer
} from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** Every file under dir with its bytes (base64), and every directory. */
function picture(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) Object.assign(out, { [rel + '/']: 'dir' }, picture(join(dir, entry.name), rel))
    else out[rel] = readFileSync(join(dir, entry.name)).toString('base64')
  }
  return out
}

const key = (s: Step): string => `${s.kind} ${s.path}`.trim()
const keys = (steps: Step[]): string[] => steps.map(key).sort()

describe.each([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS])('%s', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })
  const inputs = (extra: InputValues): InputValues => serverInputs(server, { timeout: '10', ...extra })

  maybe('a dry run with delete shows every step, and the real run that follows does exactly those', async () => {
    const v1 = makeTree({ 'index.html': 'v1', 'keep.txt': 'k', 'old/gone.txt': 'g', 'old/sub/gone2.txt': 'g2' })
    await deploy(settingsOf(inputs({ 'local-dir': v1, 'remote-dir': 'plan' })), recordingLog())
    // A leftover of an older version's interrupted run, and another run's made just now: with
    // the deploy lock no other run can be uploading, so both are a dead run's (issue 21, item 6).
    server.putFile('plan/.ftps-deploy.index.html.1a2b3c4d-3.tmp', 'partial')
    const killed = basename(new TempNamer('99999999').pathFor('/plan/keep.txt'))
    server.putFile(`plan/${killed}`, 'in flight')
    const v2 = makeTree({ 'index.html': 'v2!', 'keep.txt': 'k', 'assets/app.1.js': 'js', 'assets/img/a.png': 'png' })
    const before = picture(join(server.root, 'plan'))

    const log = recordingLog()
    const dry = await deploy(
      settingsOf(inputs({ 'local-dir': v2, 'remote-dir': 'plan', delete: 'true', 'dry-run': 'true' })),
      log
    )
    expect(picture(join(server.root, 'plan'))).toEqual(before)
    expect(keys(dry.planned)).toEqual(
      [
        'take lock .ftps-deploy.lock',
        'remove leftover .ftps-deploy.index.html.1a2b3c4d-3.tmp',
        `remove leftover ${killed}`,
        'create directory assets',
        'create directory assets/img',
        'write manifest',
        'upload assets/app.1.js',
        'upload assets/img/a.png',
        'replace index.html',
        'delete old/gone.txt',
        'delete old/sub/gone2.txt',
        'remove directory old/sub',
        'remove directory old',
        'write manifest',
        'release lock .ftps-deploy.lock'
      ].sort()
    )
    // The dry run's log names every one of them.
    for (const step of dry.planned) expect(log.lines).toContain(`info: ${stepText(step, 'planned')}`)
    expect(log.lines.filter(l => l.startsWith('info: would ')).length).toBe(dry.planned.length)
    // Without the lock the age rule stays: another run's temporary a minute old may be in flight.
    const unlocked = await deploy(
      settingsOf(inputs({ 'local-dir': v2, 'remote-dir': 'plan', delete: 'true', 'dry-run': 'true', lock: 'false' })),
      recordingLog()
    )
    expect(keys(unlocked.planned).filter(k => k.startsWith('remove leftover'))).toEqual([
      'remove leftover .ftps-deploy.index.html.1a2b3c4d-3.tmp'
    ])

    const real = await deploy(
      settingsOf(inputs({ 'local-dir': v2, 'remote-dir': 'plan', delete: 'true' })),
      recordingLog()
    )
    expect(keys(real.applied)).toEqual(keys(dry.planned))
    expect(real.uploaded).toEqual(dry.uploaded)
    expect(real.deleted).toEqual(dry.deleted)
    const after = picture(join(server.root, 'plan'))
    expect(Object.keys(after).sort()).toEqual(
      ['assets/', 'assets/img/', 'assets/app.1.js', 'assets/img/a.png', 'index.html', 'keep.txt', MANIFEST].sort()
    )
    expect(Buffer.from(after['index.html'], 'base64').toString()).toBe('v2!')
    // New files went before the replacement.
    const order = real.applied.filter(s => s.kind === 'upload' || s.kind === 'replace').map(s => s.kind)
    expect(order).toEqual(['upload', 'upload', 'replace'])
  })

  maybe('to a remote-dir that does not exist yet: the dry run plans its creation, the real run does it', async () => {
    const local = makeTree({ 'a/b.txt': 'b', 'c.txt': 'c' })
    const values = inputs({ 'local-dir': local, 'remote-dir': 'fresh/deep', 'dir-mode': '750' })
    const dry = await deploy(settingsOf({ ...values, 'dry-run': 'true' }), recordingLog())
    expect(existsSync(join(server.root, 'fresh'))).toBe(false)
    const real = await deploy(settingsOf(values), recordingLog())
    expect(keys(real.applied)).toEqual(keys(dry.planned))
    expect(keys(dry.planned)).toContain('create root directory /fresh/deep')
  })

  maybe(
    'a manifest with an absolute entry: a warning naming it, no hang, the file outside untouched',
    async () => {
      server.putFile('victim-top.txt', 'not yours')
      server.putFile(
        `hostile/${MANIFEST}`,
        JSON.stringify({
          format: 'ftps-deploy-manifest',
          version: 1,
          files: { '/victim-top.txt': { sha256: 'a'.repeat(64), size: 9 } },
          dirs: ['/']
        })
      )
      const log = recordingLog()
      const local = makeTree({ 'a.txt': 'a' })
      const result = await deploy(
        settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'hostile', delete: 'true' })),
        log
      )
      expect(result.uploaded).toEqual(['a.txt'])
      expect(result.deleted).toEqual([])
      expect(log.warnings.join('\n')).toContain('"/victim-top.txt" (it is absolute)')
      expect(readFileSync(join(server.root, 'victim-top.txt'), 'utf8')).toBe('not yours')
    },
    20_000
  )

  maybe(
    'a run killed between moving the manifest aside and renaming the new one: the next reads the backup',
    async () => {
      const local = makeTree({ 'a.txt': 'aaa', 'b.txt': 'bbb' })
      await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'backup' })), recordingLog())
      // What the kill leaves on a server without rename-over: the old manifest under the backup
      // name, the new one still a temporary.
      const dir = join(server.root, 'backup')
      const manifest = readFileSync(join(dir, MANIFEST))
      server.putFile(`backup/${MANIFEST}.previous`, manifest)
      server.putFile(`backup/.ftps-deploy.${MANIFEST}.1a2b3c4d-9.tmp`, manifest)
      const { rmSync } = await import('node:fs')
      rmSync(join(dir, MANIFEST))
      const log = recordingLog()
      const again = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'backup' })), log)
      expect(again.uploaded).toEqual([])
      expect(again.filesSkipped).toBe(2)
      expect(log.warnings.join('\n')).toMatch(
        /Using the manifest's backup \/\S*backup\/\.ftps-deploy-manifest\.json\.previous/
      )
      // The manifest is back in place, its backup and the dead run's temporary gone.
      expect(Object.keys(picture(dir)).sort()).toEqual([MANIFEST, 'a.txt', 'b.txt'])
      expect(readFileSync(join(dir, MANIFEST)).equals(manifest)).toBe(true)
    }
  )
})
