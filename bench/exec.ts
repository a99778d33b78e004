/**
 * Runs one timed command: wall time measured here (spawn to exit), peak RSS of the command
 * itself from `/usr/bin/time -f %M` (getrusage's ru_maxrss, exact) or, without it, by polling
 * /proc/<pid>/status VmHWM (may miss a final spike). stdout and stderr go to files, never to
 * pipes, so a chatty tool cannot block or slow down on a full pipe.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

export const GNU_TIME = '/usr/bin/time'

export interface Command {
  cmd: string
  args: string[]
  env: NodeJS.ProcessEnv
  cwd: string
}

export interface Execution {
  seconds: number
  /** Exit code, or undefined when killed by a signal (timeout included). */
  code: number | undefined
  timedOut: boolean
  /** Set when the run was killed for using more than the RSS cap: the group's RSS then, in KiB. */
  killedAtRssKiB: number | undefined
  /** Peak resident set size of the command in KiB, when it could be measured. */
  peakRssKiB: number | undefined
  stdout: string
  stderr: string
}

export interface Limits {
  timeoutMs: number
  /** Kill the run when its process group's resident memory exceeds this many KiB. */
  maxRssKiB: number
}

/**
 * Runs `command` with its output in `logDir`/<name>.{stdout,stderr}; kills its process group
 * after the timeout or above the RSS cap (a leaking tool must not take the machine down).
 */
export async function execute(command: Command, logDir: string, name: string, limits: Limits): Promise<Execution> {
  const outPath = join(logDir, `${name}.stdout`)
  const errPath = join(logDir, `${name}.stderr`)
  const rssPath = join(logDir, `${name}.rss`)
  const useTime = existsSync(GNU_TIME)
  const [cmd, args] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssPath, command.cmd, ...command.args]]
    : [command.cmd, command.args]
  const out = openSync(outPath, 'w')
  const err = openSync(errPath, 'w')
  const started = performance.now()
  // detached: its own process group, so a timeout kills the tool and everything it started
  const child = spawn(cmd, args, { cwd: command.cwd, env: command.env, stdio: ['ignore', out, err], detached: true })
  closeSync(out)
  closeSync(err)
  let timedOut = false
  let killedAtRssKiB: number | undefined
  let polledKiB: number | undefined
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child.pid)
  }, limits.timeoutMs)
  const poller = setInterval(
    () => {
      if (!useTime) {
        const kib = vmHwmKiB(child.pid)
        if (kib !== undefined) polledKiB = Math.max(polledKiB ?? 0, kib)
      }
      const groupKiB = groupRssKiB(child.pid)
      if (groupKiB > limits.maxRssKiB && killedAtRssKiB === undefined) {
        killedAtRssKiB = groupKiB
        killGroup(child.pid)
      }
    },
    useTime ? 250 : 20
  )
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => {
    child.once('error', () => resolve({ code: 127, signal: null }))
    child.once('exit', (c, s) => resolve({ code: c, signal: s }))
  })
  const seconds = (performance.now() - started) / 1000
  clearTimeout(timer)
  if (poller !== undefined) clearInterval(poller)
  killGroup(child.pid) // anything the tool left running in its group
  const peakRssKiB = useTime ? timeRss(rssPath) : polledKiB
  return {
    seconds,
    code: signal === null && code !== null ? code : undefined,
    timedOut,
    killedAtRssKiB,
    peakRssKiB,
    stdout: readQuiet(outPath),
    stderr: readQuiet(errPath)
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** GNU time writes "Command exited with non-zero status N" or "Command terminated by signal" before %M. */
function timeRss(path: string): number | undefined {
  const last = readQuiet(path).trim().split('\n').pop() ?? ''
  return /^\d+$/.test(last) ? Number(last) : undefined
}

/** The summed VmRSS of the live processes in process group `pgid`. */
function groupRssKiB(pgid: number | undefined): number {
  if (pgid === undefined) return 0
  let total = 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = readQuiet(`/proc/${name}/stat`)
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parens
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== pgid) continue
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readQuiet(`/proc/${name}/status`))
    if (match !== null) total += Number(match[1])
  }
  return total
}

function vmHwmKiB(pid: number | undefined): number | undefined {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readQuiet(`/proc/${pid}/status`))
  return match === null ? undefined : Number(match[1])
}

export function readQuiet(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** The last `n` non-empty lines of a tool's output, on one line, for a failure reason. */
export function tail(text: string, n = 3, max = 400): string {
  const lines = text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const joined = lines.slice(-n).join(' / ')
  return joined.length > max ? '…' + joined.slice(-max) : joined
}
