/** The checks around uploads: what was sent is what was planned, and the server holds all of it. */
import { CancelledError, DeployError, describeError, ReplyError } from '../core/errors.js'
import { RemoteEntry, Sent } from '../core/remote-session.js'
import { ManifestStore } from '../manifest/manifest-store.js'
import { HashedFile } from '../core/plan.js'
import { indexFiles, IndexedDirs, ListingContext, withListed } from '../remote/remote-listing.js'
import { parentDirs, remotePathOf } from '../core/remote-path.js'

/** What was sent is what was planned (and hashed): else the file is being written locally. */
export function sentAsPlanned(file: HashedFile, sent: Sent): void {
  if (sent.size !== file.size || (file.sha256 !== undefined && sent.sha256 !== file.sha256)) {
    // Final: its upload would not match the manifest.
    throw new DeployError(
      `${file.relPath} changed while it was being uploaded (${file.size} bytes found, ${sent.size} bytes sent): run the deploy again once it is complete`,
      { file: file.relPath, transient: false }
    )
  }
}

/** An upload's failure as one message naming the file, the command and the server's reply. */
export function uploadFailure(file: HashedFile, remotePath: string, err: unknown): DeployError {
  // Stopped by a cancel: 'Upload of a.js: stopped, the deploy was cancelled (SIGINT)' says it all.
  if (err instanceof CancelledError || (err instanceof DeployError && err.details.file !== undefined)) return err
  if (err instanceof DeployError) {
    return new DeployError(
      `Upload of ${file.relPath} to ${remotePath} failed: ${err.message}`,
      { ...err.details, file: file.relPath },
      { cause: err }
    )
  }
  if (err instanceof ReplyError) {
    return new DeployError(
      `Upload of ${file.relPath} failed: the server answered STOR ${remotePath} with ${err.message}`,
      {
        file: file.relPath,
        command: 'STOR',
        code: err.code,
        reply: err.message
      }
    )
  }
  return new DeployError(
    `Upload of ${file.relPath} to ${remotePath} failed: ${describeError(err)}`,
    { file: file.relPath, command: 'STOR' },
    { cause: err }
  )
}

export interface FinalCheck extends ListingContext {
  store: ManifestStore
}

/**
 * At the end: every file this run claims to have uploaded is on the server at its size. Gives
 * the directories it listed (remote-dir among them), as they are once every change is made.
 */
export async function checkUploaded(
  uploaded: HashedFile[],
  c: FinalCheck
): Promise<ReadonlyMap<string, RemoteEntry[]> | undefined> {
  if (uploaded.length === 0) return undefined
  const paths = uploaded.map(f => f.relPath)
  const { index, listed } = await listedAtOnce(c, paths).catch((err: unknown) => {
    // Named: under cutover end a failure here follows the burst, far from any upload.
    if (err instanceof CancelledError) throw err
    throw new DeployError(
      `The final check of the ${paths.length} uploaded file(s) failed: ${describeError(err)}`,
      { ...(err instanceof DeployError ? err.details : {}), command: 'LIST' },
      { cause: err }
    )
  })
  const wrong = uploaded.filter(f => index.files.get(f.relPath) !== f.size)
  if (wrong.length === 0) return listed
  for (const file of wrong) await c.store.forgotten(file.relPath)
  const shown = wrong
    .slice(0, 10)
    .map(f => `${f.relPath} (${index.files.get(f.relPath) ?? 'missing'} of ${f.size} bytes)`)
  throw new DeployError(
    `${wrong.length} uploaded file(s) are not on the server as sent: ${shown.join(', ')}${wrong.length > 10 ? ', …' : ''}`,
    { file: wrong[0].relPath, command: 'LIST' }
  )
}

/** STATs in one write at most: as the lister groups them. */
const LISTED_TOGETHER = 32

/**
 * The index of `paths`' directories: all of them are listed whatever their parents show, so
 * they go out at once (in writes of LISTED_TOGETHER on sessions side by side), not level by level.
 */
async function listedAtOnce(c: ListingContext, paths: string[]): Promise<IndexedDirs> {
  const { list } = c
  if (list.many === undefined) return indexFiles(c, paths)
  const dirs = [...new Set(['', ...paths.flatMap(parentDirs)])].map(dir => remotePathOf(c.remoteRoot, dir))
  const groups: string[][] = []
  for (let i = 0; i < dirs.length; i += LISTED_TOGETHER) groups.push(dirs.slice(i, i + LISTED_TOGETHER))
  const listings = (await Promise.all(groups.map(group => list.many!(group)))).flat()
  return indexFiles({ ...c, list: withListed(list, new Map(dirs.map((dir, i) => [dir, listings[i]]))) }, paths)
}
