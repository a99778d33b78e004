/**
 * Reading what the server holds: directory listers (STAT on the control connection where the
 * server lists that way, else LIST/MLSD), and indexes of files and sizes built from them.
 */
import { RemoteEntry, EntryType, RemoteSession } from '../core/remote-session.js'
import { describeError, ReplyError } from '../core/errors.js'
import { isTransient } from '../core/retry.js'
import { posix } from 'node:path'
import { RemoteIndex } from '../core/plan.js'
import { forEachLimited } from '../core/concurrency.js'
import { SessionPool } from '../session/pool.js'
import { parentDirs, remotePathOf, safeName } from '../core/remote-path.js'
import { TEMP_NAME } from '../core/temp-name.js'

/** Lists a remote directory (absolute path); undefined when there is no such directory. */
export type Lister = ((absPath: string) => Promise<RemoteEntry[] | undefined>) & {
  /** Several directories at once, where that saves round trips. */
  many?: (absPaths: string[]) => Promise<(RemoteEntry[] | undefined)[]>
  /** What decides where a STAT already sent listed nothing (LIST), so STAT is not sent again. */
  afterStat?: (absPath: string) => Promise<RemoteEntry[] | undefined>
}

/** STATs sent together at most: a reply each, read in order. */
const STATS_PER_WRITE = 32
/** Up to this many writes of STATs go on one session in turn rather than open others. */
const GROUPS_IN_SEQUENCE = 6

export function poolLister(pool: SessionPool): Lister {
  return absPath =>
    pool.run(`Listing ${absPath}`, async session => {
      try {
        return await session.list(absPath)
      } catch (err) {
        // 450/550: no such directory; its files are simply not there. pyftpdlib answers MLSD of
        // a missing directory with 501 "No such directory." (taking it for absent only uploads).
        if (err instanceof ReplyError && [450, 501, 550].includes(err.code)) return undefined
        throw err
      }
    })
}

/**
 * For the checks, which need only names, types and sizes: STAT <dir> on the control connection
 * where the server lists that way (vsftpd, pure-ftpd and ProFTPD do), else LIST/MLSD. STAT
 * needs no data connection: no TLS handshake, and no wait for pure-ftpd's final TLS record.
 * Where STAT shows nothing or is refused, LIST decides; once such a directory turns out to
 * exist (a server whose STAT <dir> gives an empty status), or STAT loses its connection, times
 * out or gets a reply too long for the control connection, the rest of the run lists with LIST.
 */
export function statOrListLister(pool: SessionPool): Lister {
  const viaList = poolLister(pool)
  // Whether STAT lists here is the server record's: once it turns out not to, for the whole run.
  const server = pool.server
  /** LIST decides where STAT showed nothing; entries there prove STAT missed them. */
  const decide = async (absPath: string): Promise<RemoteEntry[] | undefined> => {
    const infos = await viaList(absPath)
    // vsftpd lists a missing directory as empty: only entries prove STAT missed them.
    if (infos !== undefined && infos.length > 0) server.statLists = false
    return infos
  }
  /**
   * STATs on a session of the pool, tried once. Where they lose the connection or time out (a
   * network that cuts a connection after so many bytes cuts a long STAT reply on every try), or a
   * reply is too long for the control connection, the rest of the run lists over data connections,
   * one directory at a time: the retry is a different step, never the same STATs again.
   */
  const viaStat = async <T>(what: string, stat: (session: RemoteSession) => Promise<T>): Promise<T | undefined> => {
    try {
      return await pool.run(what, stat, { retries: 0 })
    } catch (err) {
      if (!tooLong(err) && !isTransient(err)) throw err
      server.statListsLost(`${what}: ${describeError(err)}`)
      return undefined
    }
  }
  const one: Lister = async absPath => {
    if (server.statLists) {
      const infos = await viaStat(`Listing ${absPath}`, session => session.statList(absPath))
      if (infos !== undefined) return infos
    }
    return decide(absPath)
  }
  one.many = async absPaths => {
    if (!server.statLists || absPaths.length < 2) return listEach(one, absPaths)
    const groups: string[][] = []
    for (let i = 0; i < absPaths.length; i += STATS_PER_WRITE) groups.push(absPaths.slice(i, i + STATS_PER_WRITE))
    const found = new Map<string, RemoteEntry[] | undefined>()
    // A group more costs one round trip on a session already open, a new session a login's four
    // or five: a few groups go one after another, many over four sessions.
    await forEachLimited(groups, groups.length <= GROUPS_IN_SEQUENCE ? 1 : 4, async group => {
      const infos = await viaStat(`Listing ${group.length} directories`, session =>
        session.statLists(group, session.server.pipelining)
      )
      group.forEach((path, i) => found.set(path, infos?.[i]))
    })
    const rest = absPaths.filter(path => found.get(path) === undefined)
    const listed = await listEach(decide, rest)
    rest.forEach((path, i) => found.set(path, listed[i]))
    return absPaths.map(path => found.get(path))
  }
  one.afterStat = decide
  return one
}

/**
 * `list`, with directories listed already (STAT's replies in another write, such as the
 * manifest's): their entries, or where that STAT listed nothing, what decides after a STAT.
 * Only the directories asked for are decided: a listing sent ahead and never needed costs nothing more.
 */
export function withListed(list: Lister, ahead: ReadonlyMap<string, RemoteEntry[] | undefined>): Lister {
  const listed = (absPath: string): Promise<RemoteEntry[] | undefined> => {
    const listing = ahead.get(absPath)
    return listing !== undefined ? Promise.resolve(listing) : (list.afterStat ?? list)(absPath)
  }
  const one: Lister = path => (ahead.has(path) ? listed(path) : list(path))
  one.afterStat = list.afterStat
  one.many = async paths => {
    const rest = paths.filter(path => !ahead.has(path))
    const others = rest.length === 0 ? [] : list.many !== undefined ? await list.many(rest) : await listEach(list, rest)
    let next = 0
    return Promise.all(paths.map(path => (ahead.has(path) ? listed(path) : Promise.resolve(others[next++]))))
  }
  return one
}

/** Lists each directory, four at a time, in order. */
async function listEach(list: Lister, absPaths: string[]): Promise<(RemoteEntry[] | undefined)[]> {
  const infos: (RemoteEntry[] | undefined)[] = new Array(absPaths.length)
  await forEachLimited([...absPaths.keys()], 4, async i => {
    infos[i] = await list(absPaths[i]!)
  })
  return infos
}

/** basic-ftp closes a session whose reply exceeds 64 KiB (a STAT of a large directory). */
export function tooLong(err: unknown): boolean {
  return err instanceof Error && /exceeded maximum allowed size/.test(err.message)
}

export interface IndexedDirs {
  index: RemoteIndex
  /** This tool's temporary files found in the listed directories (remote-relative). */
  temps: string[]
  /** Their sizes as listed (a resumed run reuses a recorded one whose size still matches). */
  tempSizes: Map<string, number>
  /** Each directory listed (remote-relative, '' is remote-dir) and its entries as listed. */
  listed: Map<string, RemoteEntry[]>
}

export interface DirsToList {
  /** Listed in any case ('' is remote-dir). */
  always: Iterable<string>
  /** Listed only where the parent's listing shows them: missing ones cost nothing. */
  ifShown?: Iterable<string>
}

/** Lists directories (remote-relative) into one index, parents before children. */
export async function indexDirs(list: Lister, remoteRoot: string, dirs: DirsToList, concurrency: number) {
  const index: RemoteIndex = { files: new Map(), dirs: new Set() }
  const temps: string[] = []
  const tempSizes = new Map<string, number>()
  const listed = new Map<string, RemoteEntry[]>()
  const always = new Set(dirs.always)
  const levels = new Map<number, string[]>()
  for (const dir of new Set(['', ...always, ...(dirs.ifShown ?? [])])) {
    const depth = dir === '' ? 0 : dir.split('/').length
    levels.set(depth, [...(levels.get(depth) ?? []), dir])
  }
  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    const wanted = (levels.get(depth) ?? []).filter(dir => dir === '' || always.has(dir) || index.dirs.has(dir))
    const level =
      list.many !== undefined ? await list.many(wanted.map(dir => remotePathOf(remoteRoot, dir))) : undefined
    await forEachLimited([...wanted.keys()], concurrency, async i => {
      const dir = wanted[i]!
      const infos = level !== undefined ? level[i] : await list(remotePathOf(remoteRoot, dir))
      if (infos === undefined) return
      listed.set(dir, infos)
      if (dir !== '') index.dirs.add(dir)
      for (const info of infos) {
        // '.', '..' and names no entry can have (a '/', a backslash): never indexed, so never
        // replaced or removed by name.
        if (!safeName(info.name)) continue
        const rel = dir === '' ? info.name : `${dir}/${info.name}`
        if (info.type === EntryType.Directory) index.dirs.add(rel)
        else if (TEMP_NAME.test(info.name)) {
          temps.push(rel)
          tempSizes.set(rel, info.size)
        } else index.files.set(rel, info.size)
      }
    })
  }
  return { index, temps, tempSizes, listed } satisfies IndexedDirs
}

/** Where listings go and how many run at once. */
export interface ListingContext {
  pool: SessionPool
  list: Lister
  remoteRoot: string
  concurrency: number
}

/**
 * Where the given files stand on the server: their directories are listed (and `ifShown` ones
 * where their parent shows them), and files a listing does not show (servers that hide
 * dotfiles) are asked for one by one with SIZE.
 */
export async function indexFiles(
  c: ListingContext,
  paths: string[],
  ifShown: Iterable<string> = []
): Promise<IndexedDirs> {
  const always = new Set(paths.flatMap(parentDirs))
  const { index, temps, tempSizes, listed } = await indexDirs(c.list, c.remoteRoot, { always, ifShown }, c.concurrency)
  const unseen = paths.filter(path => !index.files.has(path))
  await forEachLimited(unseen, c.concurrency, async path => {
    const size = await c.pool.run(`SIZE ${path}`, async session => {
      try {
        return await session.size(posix.join(c.remoteRoot, path))
      } catch (err) {
        if (err instanceof ReplyError && err.code === 550) return undefined
        throw err
      }
    })
    if (size !== undefined) index.files.set(path, size)
  })
  return { index, temps, tempSizes, listed }
}
