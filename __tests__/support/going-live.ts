/**
 * What the going-live tests read: this tool's temporaries on a server's disk, the commands a
 * server received in order (its own log where it logs commands, else the client's protocol
 * log), each command's exchange in the protocol log, and a poller of real names on disk.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { TEMP_NAME } from '../../src/core/temp-name.js'
import type { FtpServer } from '../harness/servers.js'

/** Temporaries of this tool under dir (any depth). */
export function temporaries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(p => TEMP_NAME.test(basename(p)))
}

export interface Exchange {
  command: string
  /** Index in the log of the line that sent it, and of its final reply's line. */
  sent: number
  answered: number
}

/** Each command of the protocol log with its final reply, per session (`#n` prefixes a session's lines). */
export function exchanges(lines: string[]): Exchange[] {
  const waiting = new Map<string, Exchange[]>()
  const out: Exchange[] = []
  lines.forEach((line, i) => {
    const m = /^debug: (#\d+ )?([<>]) (.*)$/.exec(line)
    if (m === null) return
    const session = m[1] ?? ''
    const queue = waiting.get(session) ?? []
    waiting.set(session, queue)
    if (m[2] === '>') {
      const exchange = { command: m[3]!, sent: i, answered: Infinity }
      queue.push(exchange)
      out.push(exchange)
    } else if (/^[2-5]\d\d /.test(m[3]!)) {
      // A final reply (1xx is preliminary; `211-` and indented lines continue a reply).
      const exchange = queue.shift()
      if (exchange !== undefined) exchange.answered = i
    }
  })
  return out
}

/** How each server logs a command it received: vsftpd, ProFTPD's ExtendedLog, pyftpdlib's debug log. */
const COMMAND_LINE = [
  /FTP command: Client "[^"]+", "([A-Z]+) ?(.*)"$/,
  /"([A-Z]+) ?([^"]*)" \d{3} /,
  /<- ([A-Z]+) ?(.*)$/
]

/** The commands (verb and argument) the server logged, in the order it received them; undefined where it logs none (pure-ftpd). */
export function serverCommands(server: FtpServer): string[] | undefined {
  if (server.kind.startsWith('pure-ftpd')) return undefined
  const text = readFileSync(server.logFile, 'latin1')
  const out: string[] = []
  for (const line of text.split('\n')) {
    for (const pattern of COMMAND_LINE) {
      const m = pattern.exec(line)
      if (m !== null) {
        out.push(`${m[1]} ${m[2]}`.trim())
        break
      }
    }
  }
  return out
}

/**
 * Reads every file of `expected` under root every few ms while a run goes on: each read must
 * find the old bytes or the new ones (or, where `missingAllowed`, no file: a server that clears
 * a name before a rename onto it). Returns what it saw that it should not have.
 */
export function pollRealNames(
  root: string,
  expected: Record<string, { old?: Buffer; fresh: Buffer }>,
  missingAllowed = false
): { stop(): string[]; reads(): number } {
  const wrong: string[] = []
  let reads = 0
  const timer = setInterval(() => {
    for (const [path, { old, fresh }] of Object.entries(expected)) {
      let bytes: Buffer | undefined
      try {
        bytes = readFileSync(join(root, path))
      } catch {
        bytes = undefined
      }
      reads += 1
      if (bytes === undefined) {
        if (old !== undefined && !missingAllowed) wrong.push(`${path}: missing`)
      } else if (!bytes.equals(fresh) && !(old !== undefined && bytes.equals(old))) {
        wrong.push(`${path}: ${bytes.length} bytes, neither old nor new`)
      }
    }
  }, 3)
  return {
    stop: () => {
      clearInterval(timer)
      return wrong
    },
    reads: () => reads
  }
}
