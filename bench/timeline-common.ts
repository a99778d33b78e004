/**
 * What bench/timeline.ts (a first deploy) and bench/timeline-redeploy.ts (a redeploy) share: the
 * latency proxy in a process of its own (in-process, the deploy's own CPU work, hashing above
 * all, delayed what the proxy forwarded and inflated the counts), and a log that prints every
 * protocol and info line with the round trip it came in (its time since `restart` / RTT).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import type { Log } from '../src/core/log.js'

export interface ChildProxy {
  port: number
  close(): Promise<void>
}

/** The latency proxy (bench/latency-proxy-child.ts) in front of a server, in a child process. */
export async function startChildProxy(
  server: { port: number; passivePorts: { min: number; max: number } },
  rttMs: number
): Promise<ChildProxy> {
  const { min, max } = server.passivePorts
  const args = ['tsx', 'bench/latency-proxy-child.ts', ...[server.port, min, max, rttMs].map(String)]
  const child = spawn('npx', args, { stdio: ['pipe', 'pipe', 'inherit'] })
  const [first] = (await once(child.stdout, 'data')) as [Buffer]
  return {
    port: Number(first.toString().trim()),
    close: async () => {
      child.stdin.end()
      await once(child, 'exit')
    }
  }
}

export interface TimelineLog {
  log: Log
  /** The lines so far. */
  lines: string[]
  /** Round trips since the last restart. */
  elapsed(): number
  /** Counts from now. */
  restart(): void
}

/** A log that keeps protocol lines (every connection's, `#N`-prefixed) and info lines, timed in round trips. */
export function timelineLog(rttMs: number): TimelineLog {
  let started = performance.now()
  const elapsed = (): number => (performance.now() - started) / rttMs
  const at = (): string => elapsed().toFixed(1).padStart(6)
  const lines: string[] = []
  const log: Log = {
    info: m => lines.push(`${at()}  info: ${m}`),
    warning: m => lines.push(`${at()}  warning: ${m}`),
    debug: m => {
      if (/^(#\w+ )?([<>] |Data connection|Connect|Trying)/.test(m)) lines.push(`${at()}  ${m.split('\n')[0]}`)
    },
    group: (_name, fn) => fn()
  }
  return {
    log,
    lines,
    elapsed,
    restart: () => {
      started = performance.now()
      lines.length = 0
    }
  }
}
