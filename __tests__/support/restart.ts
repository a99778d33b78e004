/**
 * Crashes a harness server and starts it again on the same ports, root and configuration, as a
 * process of the test's own: a server killed and restarted mid-deploy. Linux only (reads /proc),
 * like the servers themselves.
 *
 * The whole server goes: its process group and every process descended from it (vsftpd puts each
 * session in a session of its own, so killing the listener's group alone leaves live sessions).
 * The command line is read from the harness's watchdog shell, a child of the server whose argv
 * holds it verbatim (pure-ftpd and proftpd rewrite their own argv).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launch, type ServerProcess, sleep, waitForGreeting } from '../harness/server-runtime.js'

export interface Crashable {
  pid: number
  port: number
}

export interface Crash {
  /** How many processes were killed (the listener and its sessions). */
  killed: number
  /** Starts the same server again; resolves once it greets on the same port. */
  restart(outDir: string): Promise<ServerProcess>
}

interface ProcInfo {
  pid: number
  ppid: number
  pgid: number
  zombie: boolean
}

function readQuiet(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function processes(): ProcInfo[] {
  const out: ProcInfo[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = readQuiet(`/proc/${name}/stat`)
    if (stat === '') continue
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parens, so split after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    out.push({ pid: Number(name), ppid: Number(fields[1]), pgid: Number(fields[2]), zombie: fields[0] === 'Z' })
  }
  return out
}

/** The server's process group plus every descendant of the server, living ones only. */
function serverProcesses(pid: number): number[] {
  const all = processes()
  const found = new Set<number>(all.filter(p => p.pgid === pid).map(p => p.pid))
  found.add(pid)
  for (let grew = true; grew;) {
    grew = false
    for (const p of all) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid)
        grew = true
      }
    }
  }
  const living = new Set(all.filter(p => !p.zombie).map(p => p.pid))
  return [...found].filter(p => living.has(p))
}

function nulList(path: string): string[] {
  return readQuiet(path).split('\0').filter(Boolean)
}

/** The spec the harness launched: `/bin/sh -c WATCHDOG ftps-test-server <command> <args...>`. */
function launchedCommand(pid: number): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  for (const p of processes()) {
    if (p.ppid !== pid) continue
    const argv = nulList(`/proc/${p.pid}/cmdline`)
    const at = argv.indexOf('ftps-test-server')
    if (argv[0] !== '/bin/sh' || at < 0) continue
    const env: NodeJS.ProcessEnv = {}
    for (const entry of nulList(`/proc/${p.pid}/environ`)) {
      const eq = entry.indexOf('=')
      if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1)
    }
    return { command: argv[at + 1], args: argv.slice(at + 2), env }
  }
  throw new Error(`no harness watchdog under server PID ${pid}: cannot tell how to restart it`)
}

/** SIGKILLs the server and all its sessions (all connections drop at once), like a crash. */
export async function crashServer(server: Crashable): Promise<Crash> {
  const spec = launchedCommand(server.pid)
  const victims = serverProcesses(server.pid)
  for (const pid of victims) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000
  while (serverProcesses(server.pid).length > 0 && Date.now() < deadline) await sleep(10)
  if (serverProcesses(server.pid).length > 0) throw new Error(`server PID ${server.pid} survived SIGKILL`)
  return {
    killed: victims.length,
    restart: async outDir => {
      const outFile = join(outDir, `restarted-${server.pid}.log`)
      const proc = launch({ ...spec, mainLog: outFile, logFiles: [] }, outFile)
      try {
        await waitForGreeting(server.port, undefined, proc, 10_000)
      } catch (err) {
        await proc.stop()
        throw new Error(`restart failed: ${(err as Error).message}\n${readQuiet(outFile)}`, { cause: err })
      }
      return proc
    }
  }
}
