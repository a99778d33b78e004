/**
 * What the deploy needs of a server, whatever the protocol: the interface a transport implements
 * (src/ftp/ over basic-ftp), and the values that cross it. Types only, and the names of hash
 * algorithms; tests may fake a session.
 */
import type { Readable } from 'node:stream'
import type { DeployError } from './errors.js'
import type { ServerHash } from './hash-names.js'
import type { Log } from './log.js'
import type { ServerRecord } from './server-record.js'
import type { Settings } from './settings.js'

/** A reply to one command of several sent together: refusals (4xx, 5xx) included, not thrown. */
export interface Reply {
  code: number
  message: string
}

/** What an upload sent, counted as it went (a local file may change while it is read). */
export interface Sent {
  size: number
  sha256: string
}

/** A local file to upload: read whole when small, else streamed (local/ makes them). */
export interface LocalSource {
  readonly path: string
  /** The whole file when it is small, else undefined (then `stream` it). */
  readSmall(): Buffer | undefined
  stream(): Readable
}

/** Entry types as listings give them (the numbers basic-ftp's FileType uses). */
export const EntryType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 3 } as const

/** A small file read whole (the manifest): where it is, and the most bytes it may have. */
export interface FileToRead {
  path: string
  maxBytes: number
}

/** What `readFirstOf` found: STAT's listings of the directories, and each file asked for, up to the first there. */
export interface FirstRead {
  /**
   * Each directory STAT listed (undefined: STAT showed no listing); a directory not in it was not
   * asked (the server does not list with STAT, or STAT would glob the name).
   */
  stats: Map<string, RemoteEntry[] | undefined>
  /** In the order asked, up to the first file there (its bytes); undefined for those not there. */
  files: (Buffer | undefined)[]
}

/** One entry of a directory listing. */
export interface RemoteEntry {
  name: string
  /** One of EntryType. */
  type: number
  size: number
  /** Exact time where the listing gives one (MLSD), else undefined. */
  modifiedAt?: Date
  /** The time as the listing wrote it (LIST: 'Nov 25 09:40'). */
  rawModifiedAt: string
  /** What MLSD lists for it, where MLST read that beside a STAT listing (the listing output's exact times). */
  facts?: RemoteEntry
}

/** A change that can go with others at once: make or remove a directory, remove a file. */
export interface RemoteOp {
  kind: 'mkdir' | 'rmdir' | 'remove'
  path: string
}

/** How one change went: done, or the server's refusal (its reply code and text). */
export type OpOutcome = { done: true } | { done: false; code: number; reply: string }

/**
 * Changes sent in an upload's own write, just ahead of its transfer (the lock's heartbeat with
 * its holder.json): `done` hears how they went. A session that cannot send them that way (one
 * command at a time, SFTP) never calls `done`; the caller then makes them itself.
 */
export interface OpsFirst {
  ops: RemoteOp[]
  done(outcomes: OpOutcome[]): void
}

/**
 * Changes that ride behind the run's last rename, in its write (the deploy lock's release behind
 * the final manifest's, issue 22): the server runs them in order, after the rename.
 */
export interface Riding {
  ops: RemoteOp[]
  /** How they went; undefined: the write was lost (each may or may not have been done). */
  done(outcomes: OpOutcome[] | undefined): void
  /** After a lost write: none of them was done (the lock is still this run's), so the rename may be made anew. */
  undone(session: RemoteSession): Promise<boolean>
}

/** A checked temporary to move over its target: it goes live with the session's next write. */
export interface Rename {
  from: string
  to: string
  /** Remove the target first (a server that will not rename over a file). */
  clearFirst: boolean
}

/** A temporary just uploaded, checked before it may go live: its mode set, its size read. */
export interface TempCheck {
  path: string
  /** The file's name in errors. */
  name: string
  /** SITE CHMOD mode (`file-mode`), if asked. */
  mode?: string
  /** The bytes sent, to compare with the server's SIZE (`verify`); undefined: not compared. */
  size?: number
}

/**
 * One write after an upload: the renames of files checked before (they go live now), then the
 * checks of the temporary just uploaded, then the next transfer's passive port; or, with no
 * check, only renames (the last files of a phase), and `then` behind them.
 */
export interface Commit {
  renames: Rename[]
  check?: TempCheck
  /** Changes right behind the renames, in the same write (the lock's release behind the manifest's last rename). */
  then?: RemoteOp[]
}

/** What a commit found: each rename's refusal (undefined: done), and the check's failure, if any. */
export interface Committed {
  renames: (DeployError | undefined)[]
  /** How each of `then` went. */
  then?: OpOutcome[]
  /** A refused mode (final) or a size that differs (worth a retry); undefined: checked. */
  failure?: DeployError
}

/** What an upload is checked against, and what the file gets before it appears. */
export interface UploadChecks {
  /** The file's name in errors (its path relative to the root). */
  name: string
  /** Throws when what was sent is not what was planned: before anything is renamed, no round trip. */
  sent(sent: Sent): void
  /** Compare the server's size of the stored file with the bytes sent (`verify`). */
  verifySize: boolean
  /** SITE CHMOD mode the file gets before it appears under its name (`file-mode`). */
  mode?: string
  /** A further check of the stored file (`verify: hash`): before the rename, so never pipelined. */
  stored?: (session: RemoteSession, path: string, sent: Sent) => Promise<void>
}

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
  /** Uploads a local file, or bytes, to an absolute remote path (`first` ahead of it); says what was really sent. */
  upload(source: LocalSource | Buffer, remotePath: string, first?: OpsFirst): Promise<Sent>
  /**
   * Downloads a small remote file; undefined when the server says it does not exist (550). A
   * file over `maxBytes` is refused (before the transfer where SIZE tells), never read whole.
   */
  download(remotePath: string, maxBytes: number): Promise<Buffer | undefined>
  /**
   * `download` of the first of `paths` that is there, their sizes asked for in one write, with
   * STAT <dir> in that write too where the server lists that way: the run's first listing rides
   * on the manifest's read (and its backup's). `known`: those replies, asked already; `got`:
   * files read whole with them (togetherThenRead's `file`). Optional: callers fall back to `download`.
   */
  readFirstOf?(
    paths: string[],
    maxBytes: number,
    dirs?: string[],
    known?: ReadonlyMap<string, Reply>,
    got?: ReadonlyMap<string, Buffer>
  ): Promise<FirstRead>
  /**
   * The replies to the reads sent in the login's write (command -> reply), once: they are what
   * the server held when this session logged in, so only a read that may be that old takes them.
   */
  takeLoginReplies?(): ReadonlyMap<string, Reply> | undefined
  /** The entries a reply to STAT <dir> lists; undefined where it is no listing. Optional. */
  statListing?(reply: Reply): RemoteEntry[] | undefined
  /** hash for several files: the commands in one write where the server takes it. */
  hashes(files: { path: string; size: number }[]): Promise<(ServerHash | undefined)[]>
  /** Downloads a remote file of any size into SHA-256; undefined when it does not exist (550). */
  downloadHash(remotePath: string): Promise<{ sha256: string; size: number } | undefined>
  /**
   * The server's own hash of a file (HASH or an X command, see server-hash.ts); undefined where
   * it offers none this tool can use, or refuses it for this file. `size` checks HASH's range.
   */
  hash(remotePath: string, size?: number): Promise<ServerHash | undefined>
  /** Remote size in bytes (SIZE, else the STAT line where the server lists that way), or undefined when neither tells. */
  size(remotePath: string): Promise<number | undefined>
  list(path: string): Promise<RemoteEntry[]>
  /**
   * A directory's entries for the listing output: MLSD where the server offers it (exact
   * times), else STAT where it lists that way (the same ls lines, no data connection), else LIST.
   */
  listEntries(path: string): Promise<RemoteEntry[]>
  /**
   * A directory's entries over the control connection (STAT <dir>); undefined when STAT is
   * refused or its reply shows no '.' entry (a server that does not list with STAT, or no such
   * directory).
   */
  statList(path: string): Promise<RemoteEntry[] | undefined>
  /** statList for several directories: the STATs in one write when `pipelined`. */
  statLists(paths: string[], pipelined: boolean): Promise<(RemoteEntry[] | undefined)[]>
  /**
   * Each entry's facts as MLSD would list them (MLST <path>, in one write where the server takes
   * it); undefined for one without (refused, not there). Optional: where absent, listings decide.
   */
  facts?(paths: string[]): Promise<(RemoteEntry | undefined)[]>
  rename(from: string, to: string): Promise<void>
  /**
   * After an upload to its temporary name, in one write where the server takes it
   * (`server.pipelining`): the renames of files checked before, the temporary's mode and size,
   * and the next transfer's passive port. Nothing of the temporary goes live here: its rename
   * rides on a later write, once its checks are read.
   */
  commit(c: Commit): Promise<Committed>
  /** SITE CHMOD <mode> <path>: a refusal throws a DeployError naming the reply. */
  chmod(path: string, mode: string): Promise<void>
  remove(path: string): Promise<void>
  removeDir(path: string): Promise<void>
  /** What the run has learnt about the server, shared by every session of the run. */
  readonly server: ServerRecord
  /**
   * Several changes, in order, each answered on its own (a refusal is an outcome, not thrown):
   * together where the server takes it (`server.pipelining`), else one at a time. A lost
   * connection throws. `beforeTransfer`: a transfer comes next (FTP asks for its passive port in
   * the same write).
   */
  together(ops: RemoteOp[], options?: { beforeTransfer?: boolean }): Promise<OpOutcome[]>
  /**
   * `together`, then `reads` behind the changes (commands of one reply each: STAT, SIZE; a STAT
   * the server would glob is left out) and the next transfer's passive port, in the same writes
   * where the server takes pipelined commands: the server answers in order, so each read is
   * answered after every change ahead of it (the deploy lock's MKD: the state read under the
   * lock, issue 22). `next` (given the changes' outcomes) leads the second write. Where the
   * connection is lost after the changes' replies, what came after is undefined. `file`: a small
   * file whose SIZE is among `reads`, read at the end of the second write where the last change
   * was made and its SIZE came at most `maxBytes` (the manifest under the lock). Optional.
   * `beforeTransfer` false: no transfer comes next, no passive port is asked for.
   */
  togetherThenRead?(
    ops: RemoteOp[],
    reads: string[],
    next?: (outcomes: OpOutcome[]) => RemoteOp[],
    file?: FileToRead,
    options?: { beforeTransfer?: boolean }
  ): Promise<{ outcomes: OpOutcome[]; next?: OpOutcome[]; replies?: ReadonlyMap<string, Reply>; file?: Buffer }>
  /** False once the control connection is gone; the pool then opens a new session. */
  readonly usable: boolean
  /**
   * Tasks that may use the session at once (SFTP: requests are answered by id, many files in
   * flight on one channel, and one task's failure leaves the others' requests sound); undefined: one.
   */
  readonly parallel?: number
  close(): void
}

/** Sessions of one run share `server`: what one learns (a refused rename, a confused server), all go by. */
/**
 * Opens a session. `ahead`: reads (one reply each) that ride in the login's write where the
 * server takes pipelined commands (issue 22); the session keeps their replies for `takeLoginReplies`.
 */
export type SessionFactory = (
  settings: Settings,
  log: Log,
  server?: ServerRecord,
  ahead?: Promise<string[]>,
  steps?: OpeningSteps
) => Promise<RemoteSession>

/**
 * An opening's steps as another connection of the run waits on them (the lock's heartbeat keeps
 * its slot of a host's connection limit, session/hold-back.ts): where a server counts a
 * connection on connecting (vsftpd, pure-ftpd and pyftpdlib refuse with 421 instead of the 220)
 * or at login (ProFTPD's 530 after PASS, pure-ftpd's per-user limit), the slot is taken by then.
 */
export interface OpeningSteps {
  /** Called once the server has greeted the connection (its 220 came). */
  greeted?: () => void
  /** The login (USER and PASS) waits for this: another connection's login first. */
  loginAfter?: Promise<void>
  /** Ends the opening at once: the connection is closed, its slot freed. */
  signal?: AbortSignal
}
