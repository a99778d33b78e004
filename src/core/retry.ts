/** Which failures a fresh connection may fix, and how long to wait before trying (pure). */
import { DeployError, ReplyError } from './errors.js'

/** Reply codes a retry may get past (RFC 959 4xx: "transient negative completion"). */
const TRANSIENT_CODES = new Set([421, 425, 426, 450, 451, 452])

/**
 * A write the server's own disk refused: final, since a new connection writes to the same full
 * disk (a retry re-sends the whole file for the same reply). 452 is RFC 959's "insufficient
 * storage" and servers use it for nothing else (ProFTPD `452 Transfer aborted. No space left
 * on device`, pure-ftpd on cPanel `452 Error during write to file`): always final. 451 is any
 * "local error", some of them passing: final only when it says a write, the space, the quota
 * or the disk failed (vsftpd `451 Failure writing to local file.`, pure-ftpd `451-Error during
 * write to file`, ProFTPD `451 Transfer aborted. Input/output error`).
 */
const WRITE_FAILED = /\b(?:write|writing|space|quota|disk|full|storage)\b|input\/output/i

/** Node/OpenSSL codes of certificate and identity failures: never retried. */
const CERTIFICATE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_CERT|HOSTNAME_MISMATCH)/

const TRANSIENT_NODE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'
])

/** Messages basic-ftp and Node use for lost connections and timeouts. */
const TRANSIENT_TEXT =
  /timeout|timed out|socket hang up|client is closed|closed unexpectedly|FIN packet|not connected|disconnected|ECONNRESET|EPIPE/i

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** True when retrying on a fresh connection may succeed; false for final failures. */
export function isTransient(err: unknown): boolean {
  if (err instanceof DeployError) {
    if (err.details.fatal === true) return false
    if (err.details.transient !== undefined) return err.details.transient
    if (err.details.code !== undefined) return replyIsTransient(err.details.code, err.details.reply ?? '')
    return err.cause === undefined ? false : isTransient(err.cause)
  }
  if (err instanceof ReplyError) return replyIsTransient(err.code, err.message)
  const code = codeOf(err)
  if (code !== undefined && CERTIFICATE.test(code)) return false
  if (code !== undefined && TRANSIENT_NODE_CODES.has(code)) return true
  const message = err instanceof Error ? err.message : String(err)
  if (/certificate|altnames|self.signed|fingerprint/i.test(message)) return false
  return TRANSIENT_TEXT.test(message)
}

export function replyIsTransient(code: number, reply: string): boolean {
  if (code === 452 || (code === 451 && WRITE_FAILED.test(reply))) return false
  return TRANSIENT_CODES.has(code)
}

/**
 * The server's disk or quota is full (452, 552, or a 451 that says a write failed): a failed run
 * then gives back the space its checked temporaries hold instead of keeping them for the next run.
 */
export function outOfSpace(err: unknown): boolean {
  if (err instanceof ReplyError) return spaceReply(err.code, err.message)
  if (err instanceof DeployError && err.details.code !== undefined)
    return spaceReply(err.details.code, err.details.reply ?? '')
  return err instanceof Error && err.cause !== undefined && outOfSpace(err.cause)
}

const spaceReply = (code: number, reply: string): boolean =>
  code === 452 || code === 552 || (code === 451 && WRITE_FAILED.test(reply))

/** Exponential backoff with full jitter: attempt 1 -> up to base, 2 -> up to 2 base, ... capped. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 10_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
