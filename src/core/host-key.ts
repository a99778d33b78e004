/** The fingerprint of an SSH host key as `ssh-keygen -l` prints it: config/ and sftp/ both compare by it. */
import { createHash } from 'node:crypto'

/** `SHA256:` and the unpadded base64 of the key blob's SHA-256. */
export function hostKeyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`
}
