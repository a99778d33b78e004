/**
 * A full disk or an exceeded quota (issue 21, item 8), on real servers: a small tmpfs under
 * vsftpd, ProFTPD and pure-ftpd, and pure-ftpd's own quota (--quota). The run fails at once,
 * naming the file and the server's reply, with no retry spent on it; no temporary is left, the
 * live files are as they were, the manifest tells the truth; once space is freed the rerun
 * completes. Runs the CLI as a child process (support/cli-process.ts), as users do.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { ftpAccount } from './harness/server-runtime.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { runCliDeploy } from './support/cli-process.js'
import { makeTree, serverInputs } from './support/engine.js'

const MANIFEST = '.ftps-deploy-manifest.json'
type Tree = Record<string, Buffer>
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'))
  try {
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0
  } finally {
    spawnSync('umount', [dir])
    rmSync(dir, { recursive: true, force: true })
  }
}
const tmpfsOk = canMountTmpfs()
if (!tmpfsOk) console.warn('skipping the tmpfs full-disk tests: mounting a tmpfs needs root (CAP_SYS_ADMIN)')

/** Every file under dir, relative to it. */
function diskFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? diskFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}

/** Manifest entries the disk contradicts: missing, another size, another SHA-256. */
function manifestLies(site: string): string[] {
  const path = join(site, MANIFEST)
  if (!existsSync(path)) return []
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { sha256: string; size: number }> }
  return Object.entries(doc.files).flatMap(([name, entry]) => {
    const file = join(site, name)
    if (!existsSync(file)) return [`${name}: listed, not on the server`]
    const data = readFileSync(file)
    return data.length === entry.size && sha256(data) === entry.sha256 ? [] : [`${name}: not as listed`]
  })
}

const bytesOf = (site: string, files: Tree): Record<string, string> =>
  Object.fromEntries(Object.keys(files).map(p => [p, sha256(readFileSync(join(site, p)))]))
const hashes = (files: Tree): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([p, d]) => [p, sha256(d)]))

/** v1: a small site that fits; v2: the same pages changed, and new files that do not fit. */
function sites(newFiles: number, newSize: number): { v1: Tree; v2: Tree } {
  const v1 = Object.fromEntries(['index.html', 'config.php', 'about.html'].map(p => [p, randomBytes(4096)]))
  const v2: Tree = Object.fromEntries(Object.keys(v1).map(p => [p, randomBytes(4096)]))
  for (let i = 0; i < newFiles; i++) v2[`assets/f${i}.bin`] = randomBytes(newSize)
  return { v1, v2 }
}

interface Case {
  kind: ServerKind
  /** Where the site goes below the server's root, and how space is taken and freed there. */
  setup: (server: FtpServer) => { site: string; fill: () => void; free: () => void; done: () => void }
  extraConfig?: string[]
  /** The server's reply, as the error quotes it. */
  reply: RegExp
}

/** A 512 KiB tmpfs at <root>/full, the site in it; 'filler' (written here, as root) takes the space. */
function tmpfsSetup(server: FtpServer): ReturnType<Case['setup']> {
  const mount = join(server.root, 'full')
  mkdirSync(mount)
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0755', 'tmpfs', mount])
  const account = ftpAccount()!
  chownSync(mount, account.uid, account.gid)
  const filler = join(mount, 'filler')
  return {
    site: 'full/site',
    fill: () => writeFileSync(filler, Buffer.alloc(400 * 1024)),
    free: () => rmSync(filler),
    done: () => void spawnSync('umount', ['-l', mount])
  }
}

/**
 * pure-ftpd --quota 1000:1 (1 MB per user). The filler goes into the user's home, and the
 * usage pure-ftpd keeps in .ftpquota ("<files> <bytes>", its own count of what came over FTP)
 * is set to what the home holds, as pure-quotacheck would.
 */
function quotaSetup(server: FtpServer): ReturnType<Case['setup']> {
  const filler = join(server.root, 'filler')
  const recount = (): void => {
    const files = diskFiles(server.root).filter(p => p !== '.ftpquota')
    const bytes = files.reduce((sum, p) => sum + statSync(join(server.root, p)).size, 0)
    writeFileSync(join(server.root, '.ftpquota'), `${files.length} ${bytes}\n`)
  }
  return {
    site: 'site',
    fill: () => {
      writeFileSync(filler, Buffer.alloc(900 * 1024))
      recount()
    },
    free: () => {
      rmSync(filler)
      recount()
    },
    done: () => undefined
  }
}

describe.each<Case>([
  { kind: 'vsftpd-tls12', setup: tmpfsSetup, reply: /451 Failure writing to local file\.$/ },
  {
    kind: 'proftpd',
    setup: tmpfsSetup,
    reply: /(452 Transfer aborted\. No space left on device|451 Transfer aborted\. Input\/output error)$/
  },
  {
    kind: 'pure-ftpd',
    setup: tmpfsSetup,
    reply: /451-Error during write to file\n451[- ]Transfer aborted(\n451 [^\n]*)?$/
  },
  {
    kind: 'pure-ftpd',
    setup: quotaSetup,
    extraConfig: ['--quota', '1000:1'],
    // It names the temporary (removed by the server), and the usage.
    reply:
      /552-[\s\S]*Kbytes used [\s\S]*\n552 Quota exceeded: \[\/site\/assets\/\.ftps-deploy\.f\d\.bin\.[^\]]+\.tmp\] won't be saved$/
  }
])('$kind, $setup.name', ({ kind, setup, extraConfig, reply }) => {
  const maybe = skipped(kind) || (setup === tmpfsSetup && !tmpfsOk) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!(skipped(kind) || (setup === tmpfsSetup && !tmpfsOk))) server = await startServer(kind, { extraConfig })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    'fails at once naming the file and the reply; no retry, no temporary; live files and manifest true; the rerun completes',
    async () => {
      const place = setup(server)
      try {
        const { v1, v2 } = sites(6, 40 * 1024)
        const inputs = (local: string): Record<string, string> =>
          serverInputs(server, { 'local-dir': local, 'remote-dir': place.site, timeout: '10' })
        const site = join(server.root, place.site)
        const first = await runCliDeploy(inputs(makeTree(v1)), { password: server.password })
        expect(first.error).toBe('')
        expect(bytesOf(site, v1)).toEqual(hashes(v1))

        place.fill()
        const local = makeTree(v2)
        const run = await runCliDeploy(inputs(local), { password: server.password })
        expect(run.code).toBe(1)
        expect(run.error).toMatch(
          new RegExp(`^Upload of (assets/f\\d\\.bin) failed: the server answered STOR /${place.site}/\\1 with `)
        )
        expect(run.error).toMatch(reply)
        expect(run.lines.filter(l => /retry \d+ of/.test(l))).toEqual([])
        // Its temporaries are gone (pure-ftpd removes an upload over quota itself): no warning of any
        // left. The lock's holder.json, written beside the first uploads, may meet the full disk too
        // (the lock holds without it: its warning says so).
        const holderLost = /^warning: The deploy lock is held, but holder\.json could not be written: /
        expect(run.lines.filter(l => l.startsWith('warning: ') && !holderLost.test(l))).toEqual([])
        // Replacements go after every new file: the live pages are still v1's, whole.
        expect(bytesOf(site, v1)).toEqual(hashes(v1))
        expect(diskFiles(site).filter(p => TEMP_NAME.test(p.split('/').at(-1)!))).toEqual([])
        expect(manifestLies(site)).toEqual([])

        place.free()
        const rerun = await runCliDeploy(inputs(local), { password: server.password })
        expect(rerun.error).toBe('')
        expect(rerun.code).toBe(0)
        expect(bytesOf(site, v2)).toEqual(hashes(v2))
        expect(diskFiles(site).filter(p => TEMP_NAME.test(p.split('/').at(-1)!))).toEqual([])
        expect(manifestLies(site)).toEqual([])
      } finally {
        place.done()
      }
    },
    90_000
  )
})
