/** The listing output: remote entries relative to remote-dir, flat or recursive. */
import { posix } from 'node:path'
import { TEMP_NAME } from '../core/temp-name.js'
import { EntryType, RemoteEntry } from '../core/remote-session.js'
import type { ListingEntry } from '../core/result.js'
import { manifestBackupName } from '../core/manifest.js'
import { LOCK_DIR, remotePathOf, safeName } from '../core/remote-path.js'
import type { Log } from '../core/log.js'
import type { ListingMode, Settings } from '../core/settings.js'

/** A stale deploy lock moved aside while it is being removed (lock.ts). */
const STALE_LOCK = /^\.ftps-deploy\.lock\.stale-/

export type { ListingEntry }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Parses a Unix LIST time ('Nov 25 09:40' within the last half year, 'Nov 25  2025' older)
 * or a DOS one ('11-25-26 09:40AM'), as UTC. Servers send no zone; vsftpd, pure-ftpd and
 * ProFTPD list in UTC by default.
 */
export function parseListTime(raw: string, now: Date = new Date()): string | null {
  const unix = /^([A-Za-z]{3})\s+(\d{1,2})\s+(?:(\d{4})|(\d{1,2}):(\d{2}))$/.exec(raw.trim())
  if (unix) {
    const month = MONTHS.indexOf(unix[1].toLowerCase())
    if (month < 0) return null
    const day = Number(unix[2])
    if (unix[3] !== undefined) return new Date(Date.UTC(Number(unix[3]), month, day)).toISOString()
    let year = now.getUTCFullYear()
    const at = (y: number): Date => new Date(Date.UTC(y, month, day, Number(unix[4]), Number(unix[5])))
    // A time without a year is within the last six months: never in the future.
    if (at(year).getTime() > now.getTime() + 86_400_000) year -= 1
    return at(year).toISOString()
  }
  const dos = /^(\d{2})-(\d{2})-(\d{2,4})\s+(\d{1,2}):(\d{2})(AM|PM)?$/i.exec(raw.trim())
  if (dos) {
    const y = Number(dos[3])
    const year = y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y
    let hour = Number(dos[4])
    const half = dos[6]?.toUpperCase()
    if (half === 'PM' && hour < 12) hour += 12
    if (half === 'AM' && hour === 12) hour = 0
    return new Date(Date.UTC(year, Number(dos[1]) - 1, Number(dos[2]), hour, Number(dos[5]))).toISOString()
  }
  return null
}

export function toEntry(info: RemoteEntry, relDir: string): ListingEntry {
  const type = info.type === EntryType.Directory ? 'dir' : info.type === EntryType.SymbolicLink ? 'link' : 'file'
  const modifiedAt = info.modifiedAt ? info.modifiedAt.toISOString() : parseListTime(info.rawModifiedAt)
  return { path: relDir === '' ? info.name : posix.join(relDir, info.name), type, size: info.size, modifiedAt }
}

/** How many levels below remote-dir a recursive listing goes. */
export const MAX_LISTING_DEPTH = 64

/**
 * Lists remote-dir (and, for 'recursive', every directory below it) through `list`.
 * `exclude` names entries of remote-dir itself that are ours, such as the manifest.
 */
export async function collectListing(
  list: (absPath: string) => Promise<RemoteEntry[]>,
  remoteRoot: string,
  mode: ListingMode,
  exclude: readonly string[],
  onTooDeep?: (dirs: number) => void
): Promise<ListingEntry[]> {
  if (mode === 'none') return []
  const entries: ListingEntry[] = []
  const pending = ['']
  let tooDeep = 0
  while (pending.length > 0) {
    const relDir = pending.shift() as string
    const infos = await list(relDir === '' ? remoteRoot : posix.join(remoteRoot, relDir))
    for (const info of infos) {
      if (info.name === '.' || info.name === '..' || (relDir === '' && exclude.includes(info.name))) continue
      // Temporary names are ours too: those of failed attempts are being removed.
      if (TEMP_NAME.test(info.name) || STALE_LOCK.test(info.name)) continue
      // A name no entry of this directory can have (a server's parser gone wrong, or a hostile one).
      if (!safeName(info.name)) continue
      const entry = toEntry(info, relDir)
      entries.push(entry)
      if (mode !== 'recursive' || entry.type !== 'dir') continue
      // A server may loop (a directory that contains itself): never deeper than any real site.
      if (entry.path.split('/').length < MAX_LISTING_DEPTH) pending.push(entry.path)
      else tooDeep++
    }
  }
  if (tooDeep > 0) onTooDeep?.(tooDeep)
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * The listing output of remote-dir, leaving out the manifest, its backup and the lock. In a dry
 * run remote-dir may not exist yet: an empty listing is the truth then.
 */
export function listRemote(
  list: (absPath: string) => Promise<RemoteEntry[]>,
  remoteRoot: string,
  settings: Pick<Settings, 'listing' | 'manifest' | 'dryRun'>,
  log: Pick<Log, 'warning'>
): Promise<ListingEntry[]> {
  const ours = [settings.manifest, manifestBackupName(settings.manifest), LOCK_DIR]
  const tooDeep = (dirs: number): void =>
    log.warning(
      `listing: ${dirs} director${dirs === 1 ? 'y' : 'ies'} ${MAX_LISTING_DEPTH} levels below remote-dir not listed (the server's tree loops or is deeper than a site)`
    )
  return collectListing(list, remoteRoot, settings.listing, ours, tooDeep).catch(err => {
    if (settings.dryRun) return []
    throw err
  })
}

/** A directory the listing output needs that the run did not list. */
class NotListed extends Error {}

/**
 * The listing output from directories the run listed already (by remote-relative path, '' is
 * remote-dir), with no round trip: undefined where it needs one that was not listed (a
 * recursive listing reaching a directory the state read left alone), so it is listed then.
 */
export async function listingFrom(
  listed: ReadonlyMap<string, RemoteEntry[]>,
  remoteRoot: string,
  settings: Pick<Settings, 'listing' | 'manifest'>,
  log: Pick<Log, 'warning'>
): Promise<ListingEntry[] | undefined> {
  const byPath = new Map([...listed].map(([dir, infos]) => [remotePathOf(remoteRoot, dir), infos]))
  const list = async (absPath: string): Promise<RemoteEntry[]> => {
    const infos = byPath.get(absPath)
    if (infos === undefined) throw new NotListed(absPath)
    return infos
  }
  try {
    return await listRemote(list, remoteRoot, { ...settings, dryRun: false }, log)
  } catch (err) {
    if (err instanceof NotListed) return undefined
    throw err
  }
}
