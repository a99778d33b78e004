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

/**
 * How `target` is shown to hold exactly the bytes `sent`: the temporary gone (renamed there), or
 * the server's hash of it; undefined when not shown (a refusal on the way counts as not shown).
 */
export async function holdsSent(
  session: RemoteSession,
  temp: string,
  target: string,
  sent: Sent
): Promise<'temporary gone' | 'same bytes' | undefined> {
  if ((await sizeOf(session, target)) !== sent.size) return undefined
  if (session.server.hashAlgorithm === 'sha256' && sent.size > 0) {
    const hash = await session.hash(target, sent.size).catch(refusedAs(undefined))
    if (hash?.algorithm === 'sha256') return hash.hex === sent.sha256 ? 'same bytes' : undefined
  }
  // SIZE answers 550 for a file that is not there; where SIZE is refused as a command, the
  // target's size above was not known either (false already).
  return (await sizeOf(session, temp)) === undefined ? 'temporary gone' : undefined
}

/** A refusal becomes `value`; a lost connection still throws (the write stays in doubt). */
const refusedAs =
  <T>(value: T) =>
  (err: unknown): T => {
    if (isRefusal(err)) return value
    throw err
  }
