/** The hash algorithms a server's hash command may answer in, and their names in the protocol. */

/** Node's names for the digests (createHash), strongest first as this tool prefers them. */
export type HashAlgorithm = 'sha256' | 'sha512' | 'sha1' | 'md5'

/** The names HASH and OPTS HASH use (IANA hash function text names). */
export const IANA_NAME: Record<HashAlgorithm, string> = {
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  sha1: 'SHA-1',
  md5: 'MD5'
}

export interface ServerHash {
  algorithm: HashAlgorithm
  /** Lowercase hex digest. */
  hex: string
  /** The command that gave it (for logs and errors). */
  verb: string
}
