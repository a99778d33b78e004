/**
 * Commands sent together (RFC 959 asks servers to queue commands that arrive early): which
 * reply can belong to which command, and the run's switch that turns it off for good once a
 * server's replies stop matching (a server that drops queued commands, or sends one reply too
 * many, such as pyftpdlib 1.5.7's late 226 after a refused transfer).
 */
import { Log } from '../core/log.js'
import type { Reply } from './basic-ftp.js'

/** The success codes of commands whose success reply is their own (RFC 959, 2428, 3659). */
const SUCCESS: Record<string, number[]> = {
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

/** The run's switches, shared by its sessions: on until a server's replies do not match. */
export class Pipelining {
  on = true
  /** Uploads start TLS on their data connection before the server's 1xx, until a server resets one. */
  earlyTls = true

  constructor(private readonly log: Log) {}

  /** A server reset a data connection whose TLS started before its 1xx: after the 1xx from now on. */
  earlyTlsReset(): void {
    if (!this.earlyTls) return
    this.earlyTls = false
    this.log.warning(
      'The server reset a data connection whose TLS handshake started before its reply to STOR (pyftpdlib before 1.5.9 does): ' +
        'data connections start TLS after the reply from now on (a round trip more per file)'
    )
  }

  /** Turns pipelining off for the rest of the run, saying so once. */
  confused(why: string): void {
    if (!this.on) return
    this.on = false
    this.log.warning(
      `The server's replies to commands sent together did not match them (${why}): sending one command at a time from now on`
    )
  }
}

/** The size in a 213 reply to SIZE (RFC 3659 4.2); undefined for any other reply. */
export function sizeIn(reply: Reply): number | undefined {
  const size = reply.code === 213 ? Number.parseInt(reply.message.slice(4).trim(), 10) : NaN
  return Number.isSafeInteger(size) ? size : undefined
}

/** pure-ftpd and ProFTPD glob STAT's argument: such names are listed with LIST (issue 11). */
export const globbed = (path: string): boolean => /[[\]*?{}]/.test(path)

/**
 * Servers that mishandle commands sent before the previous reply, by their greeting: IIS (lftp
 * turns pipelining off for it) and FileZilla Server (1.x drops the connection).
 */
export const greetingAllowsPipelining = (greeting: string): boolean =>
  !/Microsoft FTP Service|FileZilla Server/i.test(greeting)

/** pyftpdlib, by its default greeting: before 1.5.9 it resets data connections whose TLS starts before the 1xx. */
export const greetingAllowsEarlyTls = (greeting: string): boolean => !/pyftpdlib/i.test(greeting)
