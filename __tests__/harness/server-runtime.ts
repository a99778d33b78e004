/**
 * What the three FTP servers' harnesses share: where the binaries live, the system account
 * that owns uploads, port reservation, and starting/stopping a server as its own process group.
 * See shared/FACTS.md "Running the three servers here".
 */
import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import tls from 'node:tls'
import type { TestPki } from './certs.js'

/** Where scripts/install-servers.sh unpacks pure-ftpd and proftpd (keep in sync with it). */
export const SERVERS_DIR = process.env.FTPS_DEPLOY_SERVERS_DIR ?? '/opt/ftps-deploy-servers'
export const INSTALL_HINT = 'sudo bash scripts/install-servers.sh'

/** Everything a server-specific module needs to write its configuration. */
export interface LaunchContext {
  /** Private temp dir (0755) for config, logs and pid files. */
  dir: string
  /** The FTP user's home; owned by `account`. */
  root: string
  ports: PortBlock
  user: string
  password: string
  pki: TestPki
  account: Account
  /** Config lines (vsftpd, proftpd) or command-line flags (pure-ftpd) appended last. */
  extraConfig: string[]
}

export interface LaunchSpec {
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  /** The log tests usually assert on. */
  mainLog: string
  /** Every log the server writes, mainLog included. */
  logFiles: string[]
}

// ---------------------------------------------------------------------------------------------
// Binaries and accounts

/** Full path of `cmd` found on PATH, or undefined. */
export function which(cmd: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).concat(['/usr/sbin', '/sbin'])
  return dirs.map(d => join(d, cmd)).find(p => existsSync(p))
}

/** First of the candidate paths that exists. */
export const firstExisting = (paths: string[]): string | undefined => paths.find(p => existsSync(p))

export interface Account {
  name: string
  uid: number
  gid: number
  group: string
  home: string
}

/**
 * The system account `ftp` (vsftpd's package makes it). vsftpd's guest user must have an
 * existing home, else login ends in a plaintext "500 OOPS" (FACTS), so `nobody` won't do.
 */
export function ftpAccount(): Account | undefined {
  const entry = readDb('/etc/passwd').find(f => f[0] === 'ftp')
  if (entry === undefined) return undefined
  const gid = Number(entry[3])
  const group = readDb('/etc/group').find(f => Number(f[2]) === gid)?.[0] ?? String(gid)
  return { name: 'ftp', uid: Number(entry[2]), gid, group, home: entry[5] ?? '' }
}

function readDb(path: string): string[][] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => l.split(':'))
}

// ---------------------------------------------------------------------------------------------
// Ports: a control port plus a passive range, as one block no other jest worker can take.
// Blocks are claimed with an O_EXCL lock file holding our PID (stale ones are taken over), and
// lie below the kernel's ephemeral range so no client socket can sit on a passive port.

export interface PortBlock {
  control: number
  passiveMin: number
  passiveMax: number
  release(): void
}

const BLOCK = 64
const LOCK_DIR = join(tmpdir(), 'ftps-deploy-port-locks')

export async function reservePorts(passiveCount: number): Promise<PortBlock> {
  const [first, last] = portRegion()
  const need = 1 + passiveCount
  const blocksNeeded = Math.ceil(need / BLOCK)
  const blockCount = Math.floor((last - first + 1) / BLOCK)
  mkdirSync(LOCK_DIR, { recursive: true })
  for (let attempt = 0; attempt < 100; attempt++) {
    const start = Math.floor(Math.random() * (blockCount - blocksNeeded + 1))
    const locks = lockBlocks(start, blocksNeeded)
    if (locks === undefined) continue
    const base = first + start * BLOCK
    const release = (): void => locks.forEach(l => rmQuiet(l))
    if (await allFree(base, need)) {
      return { control: base, passiveMin: base + 1, passiveMax: base + passiveCount, release }
    }
    release()
  }
  throw new Error('no free port block for an FTP server after 100 tries')
}

/** Ports 10000 up to the start of the ephemeral range (or above it when that is too low). */
function portRegion(): [number, number] {
  let [lo, hi] = [32768, 60999]
  try {
    ;[lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number) as [
      number,
      number
    ]
  } catch {
    // not Linux: keep the usual defaults
  }
  return lo - 10000 >= 4 * BLOCK ? [10000, lo - 1] : [hi + 1, 65535]
}

function lockBlocks(start: number, count: number): string[] | undefined {
  const taken: string[] = []
  for (let b = start; b < start + count; b++) {
    const path = join(LOCK_DIR, `block-${b}`)
    if (!tryLock(path)) {
      taken.forEach(l => rmQuiet(l))
      return undefined
    }
    taken.push(path)
  }
  return taken
}

function tryLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' })
    return true
  } catch {
    const owner = Number(readQuiet(path))
    if (owner > 0 && pidAlive(owner)) return false
    rmQuiet(path) // left by a dead process; one retry (if another worker beat us, it wins)
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' })
      return true
    } catch {
      return false
    }
  }
}

async function allFree(base: number, count: number): Promise<boolean> {
  const ports = Array.from({ length: count }, (_, i) => base + i)
  const results = await Promise.all(ports.map(isFree))
  return results.every(Boolean)
}

function isFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve(true)))
  })
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface ServerProcess {
  pid: number
  /** stdout + stderr + stdin of the server (vsftpd writes startup errors to fd 0, FACTS). */
  outFile: string
  exitReason(): string | undefined
  stop(): Promise<void>
}

const running = new Set<ServerProcess>()

// A worker that exits without afterAll (crash, --forceExit) must not leave servers behind.
process.once('exit', () => {
  for (const p of running) signalGroup(p.pid, 'SIGKILL')
})

/**
 * Starts the server in its own session and process group (Node's `detached` is setsid(2)), with
 * one read-write file as fd 0, 1 and 2. A watchdog in the group kills it when this process dies
 * without stopping it (a killed or timed-out jest worker): it waits for EOF on a pipe only we hold.
 * The shell then execs the server, so the recorded PID is the server's.
 */
const WATCHDOG = '(read -r _ <&3; kill -KILL 0) & exec "$@" 3<&-'

export function launch(spec: LaunchSpec, outFile: string): ServerProcess {
  const fd = openSync(outFile, 'a+')
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'ftps-test-server', spec.command, ...spec.args], {
    detached: true,
    stdio: [fd, fd, fd, 'pipe'],
    env: spec.env ?? process.env
  })
  closeSync(fd)
  const lifeline = child.stdio[3] as net.Socket | null
  lifeline?.unref() // only its EOF matters; it must not keep the worker alive
  let exit: string | undefined
  child.once('error', err => (exit = `spawn failed: ${err.message}`))
  child.once('exit', (code, signal) => (exit = `exited with ${signal ?? `code ${code}`}`))
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${spec.command}`)
  const proc: ServerProcess = {
    pid,
    outFile,
    exitReason: () => exit,
    stop: async () => {
      running.delete(proc)
      await killGroup(pid)
      lifeline?.destroy()
    }
  }
  running.add(proc)
  return proc
}

/** SIGTERM to the group, then SIGKILL if anything of it is left after 3 s. */
async function killGroup(pgid: number): Promise<void> {
  signalGroup(pgid, 'SIGTERM')
  if (await groupGone(pgid, 3000)) return
  signalGroup(pgid, 'SIGKILL')
  if (!(await groupGone(pgid, 3000))) throw new Error(`process group ${pgid} survived SIGKILL`)
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // ESRCH: already gone
  }
}

/**
 * Polls /proc for live members of the group. kill(-pgid, 0) is not enough: session children
 * re-parented to PID 1 stay zombies here (PID 1 is not an init that reaps).
 */
async function groupGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!groupHasLiveMembers(pgid)) return true
    await sleep(25)
  }
  return !groupHasLiveMembers(pgid)
}

function groupHasLiveMembers(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0)
      return true
    } catch {
      return false
    }
  }
  return readdirSync('/proc').some(name => {
    if (!/^\d+$/.test(name)) return false
    const stat = readQuiet(`/proc/${name}/stat`)
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parens, so split after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[2]) === pgid && fields[0] !== 'Z'
  })
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// ---------------------------------------------------------------------------------------------
// Readiness

/**
 * Waits until the control port greets with 220 (for implicit TLS: after the TLS handshake,
 * verified against the test CA). Throws if the process exits, answers otherwise, or time runs out.
 */
export async function waitForGreeting(
  port: number,
  implicitTls: TestPki | undefined,
  proc: ServerProcess,
  timeoutMs: number
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    const exited = proc.exitReason()
    if (exited !== undefined) throw new Error(`server ${exited} before greeting`)
    let greeting: string | undefined
    try {
      greeting = await readGreeting(port, implicitTls)
    } catch (e) {
      const err = e as NodeJS.ErrnoException
      last = err.code ?? err.message // ECONNREFUSED until the server listens
    }
    if (greeting?.startsWith('220')) return
    if (greeting !== undefined) throw new Error(`server greeted with: ${JSON.stringify(greeting)}`)
    await sleep(100)
  }
  throw new Error(`no 220 greeting on port ${port} within ${timeoutMs} ms (last: ${last})`)
}

function readGreeting(port: number, implicitTls: TestPki | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = implicitTls
      ? tls.connect({ host: '127.0.0.1', port, ca: implicitTls.caCert, servername: 'localhost' })
      : net.connect({ host: '127.0.0.1', port })
    socket.setTimeout(2000, () => socket.destroy(new Error('greeting timeout')))
    socket.once('error', reject)
    socket.once('data', (data: Buffer) => {
      resolve(data.toString('latin1'))
      socket.destroy()
    })
    socket.once('close', () => reject(new Error('closed before greeting')))
  })
}

// ---------------------------------------------------------------------------------------------
// Small file helpers

export function readQuiet(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

export function rmQuiet(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // already gone
  }
}

/** Every existing file's content under a header, for error messages and log assertions. */
export function concatLogs(files: string[]): string {
  return files
    .filter(f => existsSync(f))
    .map(f => `==> ${f} <==\n${readQuiet(f)}`)
    .join('\n')
}

export const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))
