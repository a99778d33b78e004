/** The checks around uploads: what was sent is what was planned, and the server holds all of it. */
import { CancelledError, DeployError, describeError, ReplyError } from '../core/errors.js'
import { RemoteEntry, Sent } from '../core/remote-session.js'
import { ManifestStore } from '../manifest/manifest-store.js'
import { HashedFile } from '../core/plan.js'
import { indexFiles, ListingContext } from '../remote/remote-listing.js'

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
  const { index, listed } = await indexFiles(c, paths).catch((err: unknown) => {
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
