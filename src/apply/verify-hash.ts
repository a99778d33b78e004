/**
 * verify: hash: after an upload (before the rename, in atomic mode), the server's own hash of
 * the file must be the hash of the bytes sent; a mismatch is retried like a short upload.
 */
import { DeployError } from '../core/errors.js'
import { IANA_NAME } from '../core/hash-names.js'
import { RemoteSession, Sent } from '../core/remote-session.js'
import { hashFile } from '../local/hash.js'
import { Log } from '../core/log.js'
import { HashedFile } from '../core/plan.js'

export class HashCheck {
  private warned = false

  constructor(private readonly log: Log) {}

  async check(session: RemoteSession, file: HashedFile, path: string, sent: Sent): Promise<void> {
    // An empty file is all there once its size is 0 (and X commands refuse an empty range).
    if (sent.size === 0) return
    const server = await session.hash(path, sent.size)
    if (server === undefined) return this.unverifiable(session, file)
    let expected = sent.sha256
    if (server.algorithm !== 'sha256') {
      // Only SHA-256 is counted as the bytes go: the file is read again, and must still be them.
      const local = await hashFile(file.localPath, ['sha256', server.algorithm])
      if (local.sha256 !== sent.sha256) {
        throw new DeployError(`${file.relPath} changed while it was being uploaded: uploading it again`, {
          file: file.relPath,
          transient: true
        })
      }
      expected = local[server.algorithm]
    }
    if (server.hex !== expected) {
      // Transient: a retry on a new connection may deliver the bytes intact.
      throw new DeployError(
        `Upload of ${file.relPath} does not match what was sent: the server's ${IANA_NAME[server.algorithm]} of it is ${server.hex}, the bytes sent hash to ${expected}`,
        { file: file.relPath, command: server.verb, transient: true }
      )
    }
  }

  /** Said once a run: where the server gives no hash, uploads are checked by size only. */
  private unverifiable(session: RemoteSession, file: HashedFile): void {
    if (this.warned) return
    this.warned = true
    this.log.warning(
      session.server.hashAlgorithm === undefined
        ? 'verify: hash: the server offers no hash command (HASH, XSHA256, XSHA512, XSHA1 or XMD5 in FEAT): uploads are checked by size only'
        : `verify: hash: the server gave no usable hash of ${file.relPath}: files it will not hash are checked by size only`
    )
  }
}
