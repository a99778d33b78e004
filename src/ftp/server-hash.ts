/**
 * The server's own hash of a file: draft-bryan-ftpext-hash `HASH` (algorithm chosen with
 * `OPTS HASH`), or the older `XSHA256`, `XSHA512`, `XSHA1`, `XMD5`. Which one a server offers is
 * read from FEAT (the handshake reads it once per session); replies are parsed here, pure.
 */
import { FTPError, FTPResponse } from 'basic-ftp'

import { HashAlgorithm, IANA_NAME, ServerHash } from '../core/hash-names.js'

export type { HashAlgorithm, ServerHash }
export { IANA_NAME }

/** Strongest first, as this tool prefers them. */
export const HASH_PREFERENCE: readonly HashAlgorithm[] = ['sha256', 'sha512', 'sha1', 'md5']

const X_COMMAND: Record<HashAlgorithm, string> = { sha256: 'XSHA256', sha512: 'XSHA512', sha1: 'XSHA1', md5: 'XMD5' }
const HEX_LENGTH: Record<HashAlgorithm, number> = { sha256: 64, sha512: 128, sha1: 40, md5: 32 }

/** How this session asks for a hash. */
export interface HashCommand {
  algorithm: HashAlgorithm
  /** 'HASH', or the X command's verb. */
  verb: string
  /** `OPTS HASH <name>` to send once before the first HASH; undefined when already selected. */
  select?: string
}

/** The algorithms FEAT's `HASH` line lists ('SHA-1*' is the selected one), with the selected one. */
export function hashFeature(value: string | undefined): { offered: HashAlgorithm[]; selected?: HashAlgorithm } {
  const offered: HashAlgorithm[] = []
  let selected: HashAlgorithm | undefined
  for (const raw of (value ?? '').split(';')) {
    const name = raw.trim()
    const algorithm = HASH_PREFERENCE.find(a => IANA_NAME[a] === name.replace(/\*$/, '').toUpperCase())
    if (algorithm === undefined) continue
    offered.push(algorithm)
    if (name.endsWith('*')) selected = algorithm
  }
  return { offered, selected }
}

/**
 * The best command FEAT offers: the strongest algorithm first (SHA-256, SHA-512, SHA-1, MD5),
 * through HASH where it lists that algorithm, else its X command. Undefined: none offered.
 */
export function chooseHashCommand(features: ReadonlyMap<string, string>): HashCommand | undefined {
  const hash = features.has('HASH') ? hashFeature(features.get('HASH')) : { offered: [] }
  for (const algorithm of HASH_PREFERENCE) {
    if (hash.offered.includes(algorithm)) {
      const select = hash.selected === algorithm ? undefined : `OPTS HASH ${IANA_NAME[algorithm]}`
      return { algorithm, verb: 'HASH', select }
    }
    if (features.has(X_COMMAND[algorithm])) return { algorithm, verb: X_COMMAND[algorithm] }
  }
  return undefined
}

/** The same features without HASH (a server that refused OPTS HASH: its X commands may do). */
export function withoutHash(features: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...features].filter(([name]) => name !== 'HASH'))
}

/** The last line of a reply, without its code: where HASH and the X commands put the digest. */
function lastLine(message: string): string {
  const lines = message.split(/\r?\n/).filter(line => line.trim() !== '')
  return (lines[lines.length - 1] ?? '').replace(/^\d{3}[ -]?/, '').trim()
}

/**
 * `213 SHA-256 0-<size> <hex> <path>` (draft-bryan-ftpext-hash 3.3; ProFTPD puts a
 * `213-Computing SHA-256 digest` line first). Undefined when the reply is not for `algorithm`
 * or not of the whole file (`size`, when known).
 */
export function parseHashReply(message: string, algorithm: HashAlgorithm, size?: number): string | undefined {
  const m = /^(\S+) (\d+)-(\d+) ([0-9A-Fa-f]+)(?: .*)?$/.exec(lastLine(message))
  if (m === null) return undefined
  const [, name, start, end, hex] = m
  if (name.toUpperCase() !== IANA_NAME[algorithm] || Number(start) !== 0) return undefined
  // ProFTPD gives the end as the size; the draft's byte ranges read as inclusive (size - 1).
  if (size !== undefined && Number(end) !== size && Number(end) !== size - 1) return undefined
  return hex.length === HEX_LENGTH[algorithm] ? hex.toLowerCase() : undefined
}

/**
 * `250 <HEX>` (ProFTPD after a `250-Computing SHA256 digest` line); other servers add the path
 * before or after it: the digest is the one word of the right length in hex.
 */
export function parseXReply(message: string, algorithm: HashAlgorithm): string | undefined {
  const words = lastLine(message).split(/\s+/)
  const hex = words.filter(w => w.length === HEX_LENGTH[algorithm] && /^[0-9A-Fa-f]+$/.test(w))
  return hex.length === 1 ? hex[0].toLowerCase() : undefined
}

/**
 * Asks one session's server for hashes, with the command FEAT offered; selects the HASH
 * algorithm once. A refusal for one file (550, 556 too big, 450 busy) gives undefined; a lost
 * connection throws, for the pool to retry.
 */
export class ServerHasher {
  private command: HashCommand | undefined
  private selecting: Promise<void> | undefined

  constructor(
    private readonly send: (command: string) => Promise<FTPResponse>,
    private features: ReadonlyMap<string, string>,
    private readonly debug: (message: string) => void
  ) {
    this.command = chooseHashCommand(features)
  }

  get algorithm(): HashAlgorithm | undefined {
    return this.command?.algorithm
  }

  async hash(remotePath: string, size?: number): Promise<ServerHash | undefined> {
    const command = await this.ready()
    const line = command && this.commandFor(command, remotePath)
    if (command === undefined || line === undefined) return undefined
    let res: FTPResponse
    try {
      res = await this.send(line)
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      this.debug(`No ${command.verb} for ${remotePath}: ${err.message}`)
      return undefined
    }
    return this.read(command, res, size)
  }

  /**
   * hash for several files: with `sendTogether` (a server that takes pipelined commands) the
   * commands go in one write, else one at a time.
   */
  async hashMany(
    files: { path: string; size: number }[],
    sendTogether?: (lines: string[]) => Promise<{ code: number; message: string }[]>
  ): Promise<(ServerHash | undefined)[]> {
    const command = await this.ready()
    if (command === undefined) return files.map(() => undefined)
    const lines = files.map(f => this.commandFor(command, f.path))
    const asked = lines.filter((line): line is string => line !== undefined)
    if (sendTogether === undefined || asked.length < 2) {
      const hashes: (ServerHash | undefined)[] = []
      for (const f of files) hashes.push(await this.hash(f.path, f.size))
      return hashes
    }
    const replies = await sendTogether(asked)
    let next = 0
    return files.map((f, i) => (lines[i] === undefined ? undefined : this.read(command, replies[next++]!, f.size)))
  }

  /** The command to send for each path after `OPTS HASH` (undefined: none for that path), for sending them together. */
  async ready(): Promise<HashCommand | undefined> {
    await (this.selecting ??= this.select())
    return this.command
  }

  /** The line that asks for the hash of `remotePath`; undefined where this server cannot be asked. */
  commandFor(command: HashCommand, remotePath: string): string | undefined {
    // mod_digest splits an X command's argument at spaces (a path, then start and end).
    if (command.verb !== 'HASH' && /\s/.test(remotePath)) return undefined
    return `${command.verb} ${remotePath}`
  }

  /** The hash in a reply to `commandFor`'s line; undefined for a refusal or a reply it cannot be read from. */
  read(command: HashCommand, res: { code: number; message: string }, size?: number): ServerHash | undefined {
    if (res.code >= 300) return undefined
    const hex =
      command.verb === 'HASH'
        ? parseHashReply(res.message, command.algorithm, size)
        : parseXReply(res.message, command.algorithm)
    return hex === undefined ? undefined : { algorithm: command.algorithm, hex, verb: command.verb }
  }

  private async select(): Promise<void> {
    const select = this.command?.select
    if (select === undefined) return
    try {
      await this.send(select)
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      this.features = withoutHash(this.features)
      this.command = chooseHashCommand(this.features)
    }
  }
}
