/**
 * A command sent behind a STOR (the next transfer's EPSV or PASV): which reply is the STOR's and
 * which the other's. A server that reads the next command only after the transfer (vsftpd,
 * ProFTPD) answers the STOR first; one that reads it during the transfer (pure-ftpd answers
 * `500` to anything but ABOR and QUIT then) answers it first. Told apart by code: a passive
 * port is the passive command's, a 226 or 250 after the 1xx the STOR's; a refusal belongs to
 * whichever the next reply does not. A reply of the command behind that came before the STOR's
 * end is `early`: the server record then asks for the port after each upload instead.
 */
import { FTPError, FTPResponse, ResponseHandler } from 'basic-ftp'
import type { Reply } from '../core/remote-session.js'
import { isReply } from './pipelining.js'

/**
 * The next transfer's passive command, sent behind the STOR (see behind-transfer.ts): its reply
 * is `answered` (kept when it is a port); `early` hears that it came during the transfer.
 */
export interface PassiveBehind {
  command: 'EPSV' | 'PASV'
  answered(reply: Reply): void
  early(reply: Reply): void
}

/** Both replies, and whether the server answered the command behind during the transfer. */
export interface Sorted {
  stor: Reply
  behind: Reply
  early: boolean
}

export class RepliesBehind {
  private stor: Reply | undefined
  private behind: Reply | undefined
  /** A refusal not yet known to be the STOR's or the other's. */
  private pending: Reply | undefined
  private early = false

  /** `isPort`: the success reply of the command behind (229 to EPSV, 227 to PASV). */
  constructor(private readonly isPort: (reply: Reply) => boolean) {}

  /**
   * Takes a reply that is not a 1xx (`started`: the STOR's 1xx came). Returns both replies once
   * both are in, 'stray' for a 226 that can be neither's (after a refusal and no 1xx: pyftpdlib's
   * answer to a data connection closed unused), 'early port' for a passive port that came before
   * anything of the STOR's end (the server opened a new port during the transfer; pyftpdlib then
   * drops the transfer and never answers the STOR: its timeout and retry tell), else undefined.
   */
  take(reply: Reply, started: boolean): Sorted | 'stray' | 'early port' | undefined {
    if (this.isPort(reply)) {
      this.behind = reply
      if (this.stor === undefined && this.pending === undefined) {
        this.early = true
        return 'early port'
      }
      // A refusal before it was the STOR's.
      this.stor ??= this.pending
      this.pending = undefined
    } else if (reply.code >= 200 && reply.code < 300) {
      // RFC 959 has a transfer's 2xx only after its 1xx.
      if (!started && this.pending !== undefined) return 'stray'
      this.stor = reply
      if (this.pending !== undefined) {
        this.behind = this.pending
        this.early = true
        this.pending = undefined
      }
    } else if (this.stor !== undefined) {
      this.behind = reply
    } else if (this.behind !== undefined) {
      this.stor = reply
    } else if (this.pending !== undefined) {
      // Two refusals: in order, unless the first is pure-ftpd's 500 to a command during a transfer.
      const swapped = this.pending.code === 500 && reply.code !== 500 && started
      this.stor = swapped ? reply : this.pending
      this.behind = swapped ? this.pending : reply
      this.early = swapped
      this.pending = undefined
    } else {
      this.pending = reply
    }
    if (this.stor === undefined || this.behind === undefined) return undefined
    return { stor: this.stor, behind: this.behind, early: this.early }
  }
}

/**
 * A transfer's handler where `behind` went after its command (a RETR's, as a STOR's in store.ts):
 * the final replies are sorted, the passive command's kept by `behind`, and the transfer's own
 * handed to `handler` once both are in (a refusal as an FTPError; `refused` hears it first, with
 * whether a stray 226 was seen). `started`: the transfer's 1xx came.
 */
export function sortedBehind(
  behind: PassiveBehind,
  started: () => boolean,
  refused: (straySeen: boolean) => void,
  handler: ResponseHandler
): ResponseHandler {
  const replies = new RepliesBehind(r => r.code === (behind.command === 'PASV' ? 227 : 229))
  let straySeen = false
  return (res: Error | FTPResponse, task) => {
    if (!isReply(res) || res.code < 200) return handler(res, task)
    const sorted = replies.take({ code: res.code, message: res.message }, started())
    if (sorted === 'stray') straySeen = true
    else if (sorted === 'early port') behind.early(res)
    else if (sorted !== undefined) {
      behind.answered(sorted.behind)
      if (sorted.early) behind.early(sorted.behind)
      const { stor } = sorted
      if (stor.code >= 200 && stor.code < 300) return handler({ ...stor }, task)
      refused(straySeen)
      task.reject(new FTPError(stor))
    }
  }
}
