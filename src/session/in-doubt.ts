/**
 * A rename in doubt: a write that carried it was lost, and the next write's RNFR was refused.
 * The lost write may have renamed the temporary already, or the server refused RNFR for another
 * reason, the temporary still there and the target holding its old bytes (of the same size,
 * perhaps). The file counts as live only when the target is shown to hold the bytes sent: its
 * size, then the server's SHA-256 of it where it offers one, else a listing of the directory on
 * the control connection that shows the temporary gone and the target at the size sent (one
 * listing a directory for all the files in doubt after a write), else its bytes read back and
 * hashed. A 550 to SIZE of the temporary is no proof of absence: hosts
 * refuse SIZE (and RNFR) with 550 for a permission too. Anything short of that is not live: the
 * file is written anew, never taken as live with old bytes.
 */
import { posix } from 'node:path'
import { EntryType, type RemoteEntry, type RemoteSession, type Sent } from '../core/remote-session.js'
import type { DeployError } from '../core/errors.js'
import type { Checked } from './checked.js'
import { isRefusal, quietly } from './refusals.js'
import { sizeOf } from './size-check.js'

/**
 * A file whose rename was in doubt, its rename refused on a later write: true when it is shown
 * live (RNFR refused and the target holding the bytes sent), else false, its temporary removed
 * (`removed` hears of it) for the file to go anew. A temporary shown gone needs no DELE (one reply
 * less on a network that cuts connections).
 */
export async function settleInDoubt(
  session: RemoteSession,
  c: Pick<Checked, 'temp' | 'target' | 'sent'>,
  refusal: DeployError,
  listings: Listings,
  removed: (temp: string) => void
): Promise<boolean> {
  const shown =
    refusal.details.command === 'RNFR' ? await holdsSent(session, c.temp, c.target, c.sent, listings) : undefined
  if (shown !== 'temporary gone' && (await quietly(session.remove(c.temp)))) removed(c.temp)
  return shown !== undefined
}

/**
 * How `target` is shown to hold exactly the bytes `sent`: the temporary gone (renamed there), or
 * the same bytes (the server's hash, or read back); undefined when not shown (a refusal on the
 * way counts as not shown).
 */
export async function holdsSent(
  session: RemoteSession,
  temp: string,
  target: string,
  sent: Sent,
  /** Listings already made after the same write (one STAT a directory, not one a file). */
  listings: Listings = new Map()
): Promise<'temporary gone' | 'same bytes' | undefined> {
  if ((await sizeOf(session, target)) !== sent.size) return undefined
  if (session.server.hashAlgorithm === 'sha256' && sent.size > 0) {
    const hash = await session.hash(target, sent.size).catch(refusedAs(undefined))
    if (hash?.algorithm === 'sha256') return hash.hex === sent.sha256 ? 'same bytes' : undefined
  }
  const gone = await renamedThere(session, temp, target, sent.size, listings)
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
  size: number,
  listings: Listings
): Promise<boolean | undefined> {
  const dir = posix.dirname(temp)
  if (!session.server.statLists || posix.dirname(target) !== dir) return undefined
  let listing = listings.get(dir)
  if (listing === undefined) listings.set(dir, (listing = session.statList(dir).catch(refusedAs(undefined))))
  const entries = await listing
  if (entries === undefined) return undefined
  if (entries.some(e => e.name === posix.basename(temp))) return false
  const there = entries.find(e => e.name === posix.basename(target))
  return there?.type === EntryType.File && there.size === size
}

/** STAT listings by directory, made after one write: each file in doubt in that write reads its directory's. */
export type Listings = Map<string, Promise<RemoteEntry[] | undefined>>

/** A refusal becomes `value`; a lost connection still throws (the write stays in doubt). */
const refusedAs =
  <T>(value: T) =>
  (err: unknown): T => {
    if (isRefusal(err)) return value
    throw err
  }
