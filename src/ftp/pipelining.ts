/**
 * Commands sent together (RFC 959 asks servers to queue commands that arrive early): which
 * reply can belong to which command. A server whose replies stop matching (one that drops queued
 * commands, or sends one reply too many, such as pyftpdlib 1.5.7's late 226 after a refused
 * transfer) gets one command at a time for the rest of the run: the server record's `pipelining`.
 */
import type { OpOutcome, RemoteOp, Reply } from '../core/remote-session.js'
import type { ServerRecord } from '../core/server-record.js'

/** The success codes of commands whose success reply is their own (RFC 959, 2428, 3659). */
const SUCCESS: Record<string, number[]> = {
  USER: [230, 331, 332],
  PASS: [230, 202, 332],
  RNFR: [350],
  SIZE: [213],
  STAT: [211, 212, 213],
  EPSV: [229],
  PASV: [227],
  MKD: [257],
  PWD: [257],
  FEAT: [211],
  OPTS: [200],
  HASH: [213],
  XSHA256: [250],
  XSHA512: [250],
  XSHA1: [250],
  XMD5: [250]
}

/** Codes that answer only such commands (or a transfer): never a plain command's success. */
const OWNED = new Set([211, 212, 213, 226, 227, 229, 257])

/** Whether `reply` can be the answer to `command`: a refusal can be anyone's, a success only its own. */
export function fitsCommand(command: string, reply: Reply): boolean {
  if (reply.code >= 400 && reply.code < 600) return true
  const success = SUCCESS[command.split(' ')[0]!.toUpperCase()]
  if (success !== undefined) return success.includes(reply.code)
  return reply.code >= 200 && reply.code < 300 && !OWNED.has(reply.code)
}

/** The size in a 213 reply to SIZE (RFC 3659 4.2); undefined for any other reply. */
export function sizeIn(reply: Reply): number | undefined {
  const size = reply.code === 213 ? Number.parseInt(reply.message.slice(4).trim(), 10) : NaN
  return Number.isSafeInteger(size) ? size : undefined
}

/**
 * Words a server uses when its configuration refuses a command (vsftpd `cmds_denied`: `550
 * Permission denied.`; ProFTPD `<Limit>`: `550 SIZE: Operation not permitted`), as opposed to a
 * file that is not there (`550 Could not get file size.`, `550 /x: No such file or directory`).
 */
const DENIED = /permission|not permitted|not allowed|denied|disabled|forbidden|refused/i

/**
 * SIZE unavailable for this session (RFC 3659 is optional): not offered (500, 502) or refused by
 * the server's configuration (550 with the words of a refusal). Sizes then come from listings.
 */
export function sizeUnavailable(reply: Reply): boolean {
  return reply.code === 500 || reply.code === 502 || (reply.code === 550 && DENIED.test(reply.message))
}

/** pure-ftpd and ProFTPD glob STAT's argument: such names are listed with LIST (issue 11). */
export const globbed = (path: string): boolean => /[[\]*?{}]/.test(path)

/**
 * Most bytes of commands in one write. ProFTPD and pure-ftpd with TLS read 4,096 bytes of a TLS
 * record and leave the rest inside OpenSSL, unread until more input comes (FACTS.md): a burst
 * above that stalls until the control timeout. Half of it leaves room for any server that reads
 * less; each write's replies are read before the next goes (a round trip per 2 KB).
 */
export const BATCH_BYTES = 2048
/** Most commands in one write (64 short MKDs fill BATCH_BYTES). */
export const BATCH_COMMANDS = 64

/** Most bytes and commands in one write to this server: the record's burstBytes (vsftpd), else BATCH_BYTES. */
export function burstOf(server: Pick<ServerRecord, 'burstBytes'>): { bytes: number; commands: number } {
  const bytes = server.burstBytes ?? BATCH_BYTES
  return { bytes, commands: Math.max(BATCH_COMMANDS, Math.floor((BATCH_COMMANDS * bytes) / BATCH_BYTES)) }
}
/**
 * The longest command line sent, CRLF included. pyftpdlib answers a line over 2,048 bytes with
 * `500 Command too long.` and then the rest of it as another command (every later reply one
 * behind); above 4,096 bytes vsftpd answers `500 Input line too long.` and hangs up, ProFTPD
 * answers nothing at all and pure-ftpd `421 Line too long`.
 */
export const MAX_LINE_BYTES = 2048

/**
 * Splits commands, given their line lengths in bytes (CRLF included), into writes of at most
 * `maxBytes` and `maxCommands` each (a line longer than `maxBytes` goes alone): the index after
 * each write's last command.
 */
export function batchEnds(lineBytes: number[], maxBytes = BATCH_BYTES, maxCommands = BATCH_COMMANDS): number[] {
  const ends: number[] = []
  let bytes = 0
  let start = 0
  lineBytes.forEach((length, i) => {
    if (i > start && (bytes + length > maxBytes || i - start >= maxCommands)) {
      ends.push(i)
      start = i
      bytes = 0
    }
    bytes += length
  })
  if (lineBytes.length > start) ends.push(lineBytes.length)
  return ends
}

/** A command as a failure names it: the verb and its path; the argument of PASS and ACCT never. */
export function commandNamed(command: string): string {
  const verb = command.split(' ')[0]!.toUpperCase()
  return verb === 'PASS' || verb === 'ACCT' ? verb : command
}

/** Why `command` (its line `bytes` long, CRLF included) must not be sent, or undefined. */
export function lineTooLong(command: string, bytes: number): string | undefined {
  if (bytes <= MAX_LINE_BYTES) return undefined
  return (
    `${commandNamed(command)}: the path is too long for an FTP command line (${bytes} bytes with the command; ` +
    `at most ${MAX_LINE_BYTES} are sent: pyftpdlib reads no longer lines, vsftpd and ProFTPD none over 4096)`
  )
}

/** The FTP command of each change sent together (`together`, an upload's `first`). */
const VERB: Record<RemoteOp['kind'], string> = { mkdir: 'MKD', rmdir: 'RMD', remove: 'DELE' }
export const opCommand = (op: RemoteOp): string => `${VERB[op.kind]} ${op.path}`

/** A change's outcome from its reply: a 2xx is done, anything else the server's refusal. */
export const outcome = (r: Reply): OpOutcome =>
  r.code >= 200 && r.code < 300 ? { done: true } : { done: false, code: r.code, reply: r.message }

/**
 * Whether what came to a reply handler is a reply (a code, FTPError's included) rather than a
 * lost connection or a timeout. Not `instanceof Error`: Node's own errors (ECONNRESET) may come
 * from another realm (a test's VM context), and are replies to nothing.
 */
export const isReply = (res: unknown): res is Reply => typeof (res as { code?: unknown } | null)?.code === 'number'
