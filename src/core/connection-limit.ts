/**
 * Which refusals are a server's connection limit rather than a failure (pure): the replies
 * pure-ftpd, ProFTPD, vsftpd, FileZilla Server and IIS send when an address, a user or the
 * whole server has as many connections as it allows. Contract: "A server's connection limit
 * is not a failure"; issue 11 lists the texts.
 */
import { DeployError, ReplyError } from './errors.js'

export interface ConnectionLimit {
  /** The reply code: 421 (before or after the greeting) or 530 (after PASS). */
  code: number
  /** The server's reply, code included, as it sent it. */
  reply: string
  /** The most connections the server says it allows, when the reply names it. */
  count?: number
  /**
   * Refused on a connection the server let in, for the one thing asked on it (an SFTP channel:
   * sshd's MaxSessions counts one connection's channels): no other client holds what it needs,
   * so with no other connection of the run open there is no slot to wait for.
   */
  onItsOwn?: boolean
}

/**
 * Texts of limit replies. Each names connections, users, clients or sessions with a word of
 * quantity, so a wrong password's 530 ("Login incorrect", "Sorry, no such user") never matches:
 * - pure-ftpd: "Too many connections (N) from this IP", "N users (the maximum) are already
 *   logged in, sorry", "I can't accept more than N connections as the same user"
 * - ProFTPD: "Sorry, the maximum number of clients (N) from your host are already connected.",
 *   "... of allowed clients (N) are already connected.", "... (N) for this user ..."
 * - vsftpd: "There are too many connections from your internet address.", "There are too
 *   many connected users, please try later."
 * - FileZilla Server / IIS / Serv-U: "Too many users are connected", "Maximum number of
 *   connections exceeded", "too many users logged on", "No more connections allowed"
 */
const LIMIT_TEXT = [
  /too many (?:\w+ )?(?:connections|connected users|users|clients|sessions)\b/i,
  /\busers \(the maximum\)/i,
  /can'?t accept more than \d+ connections/i,
  /maximum number of (?:\w+ )?(?:clients|connections|users|sessions|hosts)\b/i,
  /(?:connection|client|user|session) limit (?:reached|exceeded)/i,
  /no more (?:connections|clients|users|sessions)/i
]

/** Where the reply says how many: "(2)", "2 users (the maximum)", "more than 2 connections". */
const COUNT = [/\((\d+)\)/, /\b(\d+) users \(the maximum\)/i, /more than (\d+) connections/i]

/** Codes a limit comes with: 421 (service not available, RFC 959) and 530 (not logged in). */
const LIMIT_CODES = new Set([421, 530])

/** What src/sftp says of a refused SFTP channel (a connection's own limit, see `onItsOwn`). */
const CHANNEL_REFUSED = /refused an SFTP channel/

/** The limit a reply announces, or undefined when it is any other reply. */
export function connectionLimitOf(code: number, reply: string): ConnectionLimit | undefined {
  if (!LIMIT_CODES.has(code)) return undefined
  const text = reply.trim()
  if (!LIMIT_TEXT.some(pattern => pattern.test(text))) return undefined
  const own = CHANNEL_REFUSED.test(text) ? { onItsOwn: true } : {}
  for (const pattern of COUNT) {
    const match = pattern.exec(text)
    if (match) return { code, reply: text, count: Number(match[1]), ...own }
  }
  return { code, reply: text, ...own }
}

/** The limit behind a failed connect or login (the reply may sit in an error's cause). */
export function limitOfError(err: unknown): ConnectionLimit | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DeployError && e.details.code !== undefined) {
      return connectionLimitOf(e.details.code, e.details.reply ?? e.message)
    }
    if (e instanceof ReplyError) return connectionLimitOf(e.code, e.message)
  }
  return undefined
}

export interface CapOptions {
  /** After this long at a lowered count, try one connection more (lftp waits 5 min). */
  raiseAfterMs: number
  now: () => number
}

/**
 * How many connections the pool may hold: the concurrency asked for, lowered to what the
 * server let in when it refuses one for its limit, raised by one again after a while (another
 * client may have gone). Warns once, when the openings in flight at the first refusal are done.
 */
export class ConnectionCap {
  private current: number
  private limit: ConnectionLimit | undefined
  private loweredAt = 0
  private warned = false

  constructor(
    private readonly wanted: number,
    private readonly options: CapOptions
  ) {
    this.current = wanted
  }

  /** The count allowed now; one more than before when the last lowering is old enough. */
  allowed(): number {
    if (this.limit !== undefined && this.current < this.wanted) {
      const now = this.options.now()
      if (now - this.loweredAt >= this.options.raiseAfterMs) {
        this.current += 1
        this.loweredAt = now
      }
    }
    return this.current
  }

  /** The server refused a connection for `limit` while `others` of ours were open or opening. */
  lower(limit: ConnectionLimit, others: number): void {
    this.limit ??= limit
    this.current = Math.max(1, Math.min(this.current, others, limit.count ?? Number.POSITIVE_INFINITY))
    this.loweredAt = this.options.now()
  }

  /**
   * The one warning, once no opening is in flight any more (so it names the settled count).
   * `outside`: the run's connections beside these (the lock's heartbeat), counted in.
   */
  takeWarning(opening: number, outside = 0): string | undefined {
    if (this.warned || this.limit === undefined || opening > 0) return undefined
    this.warned = true
    return (
      `The server limits connections ("${this.limit.reply}"): going on with ${this.current + outside} ` +
      `connection(s) instead of ${this.wanted} (concurrency); no file's retries are spent on it`
    )
  }

  get lowered(): boolean {
    return this.limit !== undefined
  }
}
