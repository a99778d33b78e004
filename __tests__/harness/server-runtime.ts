/**
 * What the three FTP servers' harnesses share: where the binaries live, the system account
 * that owns uploads, and starting/stopping a server as its own process group.
 * See shared/FACTS.md "Running the three servers here".
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, readdirSync, unlinkSync } from 'node:fs'
import net from 'node:net'
import { delimiter, join } from 'node:path'
import tls from 'node:tls'
import type { TestPki } from './certs.js'
import type { PortBlock } from './ports.js'

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
