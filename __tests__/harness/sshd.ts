/**
 * OpenSSH's sshd (Debian's openssh-server, /usr/sbin/sshd) for the SFTP suites, configured as
 * shared hosts run it: `internal-sftp` forced, the test user chrooted (a root-owned chroot, a
 * writable `site` dir inside where login lands), password and key login, host keys made fresh
 * per start with ssh-keygen, and a `limited` profile that caps sessions (MaxSessions 1,
 * MaxStartups 2). It logs at DEBUG to a file the tests read.
 *
 * sshd refuses a chroot any of whose path components is group- or world-writable (so not under
 * /tmp): chroots live under SSHD_BASE, root-owned 0755. The test user is the system account
 * `sftpdeploy` (scripts/install-servers.sh makes it; created here with useradd if missing), its
 * password set with chpasswd on every start (the same constant for every worker).
 *
 *   const server = await startSshd()
 *   try { ... } finally { await server.stop() }
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import net from 'node:net'
import { reservePorts } from './ports.js'
import { concatLogs, INSTALL_HINT, launch, type ServerProcess, sleep } from './server-runtime.js'

export const SSHD_BIN = '/usr/sbin/sshd'
export const SFTP_USER = 'sftpdeploy'
export const SFTP_PASSWORD = 'test-Ssh-Pa55word-not-secret'
/** Root-owned, 0755 all the way up: where the chroots live (sshd refuses /tmp). */
export const SSHD_BASE = process.env.FTPS_DEPLOY_SSHD_DIR ?? '/var/lib/ftps-deploy-sshd'
/** The dir inside the chroot the user may write and lands in, as the client sees it. */
export const SITE = '/site'
/** The `limited` profile's caps: channels per connection, and connections not yet logged in. */
export const LIMITED_SESSIONS = 1
export const LIMITED_STARTUPS = 2

export interface SshdOptions {
  /** Cap sessions: MaxSessions and MaxStartups as LIMITED_*; also sshd_config lines. */
  limited?: boolean
  /** sshd_config lines added to the Match block of the test user (they override). */
  extraConfig?: string[]
  /** Public keys (OpenSSH one-line form) the test user may log in with. */
  authorizedKeys?: string[]
}

export interface SshdServer {
  host: '127.0.0.1'
  port: number
  user: string
  password: string
  /** Absolute dir on disk that is `/site` for the client (login lands there). */
  root: string
  /** The chroot dir (root-owned, not writable by the user). */
  chroot: string
  /** The host's public key as known_hosts wants it ("ssh-ed25519 AAAA..."). */
  hostKey: string
  /** The host key's fingerprint as ssh-keygen -l prints it ("SHA256:..."). */
  hostFingerprint: string
  /** The DEBUG log sshd writes (-E). */
  logFile: string
  readLog(): string
  pid: number
  /** Writes a file under root owned by the test user (so it may replace or delete it). */
  putFile(relPath: string, data: Buffer | string): string
  stop(): Promise<void>
}

/** undefined if sshd can run here, else one line saying what is missing and how to install it. */
export function sshdMissing(): string | undefined {
  if (process.platform !== 'linux') return 'sshd: the test servers run on Linux only'
  if (process.getuid?.() !== 0) return 'sshd: starting it needs root'
  if (!existsSync(SSHD_BIN)) return `sshd: ${SSHD_BIN} not installed; install the test servers with: ${INSTALL_HINT}`
  return undefined
}

/** True when the SFTP suites should skip: sshd missing and not CI (CI=true requires every server). */
export const sshdSkipped = (): boolean => sshdMissing() !== undefined && process.env.CI !== 'true'

export async function startSshd(opts: SshdOptions = {}): Promise<SshdServer> {
  const missing = sshdMissing()
  if (missing !== undefined) throw new Error(missing)
  const account = ensureUser()
  mkdirSync(SSHD_BASE, { recursive: true, mode: 0o755 })
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }) // privilege separation dir
  const ports = await reservePorts(0)
  const dir = mkdtempSync(join(SSHD_BASE, 'run-'))
  execFileSync('chmod', ['755', dir])
  const chroot = join(dir, 'chroot')
  const root = join(chroot, SITE.slice(1))
  mkdirSync(root, { recursive: true, mode: 0o755 })
  chownSync(root, account.uid, account.gid)
  const log = join(dir, 'sshd.log')
  const outFile = join(dir, 'stdout.log')
  let proc: ServerProcess | undefined
  const cleanup = (): void => {
    ports.release()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const hostKeyFile = join(dir, 'host_ed25519')
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ftps-deploy-test-host', '-f', hostKeyFile])
    const hostKey = readFileSync(`${hostKeyFile}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ')
    const hostFingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${hostKeyFile}.pub`], { encoding: 'utf8' })
      .split(' ')[1]!
      .trim()
    const authorized = join(dir, 'authorized_keys')
    writeFileSync(authorized, (opts.authorizedKeys ?? []).map(k => `${k.trim()}\n`).join(''), { mode: 0o644 })
    const conf = join(dir, 'sshd_config')
    writeFileSync(conf, config(ports.control, hostKeyFile, authorized, chroot, opts).join('\n') + '\n')
    execFileSync(SSHD_BIN, ['-t', '-f', conf]) // a bad config fails here, with sshd's words
    proc = launch({ command: SSHD_BIN, args: ['-D', '-f', conf, '-E', log], mainLog: log, logFiles: [log] }, outFile)
    await waitForBanner(ports.control, proc)
    let stopped: Promise<void> | undefined
    const p = proc
    return {
      host: '127.0.0.1',
      port: ports.control,
      user: SFTP_USER,
      password: SFTP_PASSWORD,
      root,
      chroot,
      hostKey,
      hostFingerprint,
      logFile: log,
      readLog: () => concatLogs([log, outFile]),
      pid: p.pid,
      putFile: (relPath, data) => putFile(root, account, relPath, data),
      stop: () => (stopped ??= p.stop().finally(cleanup))
    }
  } catch (e) {
    const logs = concatLogs([outFile, log])
    await proc?.stop()
    cleanup()
    throw new Error(`sshd did not start: ${(e as Error).message}\n${logs}`, { cause: e })
  }
}

function config(port: number, hostKey: string, authorized: string, chroot: string, opts: SshdOptions): string[] {
  return [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${hostKey}`,
    `PidFile none`,
    'LogLevel DEBUG',
    'UsePAM no', // passwords from /etc/shadow (chpasswd), no PAM session
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${authorized}`,
    'StrictModes no',
    'PermitRootLogin no',
    `AllowUsers ${SFTP_USER}`,
    'Subsystem sftp internal-sftp',
    ...(opts.limited === true ? [`MaxSessions ${LIMITED_SESSIONS}`, `MaxStartups ${LIMITED_STARTUPS}`] : []),
    `Match User ${SFTP_USER}`,
    `  ChrootDirectory ${chroot}`,
    `  ForceCommand internal-sftp -d ${SITE}`,
    '  AllowTcpForwarding no',
    '  X11Forwarding no',
    ...(opts.extraConfig ?? []).map(l => `  ${l}`)
  ]
}

interface Account {
  uid: number
  gid: number
}

/** The test user: created if missing (useradd, no home, nologin), its password set each time. */
function ensureUser(): Account {
  const find = (): string[] | undefined =>
    readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map(l => l.split(':'))
      .find(f => f[0] === SFTP_USER)
  if (find() === undefined) {
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SFTP_USER])
    } catch {
      // a worker alongside made it first
    }
  }
  const entry = find()
  if (entry === undefined) throw new Error(`could not create the system account ${SFTP_USER}`)
  execFileSync('chpasswd', [], { input: `${SFTP_USER}:${SFTP_PASSWORD}\n` })
  return { uid: Number(entry[2]), gid: Number(entry[3]) }
}

function putFile(root: string, account: Account, relPath: string, data: Buffer | string): string {
  const path = resolve(root, relPath.replace(/^\/+/, ''))
  if (!path.startsWith(root + sep)) throw new Error(`${relPath} is outside the server root`)
  mkdirSync(dirname(path), { recursive: true, mode: 0o755 })
  for (let d = dirname(path); d !== root && d.startsWith(root + sep); d = dirname(d)) {
    chownSync(d, account.uid, account.gid)
  }
  writeFileSync(path, data, { mode: 0o644 })
  chownSync(path, account.uid, account.gid)
  return path
}

/** Waits for the "SSH-2.0-" banner on the port (sshd listens once its config is read). */
async function waitForBanner(port: number, proc: ServerProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    const exited = proc.exitReason()
    if (exited !== undefined) throw new Error(`sshd ${exited} before its banner`)
    try {
      const banner = await readBanner(port)
      if (banner.startsWith('SSH-2.0-')) return
      last = banner
    } catch (e) {
      last = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    }
    await sleep(100)
  }
  throw new Error(`no SSH banner on port ${port} within ${timeoutMs} ms (last: ${last})`)
}

function readBanner(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.setTimeout(2000, () => socket.destroy(new Error('banner timeout')))
    socket.once('error', reject)
    socket.once('data', (data: Buffer) => {
      resolve(data.toString('latin1'))
      socket.destroy()
    })
    socket.once('close', () => reject(new Error('closed before banner')))
  })
}
