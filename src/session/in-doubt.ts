/**
 * A rename in doubt: a write that carried it was lost, and the next write's RNFR was refused.
 * The lost write may have renamed the temporary already, or the server refused RNFR for another
 * reason, the temporary still there and the target holding its old bytes (of the same size,
 * perhaps). The file counts as live only when the target is shown to hold the bytes sent: its
 * size, then the server's SHA-256 of it where it offers one, else its bytes read back and hashed
 * (a data connection, not the control connection a cutting network ends). Anything short of
 * that is not live: the file is written anew, never taken as live with old bytes.
 */
import type { RemoteSession, Sent } from '../core/remote-session.js'
import { isRefusal } from './refusals.js'
import { sizeOf } from './size-check.js'

/** Whether `target` holds exactly the bytes `sent` (a refusal on the way: not shown, false). */
export async function holdsSent(session: RemoteSession, target: string, sent: Sent): Promise<boolean> {
  if ((await sizeOf(session, target)) !== sent.size) return false
  // Nothing to compare but the size.
  if (sent.size === 0) return true
  if (session.server.hashAlgorithm === 'sha256') {
    const hash = await session.hash(target, sent.size).catch(refusedAs(undefined))
    if (hash?.algorithm === 'sha256') return hash.hex === sent.sha256
  }
  const read = await session.downloadHash(target).catch(refusedAs(undefined))
  return read !== undefined && read.size === sent.size && read.sha256 === sent.sha256
}

/** A refusal becomes `value`; a lost connection still throws (the write stays in doubt). */
const refusedAs =
  <T>(value: T) =>
  (err: unknown): T => {
    if (isRefusal(err)) return value
    throw err
  }
