/**
 * The deploy against real servers in the modes real hosts run (explicit TLS and PROT P
 * required, session reuse required): what arrives on the server's disk, byte for byte.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { EntryType, RemoteEntry } from '../src/core/remote-session.js'
import { deploy } from '../src/deploy.js'
import { DeployError } from '../src/core/errors.js'
import { openSession } from '../src/ftp/index.js'
import { SessionPool } from '../src/session/pool.js'
import { poolLister, statOrListLister } from '../src/remote/remote-listing.js'
import {
  EXPLICIT_SERVERS,
  FtpServer,
  LIMITED_SERVERS,
  PYFTPDLIB_SERVERS,
  serverMissing,
  ServerKind,
  startServer
} from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const tree: Record<string, Buffer> = {
  'index.html': Buffer.from('<!doctype html><title>hi</title>\n'),
  'empty.txt': Buffer.alloc(0),
  'assets/js/app.min.js': randomBytes(70_000),
  'assets/img/logo.png': randomBytes(300_000),
  'big/blob.bin': randomBytes(24 * 1024 * 1024),
  'with space/file name.txt': Buffer.from('spaces\r\nand CRLF kept as is\r\n'),
  'ünïcödé/日本語.txt': Buffer.from('utf-8 names\n'),
  '.well-known/security.txt': Buffer.from('Contact: mailto:security@example.com\n')
}
const localDir = makeTree(tree)

/** Every regular file under dir, relative, with '/' separators. */
function filesOn(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    return entry.isDirectory() ? filesOn(join(dir, entry.name), rel) : [rel]
  })
}

const MANIFEST = '.ftps-deploy-manifest.json'
/** What each harness server negotiates with this client (OpenSSL 3 on both ends). */
const NEGOTIATED_TLS: Partial<Record<ServerKind, string>> = {
  vsftpd: 'TLSv1.3',
  'vsftpd-tls12': 'TLSv1.2',
  'pure-ftpd': 'TLSv1.3',
  proftpd: 'TLSv1.3',
  'vsftpd-limited': 'TLSv1.3',
  'pure-ftpd-limited': 'TLSv1.3',
  'proftpd-limited': 'TLSv1.3',
  pyftpdlib: 'TLSv1.3',
  'windows-like': 'TLSv1.3'
}
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

describe.each<ServerKind>([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS, ...LIMITED_SERVERS])('%s', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer

  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })

  const inputs = (extra: InputValues = {}): InputValues => serverInputs(server, { 'local-dir': localDir, ...extra })
  // pyftpdlib's STAT <dir> shows no '.' entry (so it cannot tell an empty directory from none)
  // and IIS's refuses: LIST or MLSD decides there, and then for the rest of the run.
  const statLists = !PYFTPDLIB_SERVERS.includes(kind)
  // IIS has no MLSD and takes LIST -a for a file named -a: the first listing costs two LISTs.
  const firstListing = kind === 'windows-like' ? 2 : 1

  maybe('a tree of nested, empty, binary, large, spaced and UTF-8 named files arrives byte-identical', async () => {
    const result = await deploy(settingsOf(inputs({ 'remote-dir': 'site/www', listing: 'recursive' })), recordingLog())
    const target = join(server.root, 'site', 'www')
    expect(filesOn(target).sort()).toEqual([MANIFEST, ...Object.keys(tree)].sort())
    for (const [path, content] of Object.entries(tree)) {
      expect([path, readFileSync(join(target, path)).equals(content)]).toEqual([path, true])
    }
    expect(result.uploaded.sort()).toEqual(Object.keys(tree).sort())
    expect(result.bytesUploaded).toBe(Object.values(tree).reduce((n, b) => n + b.length, 0))
    expect(result.fingerprint).toBe(server.pki.fingerprint)
    expect(result.tlsVersion).toBe(NEGOTIATED_TLS[kind])
    const listed = new Map(result.listing.map(e => [e.path, e]))
    expect(listed.get('big/blob.bin')).toMatchObject({ type: 'file', size: 24 * 1024 * 1024 })
    expect(listed.get('ünïcödé/日本語.txt')).toMatchObject({ type: 'file', size: tree['ünïcödé/日本語.txt'].length })
    expect(listed.get('with space')).toMatchObject({ type: 'dir' })
    expect(listed.get('empty.txt')).toMatchObject({ type: 'file', size: 0 })
    expect(listed.get('index.html')?.modifiedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
  })

  maybe('a second deploy over existing files replaces them', async () => {
    const changed = makeTree({ 'index.html': 'v2', 'with space/file name.txt': '' })
    await deploy(settingsOf(inputs({ 'remote-dir': 'site/www', 'local-dir': changed })), recordingLog())
    expect(readFileSync(join(server.root, 'site/www/index.html'), 'utf8')).toBe('v2')
    expect(statSync(join(server.root, 'site/www/with space/file name.txt')).size).toBe(0)
  })

  maybe('empty files arrive empty (sent before the data handshake ended, vsftpd never answered)', async () => {
    const empties = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`e${i}.json`, '']))
    const only = makeTree(empties)
    await deploy(settingsOf(inputs({ 'remote-dir': 'only-empty', 'local-dir': only, timeout: '5' })), recordingLog())
    expect(filesOn(join(server.root, 'only-empty')).sort()).toEqual([MANIFEST, ...Object.keys(empties)].sort())
    for (const name of Object.keys(empties)) expect(statSync(join(server.root, 'only-empty', name)).size).toBe(0)
  })

  async function failsWith(extra: InputValues, remoteDir: string): Promise<DeployError> {
    const log = recordingLog()
    const error = await deploy(settingsOf(inputs({ 'remote-dir': remoteDir, ...extra })), log).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeployError)
    expect(log.text()).not.toContain(server.password)
    expect(filesOn(join(server.root, remoteDir))).toEqual([])
    return error as DeployError
  }

  maybe('the checks list with STAT (no data connection) and see what LIST or MLSD shows', async () => {
    server.putFile('statcheck/.hidden', 'h')
    server.putFile('statcheck/a b.txt', 'xyz')
    server.putFile('statcheck/sub/x', '1')
    const log = recordingLog()
    const settings = settingsOf(inputs())
    const pool = new SessionPool(() => openSession(settings, log), { size: 1, retries: 0 }, log)
    // Directory sizes differ (MLSD on ProFTPD says 0) and the checks use file sizes only.
    const shape = (infos: RemoteEntry[] | undefined) =>
      (infos ?? []).map(i => (i.type === EntryType.Directory ? `dir ${i.name}` : `file ${i.name} ${i.size}`)).sort()
    try {
      const check = statOrListLister(pool)
      const viaCheck = shape(await check('/statcheck'))
      expect(viaCheck).toEqual(shape(await poolLister(pool)('/statcheck')))
      expect(viaCheck).toEqual(expect.arrayContaining(['file a b.txt 3', 'dir sub']))
      // vsftpd, pure-ftpd and ProFTPD list with STAT <dir>: the one listing on a data connection
      // is poolLister's. Elsewhere STAT is tried once, and the check lists on a data connection.
      expect(log.lines.filter(l => l === 'debug: > STAT /statcheck')).toHaveLength(1)
      expect(log.lines.filter(l => /^debug: > (MLSD|LIST)/.test(l))).toHaveLength(
        (statLists ? 1 : 2) + firstListing - 1
      )
      // Missing: 450 from ProFTPD, an empty status elsewhere, then LIST: nothing (vsftpd lists it empty).
      expect((await check('/no-such-dir')) ?? []).toEqual([])
      await check('/statcheck/sub')
      expect(log.lines.filter(l => l === 'debug: > STAT /statcheck/sub')).toHaveLength(statLists ? 1 : 0)
    } finally {
      pool.closeAll()
    }
  })

  maybe(
    'a directory too large for a STAT reply (64 KiB) is listed with LIST instead, and so is the rest',
    async () => {
      const names = Array.from({ length: 1500 }, (_, i) => `image-${String(i).padStart(4, '0')}.jpg`)
      for (const name of names) server.putFile(`bigdir/${name}`, 'x')
      server.putFile('after/one.txt', '1')
      const log = recordingLog()
      const settings = settingsOf(inputs())
      const pool = new SessionPool(() => openSession(settings, log), { size: 1, retries: 1 }, log)
      try {
        const check = statOrListLister(pool)
        const listed = (await check('/bigdir')) ?? []
        expect(
          listed
            .filter(i => i.type === EntryType.File)
            .map(i => i.name)
            .sort()
        ).toEqual(names)
        expect((await check('/after'))?.map(i => i.name)).toEqual(['one.txt'])
        // One STAT (cut off by the client's reply limit, or no STAT listing), then data connections only.
        expect(log.lines.filter(l => l.startsWith('debug: > STAT '))).toEqual(['debug: > STAT /bigdir'])
        expect(log.lines.filter(l => /^debug: > (MLSD|LIST)/.test(l))).toHaveLength(1 + firstListing)
      } finally {
        pool.closeAll()
      }
    },
    30_000
  )

  maybe('a file gone between listing and upload fails once, naming it, and leaves no temporary file', async () => {
    const gone = join(localDir, 'vanished.txt')
    const log = recordingLog()
    const deps = {
      openSession,
      now: () => Date.now(),
      listLocalFiles: async () => [{ localPath: gone, relPath: 'vanished.txt', size: 5 }]
    }
    const error = await deploy(settingsOf(inputs({ 'remote-dir': 'vanished' })), log, deps).then(
      () => undefined,
      (err: unknown) => err as DeployError
    )
    expect(error?.message).toBe(
      `Upload of vanished.txt to /vanished/vanished.txt failed: Could not read ${gone}: ENOENT: no such file or directory, open '${gone}'`
    )
    expect(log.lines.filter(l => l.includes('retry'))).toEqual([])
    expect(filesOn(join(server.root, 'vanished')).filter(p => p.endsWith('.tmp'))).toEqual([])
  })

  maybe('a wrong password fails with the 530 reply and uploads nothing', async () => {
    const error = await failsWith({ password: 'not-the-password' }, 'wrong-password')
    expect(error.message).toMatch(/^Login as deployer failed: the server answered PASS with 530 /)
  })

  maybe('an unknown CA fails before login and uploads nothing', async () => {
    const error = await failsWith({ 'ca-cert': '' }, 'unknown-ca')
    expect(error.message).toMatch(/unable to verify the first certificate|unable to get local issuer certificate/)
  })

  maybe('a wrong host name fails before login', async () => {
    const error = await failsWith({ 'tls-servername': 'ftp.example.org' }, 'wrong-name')
    expect(error.message).toContain("Host: ftp.example.org. is not in the cert's altnames")
  })

  maybe('a wrong fingerprint fails; the right one succeeds without the CA', async () => {
    const error = await failsWith({ 'ca-cert': '', 'tls-fingerprint': 'sha256:' + '00'.repeat(32) }, 'pinned')
    expect(error.message).toContain(`fingerprint ${server.pki.fingerprint} matches none of tls-fingerprint`)
    const pin = server.pki.fingerprint.replace(/:/g, '').toLowerCase()
    await deploy(settingsOf(inputs({ 'ca-cert': '', 'tls-fingerprint': pin, 'remote-dir': 'pinned' })), recordingLog())
    expect(readFileSync(join(server.root, 'pinned/index.html'))).toEqual(tree['index.html'])
  })
})
