/** What the deploy needs of a server (session.ts makes real ones over basic-ftp; tests may fake it). */
import type { FileInfo } from 'basic-ftp'
import type { Log } from '../core/log.js'
import type { Settings } from '../config/settings.js'
import type { Reply } from './basic-ftp.js'
import type { Pipelining } from './pipelining.js'
import type { HashAlgorithm, ServerHash } from './server-hash.js'
import type { Sent } from './store.js'

/** What the deploy needs of a server; a factory makes real ones, tests may fake it. */
export interface RemoteSession {
  /** Negotiated TLS version of the control connection ('' for plain FTP). */
  readonly tlsVersion: string
  /** SHA-256 fingerprint of the server certificate ('' for plain FTP). */
  readonly fingerprint: string
  /** The login directory (PWD). */
  readonly home: string
  /** Creates one directory (its parent exists: one level, unlike basic-ftp's ensureDir). True if it was created, false if it existed. */
  makeDir(path: string): Promise<boolean>
  /** Uploads a local file, or bytes, to an absolute remote path; says what was really sent. */
  upload(source: string | Buffer, remotePath: string): Promise<Sent>
  /** Downloads a (small) remote file; undefined when the server says it does not exist (550). */
  download(remotePath: string): Promise<Buffer | undefined>
  /** Downloads a remote file of any size into SHA-256; undefined when it does not exist (550). */
  /** hash for several files: the commands in one write where the server takes it. */
  hashes(files: { path: string; size: number }[]): Promise<(ServerHash | undefined)[]>
  downloadHash(remotePath: string): Promise<{ sha256: string; size: number } | undefined>
  /** The algorithm `hash` answers in (FEAT, SHA-256 preferred); undefined: the server offers none. */
  readonly hashAlgorithm: HashAlgorithm | undefined
  /**
   * The server's own hash of a file (HASH or an X command, see server-hash.ts); undefined where
   * it offers none this tool can use, or refuses it for this file. `size` checks HASH's range.
   */
  hash(remotePath: string, size?: number): Promise<ServerHash | undefined>
  /** Remote size in bytes, or undefined when the server has no SIZE. */
  size(remotePath: string): Promise<number | undefined>
  list(path: string): Promise<FileInfo[]>
  /**
   * A directory's entries for the listing output: MLSD where the server offers it (exact
   * times), else STAT where it lists that way (the same ls lines, no data connection), else LIST.
   */
  listEntries(path: string): Promise<FileInfo[]>
  /**
   * A directory's entries over the control connection (STAT <dir>); undefined when STAT is
   * refused or its reply shows no '.' entry (a server that does not list with STAT, or no such
   * directory).
   */
  statList(path: string): Promise<FileInfo[] | undefined>
  /** statList for several directories: the STATs in one write when `pipelined`. */
  statLists(paths: string[], pipelined: boolean): Promise<(FileInfo[] | undefined)[]>
  rename(from: string, to: string): Promise<void>
  /** SITE CHMOD <mode> <path>: a refusal throws a DeployError naming the reply. */
  chmod(path: string, mode: string): Promise<void>
  remove(path: string): Promise<void>
  removeDir(path: string): Promise<void>
  /**
   * Whether this server is one to send several commands at once: not those known to mishandle
   * them (IIS, FileZilla Server: by their greeting).
   */
  readonly pipelines: boolean
  /**
   * Sends commands that take one reply each and resolves with every reply in order, refusals
   * included (not thrown): in one write when `pipelined`, else one at a time. With
   * `preparePassive`, the next transfer's passive port is asked for in the same write.
   */
  sendAll(commands: string[], options: { pipelined: boolean; preparePassive: boolean }): Promise<Reply[]>
  /** False once the control connection is gone; the pool then opens a new session. */
  readonly usable: boolean
  close(): void
}

/** Sessions of one run share `pipelining`: a server seen confused gets one command at a time from all of them. */
export type SessionFactory = (settings: Settings, log: Log, pipelining?: Pipelining) => Promise<RemoteSession>
