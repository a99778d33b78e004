/**
 * Real FTP servers for integration tests: vsftpd (4 variants), pure-ftpd, proftpd, pyftpdlib and
 * a Windows-like server on pyftpdlib, plus the first three as shared hosts configure them (a
 * limit of 2 connections per address), each on 127.0.0.1 with its own ports, temp root and
 * logs, requiring explicit TLS (login and PROT P data) unless the kind says otherwise. Install
 * them with `sudo bash scripts/install-servers.sh`.
 *
 *   const server = await startServer('proftpd')
 *   try { ... client.access({ host: server.host, port: server.port, ... }) } finally { await server.stop() }
 */
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { makeTestPki, type TestPki } from './certs.js'
import { reservePorts } from './ports.js'
import { buildProftpd, proftpdBin, proftpdModTls } from './proftpd.js'
import { buildPyftpd, pyftpdlibMissing } from './pyftpdlib.js'
import { buildPureFtpd, pureFtpdBin, PUREFTPD_PASSIVE_PER_CLIENT, purePwBin } from './pureftpd.js'
import {
  concatLogs,
  ftpAccount,
  INSTALL_HINT,
  launch,
  type LaunchContext,
  type LaunchSpec,
  type ServerProcess,
  waitForGreeting,
  which
} from './server-runtime.js'
import { buildVsftpd, DB_LOAD, VSFTPD_BIN } from './vsftpd.js'

export type ServerKind =
  | 'vsftpd'
  | 'vsftpd-tls12'
  | 'pure-ftpd'
  | 'proftpd'
  | 'vsftpd-implicit'
  | 'vsftpd-plain'
  | 'pyftpdlib'
  | 'windows-like'
  | LimitedKind

/** Shared-host profiles: at most HOST_LIMIT connections per address; vsftpd also hides dotfiles. */
export type LimitedKind = 'vsftpd-limited' | 'pure-ftpd-limited' | 'proftpd-limited'
export const LIMITED_SERVERS: LimitedKind[] = ['vsftpd-limited', 'pure-ftpd-limited', 'proftpd-limited']
export const HOST_LIMIT = 2
/** What each profile answers the connection beyond HOST_LIMIT (vsftpd, pure-ftpd: instead of the greeting). */
export const LIMIT_REPLY: Record<LimitedKind, { at: 'greeting' | 'PASS'; reply: string }> = {
  'vsftpd-limited': { at: 'greeting', reply: '421 There are too many connections from your internet address.' },
  'pure-ftpd-limited': { at: 'greeting', reply: `421 Too many connections (${HOST_LIMIT}) from this IP` },
  'proftpd-limited': {
    at: 'PASS',
    reply: `530 Sorry, the maximum number of clients (${HOST_LIMIT}) from your host are already connected.`
  }
}

/** The servers that require explicit TLS (AUTH TLS, PROT P): what the deploy tool targets. */
export const EXPLICIT_SERVERS: ServerKind[] = ['vsftpd', 'vsftpd-tls12', 'pure-ftpd', 'proftpd']

/** The pyftpdlib kinds (explicit TLS required too). */
export const PYFTPDLIB_SERVERS: ServerKind[] = ['pyftpdlib', 'windows-like']

/** Constant on purpose: vsftpd's PAM user database is shared by all vsftpd instances. */
export const TEST_USER = 'deployer'
export const TEST_PASSWORD = 'test-Pa55word-not-secret'

/** Enough for 16 parallel clients even on pure-ftpd, which allows half the range as clients. */
export const DEFAULT_PASSIVE_PORTS = 96

const START_TIMEOUT_MS = 10_000

export interface FtpServer {
  kind: ServerKind
  host: '127.0.0.1'
  port: number
  user: string
  password: string
  /** Absolute dir on disk that is the FTP user's home; login lands there (as '/'). */
  root: string
  /** The server presents pki.cert (for localhost and 127.0.0.1), signed by pki.caCert. */
  pki: TestPki
  tls: 'explicit' | 'implicit' | 'none'
  /** The log with the commands and replies (vsftpd, proftpd) or the transfers (pure-ftpd). */
  logFile: string
  /** All of the server's logs and its stdout/stderr, each under a "==> file <==" header. */
  readLog(): string
  pid: number
  /** Passive port range given to the server. */
  passivePorts: { min: number; max: number }
  /** Writes a file under root as the server's account would own it (so it may replace/delete it). */
  putFile(relPath: string, data: Buffer | string): string
  /** Kills the server's process group (SIGTERM, then SIGKILL), removes its temp dirs. Idempotent. */
  stop(): Promise<void>
}

export interface StartOptions {
  /** Certificate to serve; default: a fresh makeTestPki(), removed on stop. */
  pki?: TestPki
  /** Size of the passive port range; default DEFAULT_PASSIVE_PORTS. */
  passivePorts?: number
  /** vsftpd/proftpd: config lines appended last (they override). pure-ftpd: extra command-line flags. */
  extraConfig?: string[]
  /** Listings leave dotfiles out (vsftpd's default; ProFTPD's MLSD still shows them). */
  hideDotfiles?: boolean
}

/** undefined if `kind` can run here, else one line saying what is missing and how to install it. */
export function serverMissing(kind: ServerKind): string | undefined {
  const problem = missingPiece(kind)
  return problem === undefined ? undefined : `${kind}: ${problem}; install the test servers with: ${INSTALL_HINT}`
}

function missingPiece(kind: ServerKind): string | undefined {
  if (process.platform !== 'linux') return 'the test servers run on Linux only'
  if (process.getuid?.() !== 0) return 'starting FTP servers needs root'
  if (which('openssl') === undefined) return 'openssl not found'
  const account = ftpAccount()
  if (account === undefined) return "system account 'ftp' not found"
  switch (baseKind(kind)) {
    case 'pyftpdlib':
      return pyftpdlibMissing()
    case 'pure-ftpd':
      if (pureFtpdBin() === undefined || purePwBin() === undefined) return 'pure-ftpd not installed'
      return undefined
    case 'proftpd':
      if (proftpdBin() === undefined) return 'proftpd not installed'
      if (proftpdModTls() === undefined) return 'proftpd mod_tls.so (proftpd-mod-crypto) not installed'
      return undefined
    default:
      if (!existsSync(VSFTPD_BIN)) return 'vsftpd not installed'
      if (which(DB_LOAD) === undefined) return `${DB_LOAD} (db5.3-util) not installed`
      // vsftpd's guest user needs an existing home, else a plaintext "500 OOPS" after PASS (FACTS)
      if (!dirExists(account.home)) return `home ${account.home} of account 'ftp' does not exist`
      return undefined
  }
}

/**
 * One line for a test file to print when it skips servers, e.g. "skipping the pure-ftpd, proftpd
 * tests: pure-ftpd not installed, proftpd not installed; install ...". undefined if none missing.
 */
export function missingServersLine(kinds: ServerKind[]): string | undefined {
  const problems = new Map<string, string>() // display name -> problem
  for (const kind of kinds) {
    const problem = missingPiece(kind)
    const name = baseKind(kind)
    if (problem !== undefined && !problems.has(name)) problems.set(name, problem)
  }
  if (problems.size === 0) return undefined
  const reasons = [...new Set(problems.values())].join(', ')
  return `skipping the ${[...problems.keys()].join(', ')} tests: ${reasons}; install the test servers with: ${INSTALL_HINT}`
}

export async function startServer(kind: ServerKind, opts: StartOptions = {}): Promise<FtpServer> {
  const missing = serverMissing(kind)
  if (missing !== undefined) throw new Error(missing)
  const account = ftpAccount()
  if (account === undefined) throw new Error("system account 'ftp' not found")
  const passiveCount = opts.passivePorts ?? DEFAULT_PASSIVE_PORTS
  if (baseKind(kind) === 'pure-ftpd' && passiveCount < 2 * PUREFTPD_PASSIVE_PER_CLIENT) {
    throw new Error('pure-ftpd needs at least 4 passive ports')
  }

  const ports = await reservePorts(passiveCount)
  // mkdtemp gives 0700: the server's account could not reach the root below it (FACTS).
  const dir = mkdtempSync(join(tmpdir(), `ftps-${kind}-`))
  chmodSync(dir, 0o755)
  let ownPki: TestPki | undefined
  const cleanup = (): void => {
    ports.release()
    rmSync(dir, { recursive: true, force: true })
    if (ownPki !== undefined) rmSync(ownPki.dir, { recursive: true, force: true })
  }
  const outFile = join(dir, 'stdout.log')
  let spec: LaunchSpec | undefined
  let proc: ServerProcess | undefined
  try {
    const pki = opts.pki ?? (ownPki = makeTestPki())
    const root = join(dir, 'root')
    mkdirSync(root, { mode: 0o755 })
    chownSync(root, account.uid, account.gid)
    const extraConfig = opts.extraConfig ?? []
    const ctx: LaunchContext = { dir, root, ports, pki, account, user: TEST_USER, password: TEST_PASSWORD, extraConfig }
    spec = buildSpec(kind, ctx, opts.hideDotfiles ?? kind === 'vsftpd-limited')
    proc = launch(spec, outFile)
    await waitForGreeting(ports.control, tlsOf(kind) === 'implicit' ? pki : undefined, proc, START_TIMEOUT_MS)
    return serverHandle(kind, ctx, spec, proc, cleanup)
  } catch (e) {
    const logs = concatLogs([outFile, ...(spec?.logFiles ?? [])])
    await proc?.stop()
    cleanup()
    throw new Error(`${kind} did not start: ${(e as Error).message}\n${logs}`, { cause: e })
  }
}

function serverHandle(
  kind: ServerKind,
  ctx: LaunchContext,
  spec: LaunchSpec,
  proc: ServerProcess,
  cleanup: () => void
): FtpServer {
  let stopped: Promise<void> | undefined
  return {
    kind,
    host: '127.0.0.1',
    port: ctx.ports.control,
    user: ctx.user,
    password: ctx.password,
    root: ctx.root,
    pki: ctx.pki,
    tls: tlsOf(kind),
    logFile: spec.mainLog,
    readLog: () => concatLogs([...spec.logFiles, proc.outFile]),
    pid: proc.pid,
    passivePorts: { min: ctx.ports.passiveMin, max: ctx.ports.passiveMax },
    putFile: (relPath, data) => putFile(ctx, relPath, data),
    stop: () => (stopped ??= proc.stop().finally(cleanup))
  }
}

/** The installed server a kind runs. */
function baseKind(kind: ServerKind): 'vsftpd' | 'pure-ftpd' | 'proftpd' | 'pyftpdlib' {
  if (kind.startsWith('vsftpd')) return 'vsftpd'
  if (kind.startsWith('pure-ftpd')) return 'pure-ftpd'
  return kind.startsWith('proftpd') ? 'proftpd' : 'pyftpdlib'
}

function buildSpec(kind: ServerKind, ctx: LaunchContext, hideDotfiles: boolean): LaunchSpec {
  const maxPerIp = (LIMITED_SERVERS as ServerKind[]).includes(kind) ? HOST_LIMIT : undefined
  switch (kind) {
    case 'vsftpd':
    case 'vsftpd-limited':
      return buildVsftpd(ctx, 'explicit', { maxPerIp, hideDotfiles })
    case 'vsftpd-tls12':
      return buildVsftpd(ctx, 'tls12', { hideDotfiles })
    case 'vsftpd-implicit':
      return buildVsftpd(ctx, 'implicit', { hideDotfiles })
    case 'vsftpd-plain':
      return buildVsftpd(ctx, 'plain', { hideDotfiles })
    case 'pure-ftpd':
    case 'pure-ftpd-limited':
      return buildPureFtpd(ctx, { maxPerIp, hideDotfiles })
    case 'proftpd':
    case 'proftpd-limited':
      return buildProftpd(ctx, { maxPerIp, hideDotfiles })
    case 'pyftpdlib':
    case 'windows-like':
      return buildPyftpd(ctx, { windows: kind === 'windows-like', hideDotfiles })
  }
}

function tlsOf(kind: ServerKind): FtpServer['tls'] {
  if (kind === 'vsftpd-implicit') return 'implicit'
  return kind === 'vsftpd-plain' ? 'none' : 'explicit'
}

/** Files and dirs the test seeds must belong to the server's account, or it cannot replace them. */
function putFile(ctx: LaunchContext, relPath: string, data: Buffer | string): string {
  const path = resolve(ctx.root, relPath.replace(/^\/+/, ''))
  if (!path.startsWith(ctx.root + sep)) throw new Error(`${relPath} is outside the server root`)
  const { uid, gid } = ctx.account
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 })
  chownTree(ctx.root, dirname(path), uid, gid)
  writeFileSync(path, data, { mode: 0o644 })
  chownSync(path, uid, gid)
  return path
}

/** chown every dir from just below root down to `dir`. */
function chownTree(root: string, dir: string, uid: number, gid: number): void {
  for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) chownSync(d, uid, gid)
}

function dirExists(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
