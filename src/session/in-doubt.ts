/**
 * A rename in doubt: a write that carried it was lost, and the next write's RNFR was refused.
 * The lost write may have renamed the temporary already, or the server refused RNFR for another
 * reason, the temporary still there and the target holding its old bytes (of the same size,
 * perhaps). The file counts as live only when the target is shown to hold the bytes sent: its
 * size, then the server's SHA-256 of it where it offers one, else a listing of the directory on
 * the control connection that shows the temporary gone and the target at the size sent, else its
 * bytes read back and hashed. A 550 to SIZE of the temporary is no proof of absence: hosts
 * refuse SIZE (and RNFR) with 550 for a permission too. Anything short of that is not live: the
 * file is written anew, never taken as live with old bytes.
 */
import { posix } from 'node:path'
import { EntryType, type RemoteSession, type Sent } from '../core/remote-session.js'
import { isRefusal } from './refusals.js'
import { sizeOf } from './size-check.js'

/**
 * How `target` is shown to hold exactly the bytes `sent`: the temporary gone (renamed there), or
 * the same bytes (the server's hash, or read back); undefined when not shown (a refusal on the
 * way counts as not shown).
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
  const gone = await renamedThere(session, temp, target, sent.size)
  if (gone !== undefined) return gone ? 'temporary gone' : undefined
  const read = await session.downloadHash(target).catch(refusedAs(undefined))
  return read?.size === sent.size && read.sha256 === sent.sha256 ? 'same bytes' : undefined
}

/**
 * Whether STAT's listing of the temporary's directory shows it gone and the target there at
 * `size`; undefined where STAT does not list (the listing's '.' entry shows that hidden names
 * are listed, and that the directory was read, not refused).
 */
async function renamedThere(
  session: RemoteSession,
  temp: string,
  target: string,
  size: number
): Promise<boolean | undefined> {
  const dir = posix.dirname(temp)
  if (!session.server.statLists || posix.dirname(target) !== dir) return undefined
  const entries = await session.statList(dir).catch(refusedAs(undefined))
  if (entries === undefined) return undefined
  if (entries.some(e => e.name === posix.basename(temp))) return false
  const there = entries.find(e => e.name === posix.basename(target))
  return there?.type === EntryType.File && there.size === size
}

/** A refusal becomes `value`; a lost connection still throws (the write stays in doubt). */
const refusedAs =
  <T>(value: T) =>
  (err: unknown): T => {
    if (isRefusal(err)) return value
    throw err
  }
