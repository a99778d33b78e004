/**
 * What the server holds before the deploy: the manifest, and a listing of the directories the
 * manifest's files and the local files live in, with the temporaries found there.
 */
import { posix } from 'node:path'
import { DeployError, describeError } from '../core/errors.js'
import { Log } from '../core/log.js'
import { isTransient } from '../core/retry.js'
import type { RemoteEntry, Reply } from '../core/remote-session.js'
import { backupPathOf, MANIFEST_MAX_BYTES, readManifest, ReadManifest } from '../manifest/manifest-file.js'
import { RemoteFacts } from '../core/plan.js'
import { indexFiles, ListingContext, tooLong, withListed } from './remote-listing.js'
import { parentDirs, remotePathOf } from '../core/remote-path.js'
import { TempNamer } from '../core/temp-name.js'

export interface RemoteState extends RemoteFacts {
  /** Where the manifest came from ('none' on a first deploy, or after a corrupt one). */
  manifestFrom: ReadManifest['from']
  /** Other runs' temporaries that may still be in flight (only without the lock): left alone. */
  inFlight: string[]
  /** Each directory listed (remote-relative, '' is remote-dir) and its entries as listed. */
  listed?: ReadonlyMap<string, RemoteEntry[]>
}

/** The manifest as read, and the directories STAT listed in its write (absolute paths; undefined: STAT showed none). */
export interface ManifestRead extends ReadManifest {
  listed?: Map<string, RemoteEntry[] | undefined>
}

export interface RemoteStateQuery extends ListingContext {
  manifestName: string
  /** Remote-relative paths of the matched local files. */
  localPaths: string[]
  names: TempNamer
  /**
   * The run holds (or, in a dry run, would hold) the deploy lock: other runs' temporaries are
   * then a killed run's, removed whatever their age; without the lock the age rule stays.
   */
  holdsLock: boolean
}

/**
 * The manifest (else its backup), read on a session of the pool; its SIZE and its backup's go in
 * one write with remote-dir's STAT where the server lists that way (the state's first listing).
 */
export async function readRemoteManifest(
  q: RemoteStateQuery,
  log: Log,
  dirs = [q.remoteRoot],
  login?: ReadonlyMap<string, Reply>,
  got?: ReadonlyMap<string, Buffer>
): Promise<ManifestRead> {
  const manifestPath = posix.join(q.remoteRoot, q.manifestName)
  try {
    const first = await readWithRoot(q, manifestPath, dirs, login, got)
    const read = await readManifest(q.pool, manifestPath, log, first?.known)
    return first?.listed !== undefined ? { ...read, listed: first.listed } : read
  } catch (err) {
    throw new DeployError(`Could not read the manifest ${manifestPath}: ${describeError(err)}`, {}, { cause: err })
  }
}

/**
 * The manifest and its backup asked for with remote-dir's STAT, tried once: where that fails
 * for the STAT's sake (a reply too long for the control connection, a connection cut on the
 * way), undefined, and the manifest is read on its own, with its retries: a different step.
 */
async function readWithRoot(
  q: RemoteStateQuery,
  manifestPath: string,
  dirs: string[],
  login: ReadonlyMap<string, Reply> | undefined,
  got: ReadonlyMap<string, Buffer> | undefined
): Promise<{ known: Map<string, Buffer | undefined>; listed?: ManifestRead['listed'] } | undefined> {
  // The backup's SIZE too where it costs nothing (one write): on a first deploy it is asked for next.
  const paths = q.pool.server.pipelining ? [manifestPath, backupPathOf(manifestPath)] : [manifestPath]
  try {
    return await q.pool.run(
      'Reading the manifest',
      async session => {
        if (session.readFirstOf === undefined) return undefined
        const read = await session.readFirstOf(paths, MANIFEST_MAX_BYTES, dirs, login, got)
        const known = new Map(read.files.map((data, i) => [paths[i]!, data]))
        return { known, ...(read.stats.size > 0 && { listed: read.stats }) }
      },
      { retries: 0 }
    )
  } catch (err) {
    if (tooLong(err)) q.pool.server.statListsLost(`Listing ${q.remoteRoot}: ${describeError(err)}`)
    else if (!isTransient(err)) throw err
    return undefined
  }
}

/** A write's worth of STATs ahead of the manifest's SIZEs (ftp/pipelining's writes are 2 KB). */
const AHEAD_BYTES = 1536
/** Where the manifest read before the lock names the directories, or under the lock: up to three writes' worth. */
const AHEAD_KNOWN_BYTES = 5632

/**
 * The directories whose STATs go ahead of the manifest's SIZE: remote-dir, then, where the server
 * takes pipelined commands, those the state read will list (the local files', and those of
 * `known`, the manifest read before the lock), parents first, as many as fit in a write (three
 * where `wide`: `known` names them, or they ride in the lock's own write). A guess: one listed and not needed is never decided (LIST after an
 * empty STAT), one needed and not listed ahead is listed after the manifest, as before. Under the
 * lock after a read that found no manifest, remote-dir alone: the rest is not there.
 */
export function dirsAhead(q: RemoteStateQuery, known?: ReadManifest, wide = known !== undefined): string[] {
  if (!q.pool.server.pipelining || known?.from === 'none') return [q.remoteRoot]
  return relDirsAhead(q.localPaths, known, q.remoteRoot, wide).map(dir => remotePathOf(q.remoteRoot, dir))
}

/** dirsAhead's choice, remote-relative ('' is remote-dir), measured with remote-dir at `root`. */
export function relDirsAhead(
  localPaths: string[],
  known: ReadManifest | undefined,
  root: string,
  wide = known !== undefined
): string[] {
  const rel = new Set([...localPaths, ...(known?.manifest.files.keys() ?? [])].flatMap(parentDirs))
  const byDepth = [...rel].sort((a, b) => a.split('/').length - b.split('/').length)
  const dirs = ['']
  let bytes = wide ? AHEAD_KNOWN_BYTES : AHEAD_BYTES
  for (const dir of byDepth) {
    bytes -= Buffer.byteLength(`STAT ${remotePathOf(root, dir)}\r\n`)
    if (bytes < 0) break
    dirs.push(dir)
  }
  return dirs
}

/** readRemoteManifest's first write where the server pipelines: the STATs of `dirs`, the SIZEs of the manifest and its backup. */
export function firstReads(dirs: string[], root: string, manifestName: string): string[] {
  const manifestPath = posix.join(root, manifestName)
  return [
    ...dirs.map(dir => `STAT ${remotePathOf(root, dir)}`),
    `SIZE ${manifestPath}`,
    `SIZE ${backupPathOf(manifestPath)}`
  ]
}

/**
 * The commands of readRemoteManifest's first write under the lock (`known`: the manifest as read
 * before it), to ride in the lock's own write behind its MKD: what readFirstOf would send, the
 * SIZEs first, so that the manifest's RETR can ride in the next write (the heartbeat's); and
 * the manifest, to read there where its SIZE shows it (issue 22).
 */
export function readsUnderLock(
  q: RemoteStateQuery,
  known?: ReadManifest
): { commands: string[]; file: { path: string; maxBytes: number } } {
  const manifestPath = posix.join(q.remoteRoot, q.manifestName)
  const dirs = q.pool.server.statLists ? dirsAhead(q, known, true) : []
  const commands = [`SIZE ${manifestPath}`, `SIZE ${backupPathOf(manifestPath)}`, ...dirs.map(dir => `STAT ${dir}`)]
  return { commands, file: { path: manifestPath, maxBytes: MANIFEST_MAX_BYTES } }
}

/**
 * `read`: the manifest as just read (with the listings that came with it), else it is read
 * first, with listings ahead of it (`known`: the manifest as read before the lock names them;
 * `replies`: that read's first write's, sent in the lock's write, readsUnderLock; `got`: the
 * manifest read whole with them).
 */
export async function readRemoteState(
  q: RemoteStateQuery,
  log: Log,
  read?: ManifestRead,
  known?: ReadManifest,
  replies?: ReadonlyMap<string, Reply>,
  got?: ReadonlyMap<string, Buffer>
): Promise<RemoteState> {
  const dirs = dirsAhead(q, known, known !== undefined || replies !== undefined)
  read ??= await readRemoteManifest(q, log, dirs, replies, got)
  const { manifest } = read
  const list = read.listed !== undefined ? withListed(q.list, read.listed) : q.list
  // The manifest's directories are listed in any case (a hidden one is still there); the local
  // files' only where the parent shows them, so a first deploy lists remote-dir alone.
  const ifShown = q.localPaths.flatMap(parentDirs)
  const { index, temps, tempSizes, listed } = await indexFiles({ ...q, list }, [...manifest.files.keys()], ifShown)
  const abandoned = temps.filter(path => q.names.isAbandoned(posix.basename(path), q.holdsLock))
  const inFlight = temps.filter(path => !abandoned.includes(path))
  if (inFlight.length > 0) {
    log.info(
      `Left alone: ${inFlight.length} temporary file(s) of another run that may still be uploading (${inFlight.slice(0, 3).join(', ')})`
    )
  }
  const rootExists = index.dirs.size > 0 || index.files.size > 0 || read.from !== 'none'
  const restoreManifest = read.from === 'backup'
  const manifestFrom = read.from
  return { manifest, manifestFrom, restoreManifest, index, rootExists, abandoned, inFlight, tempSizes, listed }
}
