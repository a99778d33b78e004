/**
 * Commands sent together (RFC 959 asks servers to queue commands that arrive early): which
 * reply can belong to which command. A server whose replies stop matching (one that drops queued
 * commands, or sends one reply too many, such as pyftpdlib 1.5.7's late 226 after a refused
 * transfer) gets one command at a time for the rest of the run: the server record's `pipelining`.
 */
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
