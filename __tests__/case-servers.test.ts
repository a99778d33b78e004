/**
 * Names that differ in letter case alone, on a server that folds case (windows-like: IIS's
 * rules) and on one that does not (vsftpd): what ends up on disk, name by name and byte by byte.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { DeployDeps } from '../src/deploy.js'
import { DeployError } from '../src/core/errors.js'
import { openSession, RemoteSession } from '../src/ftp/index.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { emptyManifest, parseManifest, serializeManifest } from '../src/core/manifest.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** Every file under dir with its bytes as text. */
function disk(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) Object.assign(out, disk(join(dir, entry.name), rel))
    else if (rel !== MANIFEST) out[rel] = readFileSync(join(dir, entry.name), 'latin1')
  }
  return out
}

const manifestPaths = (dir: string): string[] =>
  [...parseManifest(readFileSync(join(dir, MANIFEST), 'utf8')).manifest.files.keys()].sort()

describe.each<[ServerKind, boolean]>([
  ['windows-like', true],
  ['vsftpd', false]
])('%s (folds case: %s)', (kind, folds) => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })
  const inputs = (extra: InputValues): InputValues => serverInputs(server, { timeout: '10', ...extra })

  maybe('a case-only rename with delete: the new name with the new bytes, and nothing else', async () => {
    const v1 = makeTree({ 'Logo.PNG': 'old logo', 'index.html': 'v1', 'Assets/App.js': 'old js' })
    await deploy(settingsOf(inputs({ 'local-dir': v1, 'remote-dir': 'rename' })), recordingLog())
    const v2 = makeTree({ 'logo.png': 'new logo!', 'index.html': 'v1', 'Assets/app.js': 'new js!' })
    const settings = (extra: InputValues) =>
      settingsOf(inputs({ 'local-dir': v2, 'remote-dir': 'rename', delete: 'true', ...extra }))
    const dryLog = recordingLog()
    const dry = await deploy(settings({ 'dry-run': 'true' }), dryLog)
    const log = recordingLog()
    const real = await deploy(settings({}), log)
    const dir = join(server.root, 'rename')
    expect(disk(dir)).toEqual({ 'logo.png': 'new logo!', 'index.html': 'v1', 'Assets/app.js': 'new js!' })
    expect(manifestPaths(dir)).toEqual(['Assets/app.js', 'index.html', 'logo.png'])
    // The dry run showed exactly what the real run did.
    expect(dry.planned).toEqual(real.planned)
    expect(real.deleted).toEqual(folds ? [] : ['Assets/App.js', 'Logo.PNG'])
    expect(real.planned.map(s => `${s.kind} ${s.path}`)).toEqual(
      expect.arrayContaining(
        folds ? ['replace logo.png', 'replace Assets/app.js'] : ['upload logo.png', 'delete Logo.PNG']
      )
    )
    expect(log.text()).toContain(folds ? 'the server folds case (SIZE' : 'the server tells case apart (SIZE')
    // Stable: the next run has nothing to do.
    const again = await deploy(settings({}), recordingLog())
    expect([again.uploaded, again.deleted, again.filesSkipped]).toEqual([[], [], 3])
    expect(disk(dir)).toEqual({ 'logo.png': 'new logo!', 'index.html': 'v1', 'Assets/app.js': 'new js!' })
  })

  maybe('in place (atomic: false), a case-only rename also leaves the new name alone', async () => {
    const settings = (local: string) =>
      settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'in-place', delete: 'true', atomic: 'false' }))
    await deploy(settings(makeTree({ 'Logo.PNG': 'old logo', 'index.html': 'v1' })), recordingLog())
    await deploy(settings(makeTree({ 'logo.png': 'new logo!', 'index.html': 'v1' })), recordingLog())
    const dir = join(server.root, 'in-place')
    expect(disk(dir)).toEqual({ 'logo.png': 'new logo!', 'index.html': 'v1' })
    expect(manifestPaths(dir)).toEqual(['index.html', 'logo.png'])
  })

  maybe(
    'local files that differ in case alone: a warning where the server folds case, two files elsewhere',
    async () => {
      server.putFile('clash/other.txt', 'there already')
      const log = recordingLog()
      const local = makeTree({ 'a.txt': 'lower', 'A.txt': 'UPPER' })
      await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'clash' })), log)
      const names = Object.keys(disk(join(server.root, 'clash'))).sort()
      if (folds) {
        expect(log.warnings).toContain(
          '1 group(s) of local files differ in letter case alone (A.txt and a.txt): this server folds case, each group is one file there and the last upload wins'
        )
        expect(names.filter(n => n.toLowerCase() === 'a.txt')).toHaveLength(1)
      } else {
        expect(log.warnings).toEqual([])
        expect(names).toEqual(['A.txt', 'a.txt', 'other.txt'])
      }
    }
  )

  maybe('a file skipped as unchanged is never lost to a delete of its other spelling', async () => {
    // A manifest that lists the file twice, as an older run on a case-folding server could leave.
    const manifest = emptyManifest()
    const sha256 = createHash('sha256').update('same').digest('hex')
    const local = makeTree({ 'a.txt': 'same' })
    manifest.files.set('a.txt', { sha256, size: 4 })
    manifest.files.set('A.TXT', { sha256, size: 4 })
    server.putFile('alias/a.txt', 'same')
    if (!folds) server.putFile('alias/A.TXT', 'same')
    server.putFile(`alias/${MANIFEST}`, serializeManifest(manifest))
    const result = await deploy(
      settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'alias', delete: 'true' })),
      recordingLog()
    )
    expect(result.filesSkipped).toBe(1)
    expect(result.deleted).toEqual(folds ? [] : ['A.TXT'])
    expect(disk(join(server.root, 'alias'))).toEqual({ 'a.txt': 'same' })
    expect(manifestPaths(join(server.root, 'alias'))).toEqual(['a.txt'])
  })
})

describe('windows-like: the manifest when the server forces moving it aside before the rename', () => {
  const kind: ServerKind = 'windows-like'
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'a run that dies right after the old manifest is moved aside leaves a manifest the next run reads',
    async () => {
      const inputs = (local: string): InputValues =>
        // No lock: a killed run leaves its lock to go stale, which is the lock's own test.
        serverInputs(server, { timeout: '10', 'local-dir': local, 'remote-dir': 'killed', lock: 'false' })
      const v1 = makeTree({ 'a.txt': 'aaa', 'b.txt': 'bbb' })
      await deploy(settingsOf(inputs(v1)), recordingLog())
      const dir = join(server.root, 'killed')
      const old = readFileSync(join(dir, MANIFEST), 'utf8')
      // Dead from the moment RNFR/RNTO moved the manifest to its backup: nothing more reaches the server.
      let dead = false
      let moved = 0
      const dying = (session: RemoteSession): RemoteSession => {
        const gone = (): never => {
          throw new DeployError('killed', { transient: false })
        }
        return new Proxy(session, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown
            if (typeof value !== 'function' || prop === 'close') return value
            return async (...args: unknown[]) => {
              if (dead) gone()
              const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown
              if (prop === 'rename' && String(args[1]).endsWith(`${MANIFEST}.previous`)) {
                moved++
                dead = true
              }
              return result
            }
          }
        })
      }
      const deps: DeployDeps = {
        openSession: async (s, l) => dying(await openSession(s, l)),
        listLocalFiles,
        now: () => Date.now()
      }
      const v2 = makeTree({ 'a.txt': 'aaa', 'b.txt': 'BBB2', 'c.txt': 'ccc' })
      await expect(deploy(settingsOf(inputs(v2)), recordingLog(), deps)).rejects.toThrow()
      expect(moved).toBe(1)
      // What the kill left: no manifest, its backup (the old one, whole), the new one a temporary.
      expect(existsSync(join(dir, MANIFEST))).toBe(false)
      expect(readFileSync(join(dir, `${MANIFEST}.previous`), 'utf8')).toBe(old)
      const log = recordingLog()
      const again = await deploy(settingsOf(inputs(v2)), log)
      expect(log.warnings.join('\n')).toMatch(
        /Using the manifest's backup \S*killed\/\.ftps-deploy-manifest\.json\.previous/
      )
      expect(again.filesSkipped + again.uploaded.length).toBe(3)
      // The dead run's temporaries are young: left alone, as another run's in flight would be (its
      // manifest's, and under cutover: end its uploads' too, which go on while that is written).
      expect(log.text()).toMatch(
        /Left alone: [1-3] temporary file\(s\) of another run that may still be uploading \([^)]*\.ftps-deploy\.\.ftps-deploy-manifest\.json\./
      )
      expect(
        readdirSync(dir)
          .filter(name => !TEMP_NAME.test(name))
          .sort()
      ).toEqual([MANIFEST, 'a.txt', 'b.txt', 'c.txt'])
      for (const [name, bytes] of Object.entries({ 'a.txt': 'aaa', 'b.txt': 'BBB2', 'c.txt': 'ccc' }))
        expect([name, readFileSync(join(dir, name), 'utf8')]).toEqual([name, bytes])
      expect(manifestPaths(dir)).toEqual(['a.txt', 'b.txt', 'c.txt'])
    }
  )
})
