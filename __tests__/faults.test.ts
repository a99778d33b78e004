/**
 * Fault injection (issue 6): every case ends either complete and byte-identical, or failed with a
 * clear message and nothing lost: the manifest on the server never claims a file the server does
 * not hold at that size and SHA-256.
 *
 *  1. a TCP proxy cuts the control connection: five times mid-deploy (each explicit-TLS server,
 *     pyftpdlib, windows-like); more often than the retries allow; during the first TLS handshake
 *  2. the server killed (pure-ftpd, windows-like) mid-deploy, under cutover file (files go live,
 *     and are recorded, as they are checked; cutover-servers covers end): back within the
 *     backoff; back only after the run gave up; killed during a redeploy (the old manifest must not vouch for
 *     replaced files)
 *  3. a server that stalls: after the greeting (without and with retries); on a STOR
 *  4. disk full or quota: 452 / 552 from the scripted responder; a real full disk (a tmpfs
 *     inside the root of ProFTPD, vsftpd, pure-ftpd, pyftpdlib, windows-like)
 *  5. renames refused or uploads never overwriting: pure-ftpd -G, -r, -G -r; -G with a big
 *     upload in flight when the refusal is found
 *  6. a file changed while it is being uploaded (vsftpd, windows-like): rewritten in place; appended to
 *  7. transient and final STOR replies: 451 once, then 226; 553
 *
 * Faults on real servers that reset connections run the committed CLI bundle as a child process
 * (support/cli-process.ts): in jest's ESM sandbox a reset data socket can hang basic-ftp.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  appendFileSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, posix } from 'node:path'
import { deploy } from '../src/deploy.js'
import { DeployResult } from '../src/core/result.js'
import { DeployError } from '../src/core/errors.js'
import { openSession } from '../src/ftp/index.js'
import { listLocalFiles } from '../src/local/local-files.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { makeTestPki } from './harness/certs.js'
import { type CutPlan, startProxy, type TcpProxy } from './harness/proxy.js'
import { ScriptedServer, ScriptedServerOptions, SessionState, startScriptedServer } from './harness/scripted-server.js'
import { ftpAccount, type ServerProcess, sleep } from './harness/server-runtime.js'
import {
  EXPLICIT_SERVERS,
  FtpServer,
  PYFTPDLIB_SERVERS,
  serverMissing,
  ServerKind,
  startServer
} from './harness/servers.js'
import { runCliDeploy } from './support/cli-process.js'
import {
  InputValues,
  makeTree,
  recordingLog,
  RecordingLog,
  serverInputs as inputsFor,
  settingsOf
} from './support/engine.js'
import { crashServer } from './support/restart.js'

const MANIFEST = '.ftps-deploy-manifest.json'
/**
 * The deploy lock is off here: these faults kill runs, servers and connections, after which a
 * lock left behind makes the next run wait a minute for it to go stale. That is the lock's own
 * behaviour, tested in lock-servers.test.ts; here it would only slow every resume down.
 */
const serverInputs: typeof inputsFor = (server, extra = {}) => inputsFor(server, { lock: 'false', ...extra })
/** Any temporary of this tool (the product's own definition, not a copy that can drift). */
const TEMP = { test: (path: string): boolean => TEMP_NAME.test(basename(path)) }
const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'
const maybeOn = (kind: ServerKind): jest.It => (skipped(kind) ? test.skip : test)

type Tree = Record<string, Buffer>

/** `count` files of 200 B to 4 KB in 5 directories. */
function someFiles(count: number): Tree {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`d${i % 5}/f${i}.bin`, randomBytes(200 + ((i * 397) % 3800))])
  )
}

const total = (files: Tree): number => Object.values(files).reduce((sum, b) => sum + b.length, 0)
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/** Every file under dir, by path relative to it. */
function diskFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    return entry.isDirectory() ? diskFiles(join(dir, entry.name), rel) : [rel]
  })
}

/** The local files the server does not hold byte for byte ('<path>: missing' when absent). */
function differences(remoteDir: string, local: Tree): string[] {
  const out: string[] = []
  for (const [path, data] of Object.entries(local)) {
    const file = join(remoteDir, path)
    if (!existsSync(file)) out.push(`${path}: missing`)
    else {
      const remote = readFileSync(file)
      if (remote.length !== data.length) out.push(`${path}: ${remote.length} bytes on the server, ${data.length} here`)
      else if (!remote.equals(data)) out.push(`${path}: other bytes on the server`)
    }
  }
  return out
}

/** Differences other than files not uploaded yet: a partial or wrong file where a file is. */
const damaged = (remoteDir: string, local: Tree): string[] =>
  differences(remoteDir, local).filter(d => !d.endsWith(': missing'))

/** Files on the server that are neither deployed files nor the manifest (temp files, name.1 ...). */
/**
 * A dead run's temporaries younger than an hour are left alone by the next run (another run may
 * still be uploading to them) and named in its log; a run an hour later removes them.
 */
async function leftoversGoLater(inputs: InputValues, remote: string, local: Tree, lines: string[]): Promise<void> {
  const young = extras(remote, local)
  expect(young.filter(p => !TEMP.test(p))).toEqual([])
  if (young.length > 0) expect(lines.some(l => l.includes('temporary file(s) of another run'))).toBe(true)
  const hourLater = (): number => Date.now() + 61 * 60 * 1000
  await deploy(settingsOf(inputs), recordingLog(), { openSession, listLocalFiles, now: hourLater })
  expect(extras(remote, local)).toEqual([])
}

function extras(remoteDir: string, local: Tree): string[] {
  return diskFiles(remoteDir)
    .filter(p => p !== MANIFEST && !(p in local))
    .sort()
}

interface ManifestDoc {
  format: string
  version: number
  files: Record<string, { sha256: string; size: number }>
  dirs: string[]
}

function readManifest(remoteDir: string): ManifestDoc | undefined {
  const path = join(remoteDir, MANIFEST)
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ManifestDoc) : undefined
}

/** Manifest entries the server's disk contradicts: missing, another size, another SHA-256. */
function manifestLies(remoteDir: string): string[] {
  const manifest = readManifest(remoteDir)
  if (manifest === undefined) return []
  const out: string[] = []
  if (manifest.format !== 'ftps-deploy-manifest' || manifest.version !== 1) out.push(`bad header ${manifest.format}`)
  for (const [path, entry] of Object.entries(manifest.files)) {
    const file = join(remoteDir, path)
    if (!existsSync(file)) {
      out.push(`${path}: listed, not on the server`)
      continue
    }
    const data = readFileSync(file)
    if (data.length !== entry.size) out.push(`${path}: listed at ${entry.size} bytes, ${data.length} on the server`)
    else if (sha256(data) !== entry.sha256) out.push(`${path}: listed with a SHA-256 the server's bytes do not have`)
  }
  return out
}

/** Log lines that announce a retry (a message may span lines: the announcement ends one). */
const retryLines = (lines: string[]): string[] =>
  lines.filter(l => /retry \d+ of \d+ in \d+ ms on a new connection$/.test(l))

/** Bytes the proxy forwarded from clients, over all connections. */
function proxiedFromClients(proxy: TcpProxy): number {
  const last = new Map<number, number>()
  for (const e of proxy.events) last.set(e.connection, Math.max(last.get(e.connection) ?? 0, e.fromClient))
  return [...last.values()].reduce((a, b) => a + b, 0)
}

type Outcome = { result: DeployResult; error?: undefined } | { result?: undefined; error: Error }
const settle = (p: Promise<DeployResult>): Promise<Outcome> =>
  p.then(
    result => ({ result }),
    (error: unknown) => ({ error: error as Error })
  )

/** Calls `fire` once a temp file for `name` in dir holds more than `bytes` (upload in progress). */
function whenUploading(
  dir: string,
  name: string,
  bytes: number,
  fire: () => void
): { fired: () => boolean; stop(): void } {
  let fired = false
  const timer = setInterval(() => {
    if (fired || !existsSync(dir)) return
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(`.ftps-deploy.${name}.`)) continue
      const size = existsSync(join(dir, entry)) ? statSync(join(dir, entry), { throwIfNoEntry: false })?.size : 0
      if (size !== undefined && size > bytes) {
        fired = true
        fire()
        return
      }
    }
  }, 2)
  return { fired: () => fired, stop: () => clearInterval(timer) }
}

// -----------------------------------------------------------------------------------------------
// 1. The control connection cut by a TCP proxy

/** A real server behind a proxy per test: server(), proxy(plan), inputs through the proxy. */
function behindProxy(kind: ServerKind) {
  let server: FtpServer
  const proxies: TcpProxy[] = []
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterEach(async () => {
    await Promise.all(proxies.splice(0).map(p => p.close()))
  })
  afterAll(async () => {
    await server?.stop()
  })
  return {
    server: () => server,
    proxy: async (cut?: CutPlan, maxCuts?: number): Promise<TcpProxy> => {
      const p = await startProxy(server.port, { cut, maxCuts })
      proxies.push(p)
      return p
    },
    via: (p: TcpProxy, extra: InputValues): InputValues =>
      serverInputs({ ...server, port: p.port }, { timeout: '3', ...extra })
  }
}

describe.each([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS])('1. a TCP proxy cuts the control connection (%s)', kind => {
  const { server: serverOf, proxy, via } = behindProxy(kind)

  maybeOn(kind)(
    'five cuts mid-deploy (odd connections cut by the bytes from the server, even ones by those from the client): completes byte-identical',
    async () => {
      const server = serverOf()
      const files = someFiles(150)
      const local = makeTree(files)
      const remote = join(server.root, 'cut')
      // Connection 1 is logged in well before 6000 bytes; the pool's are cut wherever they are.
      // Five cuts among the first ten connections: a session may close before its budget (a
      // retry after a loss logs in afresh and closes the idle session open longest).
      const p = await proxy(n => {
        if (n > 10) return undefined
        return n % 2 === 1 ? { from: 'server', afterBytes: 6000 } : { from: 'client', afterBytes: 3000 }
      }, 5)
      const run = await runCliDeploy(via(p, { 'local-dir': local, 'remote-dir': 'cut' }), { password: server.password })

      expect(p.cutCount).toBe(5)
      expect({ code: run.code, error: run.error }).toEqual({ code: 0, error: '' })
      expect(run.outputs?.['files-uploaded']).toBe('150')
      expect(differences(remote, files)).toEqual([])
      expect(manifestLies(remote)).toEqual([])
      expect(Object.keys(readManifest(remote)?.files ?? {}).sort()).toEqual(Object.keys(files).sort())
      // A cut fails the task on that connection, retried on a new one; a cut may also land where no
      // task is retried (the lock's own connection, which carries its beats and the final manifest
      // staged there, opens again without a retry line). CI saw 4 retries for 5 cuts once (ProFTPD).
      // The run whole, byte for byte, is the claim.
      expect(retryLines(run.lines).length).toBeGreaterThanOrEqual(3)
      expect(p.connectionCount).toBeGreaterThanOrEqual(6)
      // Data connections went straight to the server's passive ports, not through the proxy.
      expect(proxiedFromClients(p)).toBeLessThan(total(files) / 4)
      // Nothing of the interrupted attempts is left: no temp file of a cut upload.
      expect(extras(remote, files)).toEqual([])
    },
    30_000
  )
})

const BEYOND: ServerKind[] = ['vsftpd-tls12', 'windows-like']
describe.each(BEYOND)('1. a TCP proxy cuts the control connection, beyond the retries (%s)', kind => {
  const maybe = maybeOn(kind)
  const { server: serverOf, proxy, via } = behindProxy(kind)

  maybe(
    'every reconnection cut (more cuts than retries): fails naming the file; the manifest tells the truth; the next run completes',
    async () => {
      const server = serverOf()
      const files = someFiles(200)
      const local = makeTree(files)
      const remote = join(server.root, 'dead')
      const p = await proxy()
      // Once the first manifest write is on disk (50 files), every connection dies at its first byte.
      let broken = false
      const watch = setInterval(() => {
        if (broken || !existsSync(join(remote, MANIFEST))) return
        broken = true
        p.setCut({ from: 'server', afterBytes: 1 })
        p.dropAll()
      }, 2)
      // cutover file: the files recorded as they go live, so a cut mid-run leaves a manifest of some.
      const inputs = via(p, { 'local-dir': local, 'remote-dir': 'dead', retries: '2', cutover: 'file' })
      const run = await runCliDeploy(inputs, { password: server.password }).finally(() => clearInterval(watch))

      expect(broken).toBe(true)
      expect(run.code).toBe(1)
      // The upload that failed, or the manifest checkpoint that the last recorded upload set off
      // (whichever gives up first: both go on new connections that the network cuts).
      expect(run.error).toMatch(
        /^(Upload of (d\d\/f\d+\.bin) to \/dead\/\2|Writing the manifest \/dead\/\.ftps-deploy-manifest\.json) failed: Could not connect to 127\.0\.0\.1:\d+: \S/
      )
      expect(run.lines.some(l => /retry 2 of 2 in \d+ ms on a new connection$/.test(l))).toBe(true)
      const manifest = readManifest(remote)
      const recorded = Object.keys(manifest?.files ?? {})
      expect(recorded.length).toBeGreaterThanOrEqual(50)
      expect(recorded.length).toBeLessThan(200)
      expect(manifestLies(remote)).toEqual([])
      expect(damaged(remote, files)).toEqual([])

      // Healthy again: the next run skips what the manifest recorded and completes.
      p.setCut(undefined)
      const again = await runCliDeploy(inputs, { password: server.password })
      expect({ code: again.code, error: again.error }).toEqual({ code: 0, error: '' })
      expect(again.outputs?.['files-skipped']).toBe(String(recorded.length))
      expect(differences(remote, files)).toEqual([])
      expect(manifestLies(remote)).toEqual([])
      await leftoversGoLater(inputs, remote, files, again.lines)
    },
    40_000
  )

  maybe(
    'the first connection cut during its TLS handshake is retried like any other',
    async () => {
      const server = serverOf()
      const files = someFiles(10)
      const local = makeTree(files)
      const remote = join(server.root, 'first')
      // 200 bytes from the server: the greeting, 234, and part of the ServerHello/certificate.
      const p = await proxy(n => (n === 1 ? { from: 'server', afterBytes: 200 } : undefined))
      const run = await runCliDeploy(via(p, { 'local-dir': local, 'remote-dir': 'first' }), {
        password: server.password
      })
      expect(p.cutCount).toBe(1)
      expect({ code: run.code, error: run.error }).toEqual({ code: 0, error: '' })
      expect(differences(remote, files)).toEqual([])
      expect(manifestLies(remote)).toEqual([])
    },
    30_000
  )
})

// -----------------------------------------------------------------------------------------------
// 2. The server killed and restarted mid-deploy

// pure-ftpd forks a process per session; pyftpdlib (windows-like) serves every session in one.
const KILLED: ServerKind[] = ['pure-ftpd', 'windows-like']
describe.each(KILLED)('2. the server killed mid-deploy (%s: the listener and every session)', kind => {
  const maybe = maybeOn(kind)
  const started: { server?: FtpServer; restarted: ServerProcess[] } = { restarted: [] }
  afterEach(async () => {
    for (const p of started.restarted.splice(0)) await p.stop()
    await started.server?.stop()
    started.server = undefined
  })

  const launch = async (): Promise<FtpServer> => (started.server = await startServer(kind))

  maybe(
    'back 150 ms later, within the backoff: completes byte-identical, retries logged',
    async () => {
      const server = await launch()
      const files = someFiles(200)
      const local = makeTree(files)
      const remote = join(server.root, 'x')
      const outDir = mkdtempSync(join(tmpdir(), 'restarted-'))
      let uploaded = 0
      let crash: Promise<{ killed: number; proc: ServerProcess }> | undefined
      const run = await runCliDeploy(
        serverInputs(server, { 'local-dir': local, 'remote-dir': 'x', timeout: '3', cutover: 'file' }),
        {
          password: server.password,
          onLine: line => {
            if (!line.startsWith('uploaded ') || ++uploaded !== 20) return
            crash = crashServer(server).then(async c => {
              await sleep(150)
              const proc = await c.restart(outDir)
              started.restarted.push(proc)
              return { killed: c.killed, proc }
            })
          }
        }
      )
      expect(crash).toBeDefined()
      const { killed } = await crash!
      expect(killed).toBeGreaterThan(1) // the listener and its sessions

      expect({ code: run.code, error: run.error }).toEqual({ code: 0, error: '' })
      expect(differences(remote, files)).toEqual([])
      expect(manifestLies(remote)).toEqual([])
      expect(Object.keys(readManifest(remote)?.files ?? {})).toHaveLength(200)
      expect(retryLines(run.lines).length).toBeGreaterThanOrEqual(1)
      expect(extras(remote, files)).toEqual([])
    },
    30_000
  )

  maybe(
    'back only after the run gave up: fails naming the file and the refusal, nothing lost; the next run completes',
    async () => {
      const server = await launch()
      const files = someFiles(200)
      const local = makeTree(files)
      const remote = join(server.root, 'x')
      let uploaded = 0
      let crash: ReturnType<typeof crashServer> | undefined
      const inputs = serverInputs(server, {
        'local-dir': local,
        'remote-dir': 'x',
        timeout: '3',
        retries: '2',
        cutover: 'file'
      })
      const run = await runCliDeploy(inputs, {
        password: server.password,
        onLine: line => {
          // Past the first manifest write (every 50 files).
          if (line.startsWith('uploaded ') && ++uploaded === 60) crash = crashServer(server)
        }
      })
      expect(crash).toBeDefined()
      const down = await crash!

      expect(run.code).toBe(1)
      expect(run.error).toMatch(
        /^Upload of (d\d\/f\d+\.bin) to \/x\/\1 failed: Could not connect to 127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+/
      )
      expect(run.lines.some(l => /retry 2 of 2 in \d+ ms on a new connection$/.test(l))).toBe(true)
      expect(manifestLies(remote)).toEqual([])
      expect(damaged(remote, files)).toEqual([])

      started.restarted.push(await down.restart(mkdtempSync(join(tmpdir(), 'restarted-'))))
      const again = await runCliDeploy(inputs, { password: server.password })
      expect({ code: again.code, error: again.error }).toEqual({ code: 0, error: '' })
      expect(differences(remote, files)).toEqual([])
      expect(manifestLies(remote)).toEqual([])
      expect(Object.keys(readManifest(remote)?.files ?? {})).toHaveLength(200)
      await leftoversGoLater(inputs, remote, files, again.lines)
    },
    40_000
  )

  maybe(
    'a redeploy killed mid-way: the old manifest never vouches for the old content of a file already replaced',
    async () => {
      const server = await launch()
      const v1 = someFiles(200)
      // The same sizes: only the manifest's hashes tell v1 from v2, the listing cannot.
      const v2: Tree = Object.fromEntries(Object.entries(v1).map(([p, b]) => [p, randomBytes(b.length)]))
      const local = makeTree(v1)
      const remote = join(server.root, 'x')
      const inputs = serverInputs(server, {
        'local-dir': local,
        'remote-dir': 'x',
        timeout: '3',
        retries: '2',
        cutover: 'file'
      })
      const first = await runCliDeploy(inputs, { password: server.password })
      expect({ code: first.code, error: first.error }).toEqual({ code: 0, error: '' })

      for (const [path, data] of Object.entries(v2)) writeFileSync(join(local, path), data)
      let uploaded = 0
      let crash: ReturnType<typeof crashServer> | undefined
      const killed = await runCliDeploy(inputs, {
        password: server.password,
        onLine: line => {
          // A redeploy: every upload replaces a file ('uploaded x (n bytes, replacing the old one)').
          if (line.startsWith('uploaded ') && ++uploaded === 20) crash = crashServer(server)
        }
      })
      expect(crash).toBeDefined()
      const down = await crash!
      expect(killed.code).toBe(1)
      const lies = manifestLies(remote)

      // What a lie costs: the user reverts to v1; files the manifest wrongly lists as v1 are skipped.
      started.restarted.push(await down.restart(mkdtempSync(join(tmpdir(), 'restarted-'))))
      for (const [path, data] of Object.entries(v1)) writeFileSync(join(local, path), data)
      const reverted = await runCliDeploy(inputs, { password: server.password })
      expect({ code: reverted.code, error: reverted.error }).toEqual({ code: 0, error: '' })
      expect({ liesAfterKill: lies, wrongAfterRevert: differences(remote, v1) }).toEqual({
        liesAfterKill: [],
        wrongAfterRevert: []
      })
    },
    40_000
  )
})

// -----------------------------------------------------------------------------------------------
// Scripted responder (3, 4, 7)

const PASSWORD = 'S3cr3t-faults'
const pki = makeTestPki()
const scripted: ScriptedServer[] = []
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))

async function serve(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const server = await startScriptedServer({ pki, user: 'deploy', password: PASSWORD, ...options })
  scripted.push(server)
  return server
}

const INDEX = '<h1>fault tests</h1>\n'
const APP = 'console.log("app")\n'
const twoFiles = makeTree({ 'index.html': INDEX, 'assets/app.js': APP })
const oneFile = makeTree({ 'index.html': INDEX })

function scriptedInputs(server: ScriptedServer, extra: InputValues = {}): InputValues {
  return {
    host: '127.0.0.1',
    port: String(server.port),
    user: 'deploy',
    password: PASSWORD,
    'ca-cert': pki.caCert,
    'local-dir': oneFile,
    timeout: '3',
    lock: 'false',
    ...extra
  }
}

async function failure(
  server: ScriptedServer,
  extra: InputValues = {}
): Promise<{ error: DeployError; log: RecordingLog; ms: number }> {
  const log = recordingLog()
  const started = Date.now()
  const outcome = await settle(deploy(settingsOf(scriptedInputs(server, extra)), log))
  const ms = Date.now() - started
  expect(outcome.error).toBeInstanceOf(DeployError)
  return { error: outcome.error as DeployError, log, ms }
}

/** STOR commands for `name` (atomic uploads go to a temp name that contains it). */
const storsOf = (server: ScriptedServer, name: string): string[] =>
  server.commands.filter(c => {
    if (!c.startsWith('STOR ')) return false
    const base = posix.basename(c.slice(5))
    return base === name || base.startsWith(`.ftps-deploy.${name}.`)
  })

function scriptedManifest(server: ScriptedServer): ManifestDoc | undefined {
  const data = server.files.get(`/${MANIFEST}`)
  return data === undefined ? undefined : (JSON.parse(data.toString()) as ManifestDoc)
}

describe('scripted responder', () => {
  afterEach(async () => {
    await Promise.all(scripted.splice(0).map(s => s.close()))
  })

  describe('3. a server that stalls', () => {
    // A server that stalls answers nothing after it (USER goes with the session's set-up in one write).
    const stalled = { USER: null, PASS: null, FEAT: null, TYPE: null, PBSZ: null, PROT: null, PWD: null, OPTS: null }

    test('after the greeting (USER never answered): fails within the timeout, saying so', async () => {
      const server = await serve({ replies: stalled })
      const { error, ms } = await failure(server, { timeout: '2', retries: '0' })
      expect(error.message).toBe('Login as deploy failed: USER deploy failed: Timeout (control socket)')
      expect(ms).toBeGreaterThanOrEqual(1900)
      expect(ms).toBeLessThan(2000 + 2500)
      expect(server.commands.some(c => c.startsWith('STOR'))).toBe(false)
    }, 15_000)

    test('after the greeting, with retries: bounded by (retries + 1) timeouts plus the backoff', async () => {
      const server = await serve({ replies: stalled })
      const { error, ms } = await failure(server, { timeout: '1' })
      expect(error.message).toMatch(/Timeout \(control socket\)/)
      // 3 retries: 4 attempts of 1 s, backoff at most 0.5 + 1 + 2 s, plus slack for a loaded machine.
      expect(ms).toBeLessThan(4 * 1000 + 3500 + 2500)
    }, 20_000)

    test('on a STOR that is never answered: the upload times out, is retried, then fails naming the file', async () => {
      // Stuck on the STOR as a server that reads a command at a time: nothing behind it is answered
      // either (answered, an EPSV behind it would close the STOR's passive port, a reset first).
      const stuck = (_arg: string, s: SessionState): null | undefined =>
        s.commands.some(c => /^STOR /.test(c)) ? null : undefined
      const server = await serve({ replies: { STOR: null, EPSV: stuck } })
      const { error, log, ms } = await failure(server, { timeout: '2', retries: '1' })
      expect(error.message).toBe('Upload of index.html to /index.html failed: Timeout (control socket)')
      expect(storsOf(server, 'index.html')).toHaveLength(2)
      expect(log.text()).toMatch(/Upload of index\.html: Timeout \(control socket\); retry 1 of 1 in \d+ ms/)
      expect(ms).toBeLessThan(2 * 2000 + 500 + 2500)
      expect(server.files.has('/index.html')).toBe(false)
    }, 20_000)
  })

  describe('4. disk full or quota exceeded', () => {
    test.each(['452 Insufficient storage space', '552 Quota exceeded'])(
      'STOR answered "%s": final at once, not retried, naming the file',
      async reply => {
        const server = await serve({ stor: { finalReply: reply } })
        const { error, log } = await failure(server)
        expect(error.message).toBe(`Upload of index.html failed: the server answered STOR /index.html with ${reply}`)
        expect(error.details).toMatchObject({ file: 'index.html', command: 'STOR', code: Number(reply.slice(0, 3)) })
        expect(storsOf(server, 'index.html')).toHaveLength(1)
        expect(log.text()).not.toMatch(/retry \d+ of/)
        expect([...server.files.keys()]).toEqual([])
      }
    )
  })

  describe('7. transient and final STOR replies', () => {
    test('451 on the first STOR of a file, 226 after: completes after one retry on a new connection', async () => {
      let refused = 0
      const server = await serve({
        stor: {
          finalReply: path => {
            if (path.includes('index.html') && refused++ === 0) return '451 Local error'
            return '226 Transfer complete'
          }
        }
      })
      const log = recordingLog()
      const result = await deploy(settingsOf(scriptedInputs(server, { 'local-dir': twoFiles })), log)
      expect(result.uploaded).toEqual(['assets/app.js', 'index.html'])
      expect(storsOf(server, 'index.html')).toHaveLength(2)
      expect(storsOf(server, 'app.js')).toHaveLength(1)
      expect(log.text()).toMatch(/Upload of index\.html: 451 Local error; retry 1 of 3 in \d+ ms on a new connection/)
      expect(server.sessions.length).toBeGreaterThanOrEqual(2)
      expect(server.files.get('/index.html')?.toString()).toBe(INDEX)
      expect(server.files.get('/assets/app.js')?.toString()).toBe(APP)
      expect(scriptedManifest(server)?.files).toEqual({
        'assets/app.js': { sha256: sha256(Buffer.from(APP)), size: APP.length },
        'index.html': { sha256: sha256(Buffer.from(INDEX)), size: INDEX.length }
      })
      expect([...server.files.keys()].filter(p => TEMP.test(p))).toEqual([])
    })

    test('553 (bad file name): final at once, not retried, naming the file and the reply', async () => {
      const server = await serve({ stor: { finalReply: '553 Bad file name' } })
      const { error, log } = await failure(server)
      expect(error.message).toBe(
        'Upload of index.html failed: the server answered STOR /index.html with 553 Bad file name'
      )
      expect(storsOf(server, 'index.html')).toHaveLength(1)
      expect(log.text()).not.toMatch(/retry \d+ of/)
      expect(server.files.has('/index.html')).toBe(false)
    })
  })
})

// -----------------------------------------------------------------------------------------------
// 4. A real full disk: a small tmpfs mounted inside the server's root

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), 'tmpfs-probe-'))
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) return false
    spawnSync('umount', [dir])
    return true
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const tmpfsOk = canMountTmpfs()
if (!tmpfsOk) console.warn('skipping the real full-disk tests: mounting a tmpfs needs root (CAP_SYS_ADMIN)')

describe.each<[ServerKind, RegExp]>([
  // ProFTPD says why, or (since the manifest also records checked temporaries, the disk is full at
  // another moment of the transfer) that the write failed: final at once either way.
  ['proftpd', /452 Transfer aborted\. No space left on device|451 Transfer aborted\. Input\/output error/],
  // vsftpd and pure-ftpd say a write failed (451): final at once too (core/retry.ts; full-disk.test.ts).
  ['vsftpd-tls12', /451 Failure writing to local file\./],
  ['pure-ftpd', /451-Error during write to file/],
  // pyftpdlib 1.5.7 drops the data connection on ENOSPC and never answers the STOR (its log:
  // "unhandled exception ... No space left on device"): the reset, or the control timeout, says so.
  ['pyftpdlib', /read ECONNRESET|Timeout \(control socket\)/],
  ['windows-like', /read ECONNRESET|Timeout \(control socket\)/]
])('4. a real full disk (%s, 256 KiB tmpfs)', (kind, reply) => {
  const maybe = tmpfsOk ? maybeOn(kind) : test.skip
  maybe(
    'fails naming a file and the reply; files on the server are whole; the manifest tells the truth; no temp files left',
    async () => {
      const server = await startServer(kind)
      const mount = join(server.root, 'full')
      try {
        mkdirSync(mount)
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0755', 'tmpfs', mount])
        const account = ftpAccount()!
        chownSync(mount, account.uid, account.gid)
        const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.bin`, randomBytes(60_000)]))
        const local = makeTree(files)
        const run = await runCliDeploy(
          serverInputs(server, { 'local-dir': local, 'remote-dir': 'full', timeout: '3', retries: '1' }),
          { password: server.password }
        )
        expect(run.code).toBe(1)
        expect(run.error).toMatch(/^Upload of (f\d\.bin) (to \/full\/\1 )?failed: /)
        expect(run.error).toMatch(reply)
        if (kind === 'proftpd')
          expect(run.lines.filter(l => /(No space left on device|Input\/output error); retry/.test(l))).toEqual([])
        expect(damaged(mount, files)).toEqual([])
        expect(manifestLies(mount)).toEqual([])
        // Only our temp names are left over: a failed attempt's temp is deleted when the server
        // still answers, but on a full disk vsftpd and pure-ftpd sometimes keep one.
        expect(extras(mount, files).filter(name => !/^\.ftps-deploy\..+\.tmp$/.test(name))).toEqual([])
        // (The next run's clean-up of leftovers is covered by the cut-connection tests above.)
      } finally {
        spawnSync('umount', ['-l', mount])
        await server.stop()
      }
    },
    30_000
  )
})

// -----------------------------------------------------------------------------------------------
// 5. Renames refused (pure-ftpd -G), uploads never overwriting (-r), both

describe.each<[string[], 'direct' | 'rename']>([
  [['-G'], 'direct'],
  [['-r'], 'rename'],
  [['-G', '-r'], 'direct']
])('5. pure-ftpd %p', (flags, expected) => {
  const kind: ServerKind = 'pure-ftpd'
  const maybe = maybeOn(kind)
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig: flags })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe(
    expected === 'direct'
      ? 'a first deploy and a redeploy of changed files complete byte-identical; the fallback is said once per run'
      : 'a first deploy and a redeploy of changed files complete byte-identical (rename over the old file works)',
    async () => {
      const files = someFiles(12)
      const local = makeTree(files)
      const remote = join(server.root, 'site')
      const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': 'site', timeout: '3' })
      for (const round of ['first deploy', 'redeploy of changed files']) {
        if (round !== 'first deploy') {
          for (const path of Object.keys(files)) {
            files[path] = randomBytes(files[path].length + 100)
            writeFileSync(join(local, path), files[path])
          }
        }
        const log = recordingLog()
        const outcome = await settle(deploy(settingsOf(inputs), log))
        // Whatever happened, the manifest must not claim bytes the server does not hold.
        expect([round, manifestLies(remote)]).toEqual([round, []])
        expect([round, outcome.error?.message]).toEqual([round, undefined])
        expect([round, differences(remote, files)]).toEqual([round, []])
        expect([round, extras(remote, files)]).toEqual([round, []])
        const atomic = log.warnings.filter(w => w.startsWith('atomic:'))
        if (expected === 'direct') {
          expect(atomic).toHaveLength(1)
          expect(atomic[0]).toMatch(
            /^atomic: the server refuses renames \(550 [^)]*\): uploading in place, not atomically$/
          )
        } else expect(atomic).toEqual([])
      }
    },
    40_000
  )
})

describe('5. pure-ftpd -G, an upload in flight when renames turn out refused', () => {
  const kind: ServerKind = 'pure-ftpd'
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig: ['-G'] })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybeOn(kind)(
    'a big upload still going when a small one finds renames refused falls back too, and the deploy completes',
    async () => {
      // Largest first: big.bin's temp upload is under way while small files find out and switch modes.
      const files: Tree = { 'big.bin': randomBytes(32 * 1024 * 1024), ...someFiles(6) }
      const local = makeTree(files)
      const remote = join(server.root, 'race')
      const log = recordingLog()
      const outcome = await settle(
        deploy(settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': 'race', timeout: '3' })), log)
      )
      rmSync(local, { recursive: true, force: true })
      expect(manifestLies(remote)).toEqual([])
      expect(outcome.error?.message).toBeUndefined()
      expect(differences(remote, files)).toEqual([])
      expect(extras(remote, files)).toEqual([])
      expect(log.warnings.filter(w => w.startsWith('atomic:'))).toHaveLength(1)
    },
    30_000
  )
})

// -----------------------------------------------------------------------------------------------
// 6. A file changed while it is being uploaded

const CHANGING: ServerKind[] = ['vsftpd-tls12', 'windows-like']
describe.each(CHANGING)('6. a file changed while it is being uploaded (%s)', kind => {
  const maybe = maybeOn(kind)
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })
  const SIZE = 48 * 1024 * 1024
  const MIB = 1024 * 1024
  const bigTrees: string[] = []
  afterAll(() => bigTrees.forEach(dir => rmSync(dir, { recursive: true, force: true })))

  const changeDuring = async (
    remoteDir: string,
    change: (path: string) => void
  ): Promise<{ outcome: Outcome; fired: boolean; local: string; log: RecordingLog }> => {
    const local = makeTree({ 'big.bin': randomBytes(SIZE), 'small.txt': 'small' })
    bigTrees.push(local)
    const remote = join(server.root, remoteDir)
    const watcher = whenUploading(remote, 'big.bin', MIB, () => change(join(local, 'big.bin')))
    const log = recordingLog()
    const inputs = serverInputs(server, { 'local-dir': local, 'remote-dir': remoteDir, timeout: '3' })
    const outcome = await settle(deploy(settingsOf(inputs), log))
    watcher.stop()
    return { outcome, fired: watcher.fired(), local, log }
  }

  maybe(
    'rewritten in place (same size): the run may complete, but the manifest never records a hash the server does not hold',
    async () => {
      const { outcome, fired, local } = await changeDuring('inplace', path => {
        const fd = openSync(path, 'r+')
        writeSync(fd, Buffer.alloc(MIB, 7), 0, MIB, SIZE - MIB) // the last MiB, not read yet
        closeSync(fd)
      })
      const remote = join(server.root, 'inplace')
      expect(fired).toBe(true)
      expect(manifestLies(remote)).toEqual([])
      if (outcome.error === undefined) {
        expect(readFileSync(join(remote, 'big.bin')).equals(readFileSync(join(local, 'big.bin')))).toBe(true)
      } else expect(outcome.error.message).toMatch(/big\.bin.*chang/i)
      expect(diskFiles(remote).filter(p => TEMP.test(p))).toEqual([])
    },
    40_000
  )

  maybe(
    'appended to: ends with the new content complete, or fails saying the file changed; no temp files left but recorded checked ones',
    async () => {
      const { outcome, fired, local, log } = await changeDuring('append', path =>
        appendFileSync(path, Buffer.alloc(MIB, 7))
      )
      const remote = join(server.root, 'append')
      expect(fired).toBe(true)
      expect(manifestLies(remote)).toEqual([])
      if (outcome.error === undefined) {
        expect(readFileSync(join(remote, 'big.bin')).equals(readFileSync(join(local, 'big.bin')))).toBe(true)
      } else {
        // Not "incomplete: the server holds 51380224 of 50331648 bytes" after futile retries.
        expect({ message: outcome.error.message, retries: retryLines(log.lines) }).toEqual({
          message: expect.stringMatching(/big\.bin.*chang/i),
          retries: []
        })
      }
      // A failed run keeps only checked temporaries its manifest records (cutover: end: the next run renames them).
      const { checked = {} } = JSON.parse(readFileSync(join(remote, '.ftps-deploy-manifest.json'), 'utf8')) as {
        checked?: Record<string, unknown>
      }
      expect(diskFiles(remote).filter(p => TEMP.test(p) && checked[p] === undefined)).toEqual([])
    },
    40_000
  )
})
