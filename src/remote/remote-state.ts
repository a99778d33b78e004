/**
 * What the server holds before the deploy: the manifest, and a listing of the directories the
 * manifest's files and the local files live in, with the temporaries found there.
 */
import { posix } from 'node:path'
import { DeployError, describeError } from '../core/errors.js'
import { Log } from '../core/log.js'
import { readManifest, ReadManifest } from '../manifest/manifest-file.js'
import { RemoteFacts } from '../core/plan.js'
import { indexFiles, ListingContext } from './remote-listing.js'
import { parentDirs } from '../core/remote-path.js'
import { TempNamer } from '../core/temp-name.js'

export interface RemoteState extends RemoteFacts {
  /** Where the manifest came from ('none' on a first deploy, or after a corrupt one). */
  manifestFrom: ReadManifest['from']
  /** Other runs' temporaries that may still be in flight (only without the lock): left alone. */
  inFlight: string[]
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

/** The manifest (else its backup), read on a session of the pool. */
export async function readRemoteManifest(q: RemoteStateQuery, log: Log): Promise<ReadManifest> {
  const manifestPath = posix.join(q.remoteRoot, q.manifestName)
  try {
    return await readManifest(q.pool, manifestPath, log)
  } catch (err) {
    throw new DeployError(`Could not read the manifest ${manifestPath}: ${describeError(err)}`, {}, { cause: err })
  }
}

/** `read`: the manifest as just read, else it is read first. */
export async function readRemoteState(q: RemoteStateQuery, log: Log, read?: ReadManifest): Promise<RemoteState> {
  read ??= await readRemoteManifest(q, log)
  const { manifest } = read
  // The manifest's directories are listed in any case (a hidden one is still there); the local
  // files' only where the parent shows them, so a first deploy lists remote-dir alone.
  const { index, temps, tempSizes } = await indexFiles(q, [...manifest.files.keys()], q.localPaths.flatMap(parentDirs))
  const abandoned = temps.filter(path => q.names.isAbandoned(posix.basename(path), q.holdsLock))
  const inFlight = temps.filter(path => !abandoned.includes(path))
  if (inFlight.length > 0) {
    log.info(
      `Left alone: ${inFlight.length} temporary file(s) of another run that may still be uploading (${inFlight.slice(0, 3).join(', ')})`
    )
  }
  const rootExists = index.dirs.size > 0 || index.files.size > 0 || read.from !== 'none'
  const restoreManifest = read.from === 'backup'
  return { manifest, manifestFrom: read.from, restoreManifest, index, rootExists, abandoned, inFlight, tempSizes }
}
