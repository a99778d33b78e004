/** The checks around uploads: what was sent is what was planned, and the server holds all of it. */
import { CancelledError, DeployError, describeError, ReplyError } from '../core/errors.js'
import { RemoteEntry, Sent } from '../core/remote-session.js'
import { ManifestStore } from '../manifest/manifest-store.js'
import { HashedFile } from '../core/plan.js'
import { indexDirs, indexFiles, IndexedDirs, ListingContext, withListed } from '../remote/remote-listing.js'
import { forEachLimited } from '../core/concurrency.js'
import { posix } from 'node:path'
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
  /** Listings read once every change but the manifest's was made (absolute path -> entries), used as they are. */
  ahead?: ReadonlyMap<string, RemoteEntry[] | undefined>
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
 * What the final check lists (absolute paths): remote-dir (the listing output's) and each
 * uploaded file's own directory, whose listing shows its size; their parents show nothing the
 * check reads.
 */
export function checkedDirs(files: { relPath: string }[], remoteRoot: string): string[] {
  const parents = files.map(f => parentDirs(f.relPath).at(-1) ?? '')
  return [...new Set(['', ...parents])].map(dir => remotePathOf(remoteRoot, dir))
}

/**
 * The index of `paths`' directories: all of them are listed whatever their parents show, so
 * they go out at once (in writes of LISTED_TOGETHER on sessions side by side), not level by
 * level; those listed already (`ahead`) are not listed again.
 */
async function listedAtOnce(c: FinalCheck, paths: string[]): Promise<IndexedDirs> {
  const { list, ahead = new Map() } = c
  if (list.many === undefined) return indexFiles({ ...c, list: withListed(list, ahead) }, paths)
  const dirs = checkedDirs(
    paths.map(relPath => ({ relPath })),
    c.remoteRoot
  ).filter(dir => !ahead.has(dir))
  const groups: string[][] = []
  for (let i = 0; i < dirs.length; i += LISTED_TOGETHER) groups.push(dirs.slice(i, i + LISTED_TOGETHER))
  const listings = (await Promise.all(groups.map(group => list.many!(group)))).flat()
  const listed = new Map([...ahead, ...dirs.map((dir, i) => [dir, listings[i]] as const)])
  const own = new Set(paths.map(path => parentDirs(path).at(-1)).filter(dir => dir !== undefined))
  const found = await indexDirs(withListed(list, listed), c.remoteRoot, { always: own }, c.concurrency)
  // Files a listing does not show (servers that hide dotfiles): asked for one by one.
  const unseen = paths.filter(path => !found.index.files.has(path))
  await forEachLimited(unseen, c.concurrency, async path => {
    const size = await c.pool.run(`SIZE ${path}`, session =>
      session.size(posix.join(c.remoteRoot, path)).catch((err: unknown) => {
        if (err instanceof ReplyError && err.code === 550) return undefined
        throw err
      })
    )
    if (size !== undefined) found.index.files.set(path, size)
  })
  return found
}
