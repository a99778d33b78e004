/**
 * What the server holds before the deploy: the manifest, and a listing of the directories the
 * manifest's files and the local files live in, with the temporaries found there.
 */
import { posix } from 'node:path'
import { DeployError, describeError } from '../core/errors.js'
import { Log } from '../core/log.js'
import { isTransient } from '../core/retry.js'
import type { RemoteEntry } from '../core/remote-session.js'
import { backupPathOf, MANIFEST_MAX_BYTES, readManifest, ReadManifest } from '../manifest/manifest-file.js'
import { RemoteFacts } from '../core/plan.js'
import { indexFiles, ListingContext, tooLong, withListed } from './remote-listing.js'
import { parentDirs } from '../core/remote-path.js'
import { TempNamer } from '../core/temp-name.js'

export interface RemoteState extends RemoteFacts {
  /** Where the manifest came from ('none' on a first deploy, or after a corrupt one). */
  manifestFrom: ReadManifest['from']
  /** Other runs' temporaries that may still be in flight (only without the lock): left alone. */
  inFlight: string[]
  /** Each directory listed (remote-relative, '' is remote-dir) and its entries as listed. */
  listed?: ReadonlyMap<string, RemoteEntry[]>
}

/** The manifest as read, and remote-dir as STAT listed it in the same write (undefined: not asked). */
export interface ManifestRead extends ReadManifest {
  root?: { listing: RemoteEntry[] | undefined }
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
export async function readRemoteManifest(q: RemoteStateQuery, log: Log): Promise<ManifestRead> {
  const manifestPath = posix.join(q.remoteRoot, q.manifestName)
  try {
    const first = await readWithRoot(q, manifestPath)
    const read = await readManifest(q.pool, manifestPath, log, first?.known)
    return first?.root !== undefined ? { ...read, root: first.root } : read
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
  manifestPath: string
): Promise<{ known: Map<string, Buffer | undefined>; root?: ManifestRead['root'] } | undefined> {
  // The backup's SIZE too where it costs nothing (one write): on a first deploy it is asked for next.
  const paths = q.pool.server.pipelining ? [manifestPath, backupPathOf(manifestPath)] : [manifestPath]
  try {
    return await q.pool.run(
      'Reading the manifest',
      async session => {
        if (session.readFirstOf === undefined) return undefined
        const read = await session.readFirstOf(paths, MANIFEST_MAX_BYTES, q.remoteRoot)
        const known = new Map(read.files.map((data, i) => [paths[i]!, data]))
        return { known, ...(read.stat !== undefined && { root: read.stat }) }
      },
      { retries: 0 }
    )
  } catch (err) {
    if (tooLong(err)) q.pool.server.statListsLost(`Listing ${q.remoteRoot}: ${describeError(err)}`)
    else if (!isTransient(err)) throw err
    return undefined
  }
}

/** `read`: the manifest as just read (with remote-dir's listing, if it came with it), else it is read first. */
export async function readRemoteState(q: RemoteStateQuery, log: Log, read?: ManifestRead): Promise<RemoteState> {
  read ??= await readRemoteManifest(q, log)
  const { manifest } = read
  const list = read.root !== undefined ? withListed(q.list, q.remoteRoot, read.root.listing) : q.list
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
