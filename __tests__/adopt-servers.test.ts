/**
 * Adopting a site already deployed (issue 14), against real servers: a site put on the server's
 * disk by hand, with no manifest. ProFTPD with mod_digest answers HASH; vsftpd and pure-ftpd offer no hash
 * command. What is uploaded is read from the server's own log and its disk.
 */
import { Client } from 'basic-ftp'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { DeployResult } from '../src/core/result.js'
import { HASH_PREFERENCE, ServerHasher, withoutHash } from '../src/ftp/server-hash.js'
import { PROFTPD_DIGEST } from './harness/proftpd.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** The site as built here. */
const local: Record<string, string> = {
  'index.html': '<!doctype html><title>site</title>\n',
  'assets/app.js': 'console.log("app")\n',
  'assets/with space.css': 'body { color: red }\n',
  'empty.txt': '',
  'same-size.txt': 'version B\n',
  'resized.txt': 'a longer version\n',
  'new.txt': 'not on the server yet\n'
}
/** The site as deployed by hand earlier: one file edited at the same size, one at another size, one missing. */
const onServer: Record<string, string> = {
  'index.html': local['index.html'],
  'assets/app.js': local['assets/app.js'],
  'assets/with space.css': local['assets/with space.css'],
  'empty.txt': '',
  'same-size.txt': 'version A\n',
  'resized.txt': 'short\n',
  'other.txt': 'never deployed by this tool, left alone\n'
}
const ALL = Object.keys(local).sort()
const CHANGED = ['new.txt', 'resized.txt', 'same-size.txt']
const localDir = makeTree(local)

function seed(server: FtpServer, dir: string): void {
  for (const [path, content] of Object.entries(onServer)) server.putFile(`${dir}/${path}`, content)
}

/** Whatever the mode, the server ends up holding the local files, and the next run uploads nothing. */
async function expectSettled(server: FtpServer, inputs: InputValues, dir: string): Promise<void> {
  for (const path of ALL) {
    if (path === 'same-size.txt' && inputs.adopt === 'size') continue
    expect(readFileSync(join(server.root, dir, path), 'utf8')).toBe(local[path])
  }
  const again = await deploy(settingsOf(inputs), recordingLog())
  expect(again.uploaded).toEqual([])
  expect(again.filesSkipped).toBe(ALL.length)
  expect(again.adopted).toEqual([])
}

describe.each<[ServerKind, string[]]>([
  ['proftpd', PROFTPD_DIGEST],
  ['vsftpd', []],
  ['pure-ftpd', []]
])('%s', (kind, extraConfig) => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig })
  })
  afterAll(async () => {
    await server?.stop()
  })
  const inputs = (dir: string, extra: InputValues): InputValues =>
    serverInputs(server, { timeout: '10', 'local-dir': localDir, 'remote-dir': dir, ...extra })
  const commands = (): string[] =>
    readFileSync(server.logFile, 'utf8')
      .split('\n')
      .filter(line => line !== '')

  const run = async (dir: string, extra: InputValues): Promise<{ result: DeployResult; warnings: string[] }> => {
    seed(server, dir)
    const log = recordingLog()
    const result = await deploy(settingsOf(inputs(dir, extra)), log)
    return { result, warnings: log.warnings }
  }

  const hashing = kind === 'proftpd'
  maybe(
    `adopt: auto ${hashing ? 'compares the server’s HASH and uploads only what differs' : 'uploads everything (no hash command)'}`,
    async () => {
      const before = commands().length
      const { result } = await run('auto', {})
      const adopted = ALL.filter(p => !CHANGED.includes(p))
      if (hashing) {
        expect(result.uploaded).toEqual(CHANGED)
        expect(result.adopted).toEqual(adopted)
        expect(result.filesSkipped).toBe(adopted.length)
        const log = commands().slice(before)
        for (const path of adopted.filter(p => p !== 'empty.txt')) {
          expect(log.some(l => l.includes(`"HASH /auto/${path}"`))).toBe(true)
          expect(log.some(l => l.includes('STOR') && l.includes(path.split('/').pop()!))).toBe(false)
        }
        // ProFTPD logs OPTS HASH as OPTS_HASH with its reply code.
        expect(log.some(l => l.includes('"OPTS_HASH SHA-256" 200'))).toBe(true)
      } else {
        expect(result.uploaded).toEqual(ALL)
        expect(result.adopted).toEqual([])
      }
      await expectSettled(server, inputs('auto', {}), 'auto')
    }
  )

  maybe('adopt: download downloads the candidates and uploads only what differs', async () => {
    const { result } = await run('download', { adopt: 'download' })
    expect(result.uploaded).toEqual(CHANGED)
    expect(result.adopted).toEqual(ALL.filter(p => !CHANGED.includes(p)))
    await expectSettled(server, inputs('download', { adopt: 'download' }), 'download')
  })

  maybe('adopt: size trusts an equal size, with one warning', async () => {
    const { result, warnings } = await run('size', { adopt: 'size' })
    expect(result.uploaded).toEqual(['new.txt', 'resized.txt'])
    expect(result.adopted).toEqual(ALL.filter(p => !['new.txt', 'resized.txt'].includes(p)))
    expect(warnings.filter(w => w.startsWith('adopt: size:'))).toHaveLength(1)
    // The edit that kept its size is missed, as the warning says.
    expect(readFileSync(join(server.root, 'size', 'same-size.txt'), 'utf8')).toBe('version A\n')
    await expectSettled(server, inputs('size', { adopt: 'size' }), 'size')
  })

  maybe('adopt: none uploads every file', async () => {
    const { result } = await run('none', { adopt: 'none' })
    expect(result.uploaded).toEqual(ALL)
    expect(result.adopted).toEqual([])
    await expectSettled(server, inputs('none', { adopt: 'none' }), 'none')
  })

  maybe('a dry run reports what it would adopt and upload, and changes nothing', async () => {
    const { result } = await run('dry', { 'dry-run': 'true' })
    expect(result.uploaded).toEqual(hashing ? CHANGED : ALL)
    expect(result.planned.filter(s => s.kind === 'adopt').map(s => s.path)).toEqual(result.adopted)
    expect(readFileSync(join(server.root, 'dry', 'same-size.txt'), 'utf8')).toBe('version A\n')
    const real = await deploy(settingsOf(inputs('dry', {})), recordingLog())
    expect(real.uploaded).toEqual(result.uploaded)
    expect(real.adopted).toEqual(result.adopted)
    expect(real.applied.filter(s => s.kind === 'adopt')).toEqual(result.planned.filter(s => s.kind === 'adopt'))
  })

  maybe(
    `verify: hash ${hashing ? 'checks every upload with HASH before the rename' : 'warns once and checks sizes'}`,
    async () => {
      const before = commands().length
      const { result, warnings } = await run('verify', { verify: 'hash', adopt: 'none' })
      expect(result.uploaded).toEqual(ALL)
      const hashWarnings = warnings.filter(w => w.startsWith('verify: hash:'))
      if (hashing) {
        expect(hashWarnings).toEqual([])
        const log = commands().slice(before)
        // On the temporary, before the rename (atomic).
        expect(log.filter(l => /"HASH \/verify\/.*\.ftps-deploy\..*\.tmp" 213/.test(l)).length).toBe(ALL.length - 1)
      } else {
        expect(hashWarnings).toHaveLength(1)
      }
    }
  )

  maybe('verify: hash with atomic: false checks the file in place', async () => {
    const before = commands().length
    const { result, warnings } = await run('in-place', { verify: 'hash', adopt: 'none', atomic: 'false' })
    expect(result.uploaded).toEqual(ALL)
    expect(warnings.filter(w => w.startsWith('verify: hash:'))).toHaveLength(hashing ? 0 : 1)
    if (hashing) {
      const log = commands().slice(before)
      expect(log.some(l => l.includes('"HASH /in-place/index.html" 213'))).toBe(true)
      expect(log.some(l => /"HASH .*\.tmp"/.test(l))).toBe(false)
    }
  })
})

describe('ProFTPD mod_digest, command by command', () => {
  const maybe = skipped('proftpd') ? test.skip : test
  maybe('HASH after OPTS HASH, and every X command, give the digest of the bytes on disk', async () => {
    const server = await startServer('proftpd', { extraConfig: PROFTPD_DIGEST })
    const client = new Client(10_000)
    try {
      const data = Buffer.from('hash me, with a space in my name\n')
      server.putFile('d/a file.txt', data)
      server.putFile('d/plain.txt', data)
      await client.access({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        secure: true,
        secureOptions: { ca: readFileSync(server.pki.caCertPath) }
      })
      const features = await client.features()
      const hasher = (f: Map<string, string>): ServerHasher =>
        new ServerHasher(
          command => client.send(command),
          f,
          () => undefined
        )
      const viaHash = hasher(features)
      expect(await viaHash.hash('/d/a file.txt', data.length)).toEqual({
        algorithm: 'sha256',
        hex: createHash('sha256').update(data).digest('hex'),
        verb: 'HASH'
      })
      // Without HASH: the X commands, strongest first; each algorithm on its own.
      const rest = withoutHash(features)
      for (const algorithm of HASH_PREFERENCE) {
        const x = hasher(rest)
        expect(x.algorithm).toBe(algorithm)
        expect(await x.hash('/d/plain.txt')).toMatchObject({
          algorithm,
          hex: createHash(algorithm).update(data).digest('hex')
        })
        // mod_digest splits an X command's argument at spaces: not asked.
        expect(await x.hash('/d/a file.txt')).toBeUndefined()
        rest.delete(`X${algorithm.toUpperCase()}`)
      }
      // A missing file is a refusal (550), not a failure.
      expect(await viaHash.hash('/d/missing.txt')).toBeUndefined()
      // An empty file: HASH answers (range 0-0); an X command refuses the empty range (501).
      server.putFile('d/empty.txt', '')
      expect((await viaHash.hash('/d/empty.txt', 0))?.hex).toBe(createHash('sha256').digest('hex'))
      expect(await hasher(withoutHash(features)).hash('/d/empty.txt')).toBeUndefined()
      await expect(client.send('XSHA256 /d/empty.txt')).rejects.toThrow(/^501 /)
    } finally {
      client.close()
      await server.stop()
    }
  })
})
