/**
 * The listing output from the run's own listings where the server lists with MLSD (issue 22):
 * the entries are those the run listed (STAT shows every name MLSD shows: a STAT listing counts
 * only with its '.' entry, so hidden names are in it), their exact times MLSD's own facts, read
 * with MLST on the control connection instead of a data connection per directory: remote-dir's
 * in the manifest's RETR write (small-read.ts), any deeper ones (recursive) here, pipelined.
 * Entries the run listed with MLSD (pyftpdlib, whose STAT lists nothing) are taken as they are.
 */
import { posix } from 'node:path'
import type { RemoteEntry } from '../core/remote-session.js'
import type { Log } from '../core/log.js'
import { remotePathOf } from '../core/remote-path.js'
import type { Settings } from '../core/settings.js'
import type { SessionPool } from '../session/pool.js'
import { listingFrom, toEntry, type ListingEntry } from './listing.js'

/** Bytes of commands a round trip carries (pipelining.ts BATCH_BYTES). */
const BYTES_PER_WRITE = 2048
/** An MLSD costs a directory four round trips or more (EPSV, TCP and TLS, 150, 226): MLST's writes may cost that much. */
const WRITES_PER_DIRECTORY = 4

/**
 * The listing output from `listed` (by remote-relative directory, as listingFrom), with MLSD's
 * times: undefined where that cannot be proven without listing (a directory not listed, an
 * entry MLST does not show as it was listed, a server that takes no MLST or no pipelined
 * commands, or more MLSTs than the listings they replace would cost).
 */
export async function listingWithFacts(
  pool: SessionPool,
  listed: ReadonlyMap<string, RemoteEntry[]>,
  remoteRoot: string,
  settings: Pick<Settings, 'listing' | 'manifest'>,
  log: Pick<Log, 'warning'>
): Promise<ListingEntry[] | undefined> {
  const built = await listingFrom(listed, remoteRoot, settings, log)
  if (built === undefined) return undefined
  const infos = new Map<string, RemoteEntry>()
  for (const [dir, entries] of listed)
    for (const info of entries) infos.set(posix.join(remotePathOf(remoteRoot, dir), info.name), info)
  const absOf = (entry: ListingEntry): string => posix.join(remoteRoot, entry.path)
  // Entries listed with MLSD have their exact time (STAT's ls lines never do): as they are; those
  // whose facts MLST read beside the STAT listing (in the manifest's write) take them; the rest are read now.
  const facts = new Map<ListingEntry, RemoteEntry | undefined>()
  for (const entry of built) {
    const info = infos.get(absOf(entry))
    if (info?.modifiedAt === undefined) facts.set(entry, info?.facts)
  }
  const unread = [...facts.keys()].filter(entry => facts.get(entry) === undefined)
  if (unread.length > 0) {
    const dirs = new Set(built.map(entry => posix.dirname(entry.path))).size
    const bytes = unread.reduce((sum, entry) => sum + absOf(entry).length + 7, 0)
    if (!pool.server.pipelining || Math.ceil(bytes / BYTES_PER_WRITE) > WRITES_PER_DIRECTORY * dirs) return undefined
    const read = await pool.run(`Reading ${unread.length} entries' times`, async session =>
      session.facts === undefined ? undefined : session.facts(unread.map(absOf))
    )
    if (read === undefined) return undefined
    unread.forEach((entry, i) => facts.set(entry, read[i]))
  }
  const exact: ListingEntry[] = []
  for (const entry of built) {
    if (!facts.has(entry)) {
      exact.push(entry)
      continue
    }
    const fact = facts.get(entry)
    const dir = posix.dirname(entry.path)
    const named = fact && toEntry({ ...fact, name: posix.basename(entry.path) }, dir === '.' ? '' : dir)
    // Gone, or not what the listing showed (changed meanwhile): listed anew.
    if (named === undefined || named.type !== entry.type || named.path !== entry.path) return undefined
    exact.push(named)
  }
  return exact
}
