/**
 * Incremental sync against real servers: the manifest decides, the listing cross-checks, a
 * killed deploy resumes, delete removes only what the manifest listed, a dry run changes nothing.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { DeployResult } from '../src/core/result.js'
import { openSession } from '../src/ftp/index.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import {
  EXPLICIT_SERVERS,
  FtpServer,
  LIMITED_SERVERS,
  PYFTPDLIB_SERVERS,
  serverMissing,
  ServerKind,
  startServer
} from './harness/servers.js'
import { InputValues, makeTree, recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'
import { runCliDeploy } from './support/cli-process.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** path -> bytes of every file under dir (a byte-for-byte picture of the server's tree). */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) {
      out.set(rel + '/', 'dir')
      for (const [k, v] of snapshot(join(dir, entry.name), rel)) out.set(k, v)
    } else out.set(rel, readFileSync(join(dir, entry.name)).toString('base64'))
  }
  return out
}

describe.each<ServerKind>([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS, ...LIMITED_SERVERS])('%s', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })

  const run = async (
    localDir: string,
    remoteDir: string,
    extra: InputValues = {},
    log: RecordingLog = recordingLog()
  ): Promise<DeployResult> =>
    deploy(settingsOf(serverInputs(server, { 'local-dir': localDir, 'remote-dir': remoteDir, ...extra })), log)

  maybe('a second run uploads nothing; a changed file alone goes; a hand-deleted file comes back', async () => {
    const local = makeTree({ 'index.html': 'v1', 'a/one.js': 'one', 'a/b/two.css': 'two', 'empty.txt': '' })
    const first = await run(local, 'inc')
    expect(first.uploaded).toHaveLength(4)

    const second = await run(local, 'inc')
    expect([second.uploaded, second.filesSkipped, second.bytesUploaded]).toEqual([[], 4, 0])

    writeFileSync(join(local, 'a/one.js'), 'one, changed')
    const third = await run(local, 'inc')
    expect([third.uploaded, third.filesSkipped]).toEqual([['a/one.js'], 3])
    expect(readFileSync(join(server.root, 'inc/a/one.js'), 'utf8')).toBe('one, changed')

    rmSync(join(server.root, 'inc/a/b/two.css'))
    server.putFile('inc/index.html', 'changed by hand, other size')
    const log = recordingLog()
    const fourth = await run(local, 'inc', {}, log)
    expect(fourth.uploaded).toEqual(['a/b/two.css', 'index.html'])
    expect(readFileSync(join(server.root, 'inc/a/b/two.css'), 'utf8')).toBe('two')
    expect(readFileSync(join(server.root, 'inc/index.html'), 'utf8')).toBe('v1')
    expect(log.text()).toContain('a/b/two.css: listed in the manifest but missing or changed on the server')
  })

  maybe('sync all uploads every file and rewrites the manifest', async () => {
    const local = makeTree({ 'x.txt': 'x', 'y/z.txt': 'z' })
    await run(local, 'all')
    const again = await run(local, 'all', { sync: 'all' })
    expect([again.uploaded, again.filesSkipped]).toEqual([['x.txt', 'y/z.txt'], 0])
    const manifest = JSON.parse(readFileSync(join(server.root, 'all', MANIFEST), 'utf8')) as {
      files: Record<string, unknown>
    }
    expect(Object.keys(manifest.files).sort()).toEqual(['x.txt', 'y/z.txt'])
  })

  maybe('delete removes exactly the stale files and the directories it created, nothing else', async () => {
    const local = makeTree({
      'keep.txt': 'k',
      'old/gone.txt': 'g',
      'old/deeper/gone2.txt': 'g2',
      'mixed/gone3.txt': 'g3'
    })
    await run(local, 'del')
    server.putFile('del/foreign.txt', 'never deployed by us')
    server.putFile('del/mixed/foreign.txt', 'not ours either')
    rmSync(join(local, 'old'), { recursive: true })
    rmSync(join(local, 'mixed'), { recursive: true })

    const noDelete = await run(local, 'del')
    expect(noDelete.deleted).toEqual([])
    expect(existsSync(join(server.root, 'del/old/gone.txt'))).toBe(true)

    const result = await run(local, 'del', { delete: 'true' })
    expect(result.deleted).toEqual(['mixed/gone3.txt', 'old/deeper/gone2.txt', 'old/gone.txt'])
    expect([...snapshot(join(server.root, 'del')).keys()].sort()).toEqual(
      [MANIFEST, 'foreign.txt', 'keep.txt', 'mixed/', 'mixed/foreign.txt'].sort()
    )
  })

  maybe('a dry run leaves the server byte-identical and reports the plan', async () => {
    const local = makeTree({ 'a.txt': 'a', 'b/c.txt': 'c', 'd.txt': 'd' })
    await run(local, 'dry')
    writeFileSync(join(local, 'a.txt'), 'a, changed')
    writeFileSync(join(local, 'new.txt'), 'new')
    rmSync(join(local, 'd.txt'))
    const before = snapshot(server.root)
    const result = await run(local, 'dry', { 'dry-run': 'true', delete: 'true' })
    const result2 = await run(local, 'fresh-dry', { 'dry-run': 'true' })
    expect(snapshot(server.root)).toEqual(before)
    expect([result.dryRun, result.uploaded, result.filesSkipped, result.deleted]).toEqual([
      true,
      ['a.txt', 'new.txt'],
      1,
      ['d.txt']
    ])
    expect(result.bytesUploaded).toBe('a, changed'.length + 'new'.length)
    expect(result2.uploaded).toEqual(['a.txt', 'b/c.txt', 'new.txt'])
    expect(existsSync(join(server.root, 'fresh-dry'))).toBe(false)
  })

  maybe('a corrupt manifest is reported and treated as absent', async () => {
    const local = makeTree({ 'one.txt': '1', 'two.txt': '2' })
    await run(local, 'corrupt')
    server.putFile(`corrupt/${MANIFEST}`, '{"format": "ftps-deploy-manifest", "version": 1, "files": [oops')
    const log = recordingLog()
    const result = await run(local, 'corrupt', {}, log)
    expect(log.warnings.join('\n')).toMatch(
      /The manifest \/\S*corrupt\/\.ftps-deploy-manifest\.json is corrupt \(not JSON/
    )
    expect(result.uploaded).toEqual(['one.txt', 'two.txt'])
    expect(JSON.parse(readFileSync(join(server.root, 'corrupt', MANIFEST), 'utf8'))).toMatchObject({ version: 1 })
  })

  maybe('a deploy killed midway resumes with only the files it had not recorded', async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`d${i % 10}/f${i}.bin`, randomBytes(2048)]))
    const local = makeTree(files)
    let uploaded = 0
    // Without the lock: a SIGKILLed holder's lock makes the next run wait a minute (lock-servers.test.ts).
    // cutover file: files go live, and are recorded, as they are checked (resume-servers covers end).
    const killed = await runCliDeploy(
      serverInputs(server, { 'local-dir': local, 'remote-dir': 'killed', lock: 'false', cutover: 'file' }),
      {
        password: server.password,
        onLine: (line, child) => {
          // Well past the first manifest write (every 50 files), well before the end.
          if (line.startsWith('uploaded ') && ++uploaded === 160) child.kill('SIGKILL')
        }
      }
    )
    expect(killed.signal).toBe('SIGKILL')
    // Where renames cannot replace a file (windows-like), a kill between moving the old manifest
    // aside and moving the new one in leaves only the backup: the next run reads that one.
    const manifestOnDisk = [MANIFEST, `${MANIFEST}.previous`]
      .map(name => join(server.root, 'killed', name))
      .find(path => existsSync(path))!
    const recorded = Object.keys(
      (JSON.parse(readFileSync(manifestOnDisk, 'utf8')) as { files: Record<string, unknown> }).files
    )
    // At least the first write (after 50 files) is on the server; later ones may still be in flight.
    expect(recorded.length).toBeGreaterThanOrEqual(50)
    expect(recorded.length).toBeLessThan(400)
    for (const path of recorded) expect(statSync(join(server.root, 'killed', path)).size).toBe(2048)

    const resumed = await run(local, 'killed')
    expect(resumed.filesSkipped).toBe(recorded.length)
    expect(resumed.uploaded.length).toBe(400 - recorded.length)
    for (const [path, data] of Object.entries(files)) {
      expect(readFileSync(join(server.root, 'killed', path)).equals(data)).toBe(true)
    }
    // The killed run's temporaries are young: another run might still be uploading to them, so
    // the resumed run leaves them; a run an hour later removes them, in every directory.
    const temps = (): string[] =>
      [...snapshot(join(server.root, 'killed')).keys()].filter(p => TEMP_NAME.test(basename(p)))
    const later = { openSession, listLocalFiles, now: () => Date.now() + 61 * 60 * 1000 }
    await deploy(
      settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': 'killed' })),
      recordingLog(),
      later
    )
    expect(temps()).toEqual([])
  })
})
