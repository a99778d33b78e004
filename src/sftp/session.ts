/**
 * One SFTP session over ssh2: an SSH connection with one SFTP channel, logged in (open.ts), and
 * the RemoteSession the engine drives, as the FTP one does. SFTP answers each request by its id,
 * so requests go out without waiting for the one before (`together` and `commit` send them all
 * at once; internal-sftp answers in order). There is no hash request in OpenSSH: `hash` and
 * `hashes` answer undefined, so adopt `auto` uploads and `verify: hash` warns once (the layers
 * above decide on `server.hashAlgorithm`, left undefined).
 */
import type { Client, FileEntry, SFTPWrapper, Stats } from 'ssh2'
import { DeployError, describeError, incomplete } from '../core/errors.js'
import type { Log } from '../core/log.js'
import {
  type Commit,
  type Committed,
  type LocalSource,
  type OpOutcome,
  type RemoteEntry,
  type RemoteOp,
  type RemoteSession,
  type Rename,
  type Sent
} from '../core/remote-session.js'
import type { ServerHash } from '../core/hash-names.js'
import type { ServerRecord } from '../core/server-record.js'
import { noSuchFile, translated } from './errors.js'
import { entryOf } from './listing.js'
import { HandleTracker } from './handles.js'
import { channelOpen, sha256Of, writeFile, writeRefused, WriteWindow } from './upload.js'

/** The server's extensions the session uses, as internal-sftp lists them in its VERSION. */
const POSIX_RENAME = 'posix-rename@openssh.com'
const STATVFS = 'statvfs@openssh.com'

/** Files in flight at once on one channel (the pool's tasks sharing it), each about one round trip (handles.ts). */
const FILES_IN_FLIGHT = 8

export class SftpSession implements RemoteSession {
  /** No TLS: the host key's fingerprint stands where the certificate's would. */
  readonly tlsVersion = ''
  readonly parallel = FILES_IN_FLIGHT
  private open = true
  /** Each upload in flight's path and the size FSTAT read before its CLOSE: its commit needs no STAT. */
  private readonly stored = new Map<string, number>()
  /** The WRITEs in flight on the channel, shared by the files in flight. */
  private readonly window = new WriteWindow()
  /** Handles this channel has open and freed: what the next OPEN will most likely be given. */
  private readonly handles: HandleTracker
  /** Uploads send their WRITEs before OPEN's reply, on the handle `handles` predicts. */
  private predictHandles = true

  constructor(
    private readonly client: Client,
    private readonly sftp: SFTPWrapper,
    readonly fingerprint: string,
    readonly home: string,
    readonly server: ServerRecord,
    private readonly log: Log
  ) {
    this.handles = new HandleTracker(sftp)
    const gone = (): void => {
      this.open = false
    }
    client.once('close', gone)
    client.once('end', gone)
    sftp.once('close', gone)
    sftp.once('end', gone)
  }

  get usable(): boolean {
    return this.open && channelOpen(this.sftp)
  }

  /** The extensions the server announced (posix-rename@openssh.com, statvfs@openssh.com, ...). */
  private get extensions(): Record<string, string> {
    return (this.sftp as unknown as { _extensions?: Record<string, string> })._extensions ?? {}
  }

  /** One request, as a promise; failures translated (errors.ts), naming `what`. */
  private call<T>(what: string, run: (cb: (err: Error | undefined | null, value?: T) => void) => void): Promise<T> {
    if (!channelOpen(this.sftp)) {
      return Promise.reject(translated(new Error('the SFTP channel is closed (the connection was lost)'), what))
    }
    return new Promise<T>((resolve, reject) => {
      try {
        run((err, value) => (err ? reject(translated(err, what)) : resolve(value as T)))
      } catch (err) {
        reject(translated(err, what))
      }
    })
  }

  async makeDir(path: string): Promise<boolean> {
    try {
      await this.call<void>(`mkdir ${path}`, cb => this.sftp.mkdir(path, cb))
      return true
    } catch (err) {
      const stat = await this.statOf(path)
      if (stat?.isDirectory() === true) return false
      throw new DeployError(`Cannot create the remote directory ${path}: ${describeError(err)}`, {
        command: 'mkdir',
        code: 550,
        reply: describeError(err)
      })
    }
  }

  /** The path's attributes, or undefined when there is no such file. */
  private async statOf(path: string): Promise<Stats | undefined> {
    try {
      return await this.call<Stats>(`stat ${path}`, cb => this.sftp.stat(path, cb))
    } catch (err) {
      if (noSuchFile(err)) return undefined
      throw err
    }
  }

  async upload(source: LocalSource | Buffer, remotePath: string): Promise<Sent> {
    this.stored.delete(remotePath)
    if (this.predictHandles) await this.handles.closed()
    const handle = this.predictHandles ? this.handles.next() : undefined
    const predicted = handle === undefined ? undefined : { handle, ...this.handles.raw }
    try {
      const { held, size, sha256, missed } = await writeFile(this.sftp, source, remotePath, this.window, predicted)
      if (missed === true && this.predictHandles) {
        this.predictHandles = false
        this.handles.miss()
        this.log.debug(`The server gave another handle than the one it freed last: no OPEN pipelined from now on`)
      }
      if (held !== undefined) this.stored.set(remotePath, held)
      return { size, sha256 }
    } catch (err) {
      throw await writeRefused(this.sftp, this.extensions[STATVFS] !== undefined, err, remotePath)
    }
  }

  async download(remotePath: string, maxBytes: number): Promise<Buffer | undefined> {
    const stat = await this.statOf(remotePath)
    if (stat === undefined) return undefined
    if (stat.size > maxBytes) {
      throw new DeployError(`${remotePath} is ${stat.size} bytes, more than the ${maxBytes} this tool reads whole`, {
        command: 'read'
      })
    }
    const data = await this.call<Buffer>(`read ${remotePath}`, cb => this.sftp.readFile(remotePath, cb))
    if (data.length !== stat.size) {
      throw new DeployError(`Download of ${remotePath} is incomplete: ${data.length} of ${stat.size} bytes arrived`, {
        command: 'read',
        transient: true
      })
    }
    return data
  }

  hashes = (files: { path: string; size: number }[]): Promise<(ServerHash | undefined)[]> =>
    Promise.resolve(files.map(() => undefined))

  hash = (): Promise<ServerHash | undefined> => Promise.resolve(undefined)

  async downloadHash(remotePath: string): Promise<{ sha256: string; size: number } | undefined> {
    if ((await this.statOf(remotePath)) === undefined) return undefined
    return sha256Of(this.sftp, remotePath)
  }

  async size(remotePath: string): Promise<number | undefined> {
    const stat = await this.call<Stats>(`stat ${remotePath}`, cb => this.sftp.stat(remotePath, cb))
    return stat.size
  }

  async list(path: string): Promise<RemoteEntry[]> {
    const entries = await this.call<FileEntry[]>(`readdir ${path}`, cb => this.sftp.readdir(path, cb))
    return entries.filter(e => e.filename !== '.' && e.filename !== '..').map(entryOf)
  }

  listEntries(path: string): Promise<RemoteEntry[]> {
    return this.list(path)
  }

  async statList(path: string): Promise<RemoteEntry[] | undefined> {
    try {
      return await this.list(path)
    } catch (err) {
      if (noSuchFile(err)) return undefined
      throw err
    }
  }

  /** Every directory's READDIR at once: SFTP requests need not wait for each other. */
  statLists(paths: string[]): Promise<(RemoteEntry[] | undefined)[]> {
    return Promise.all(paths.map(p => this.statList(p)))
  }

  async rename(from: string, to: string): Promise<void> {
    const err = await this.renameOutcome({ from, to, clearFirst: false })
    if (err !== undefined) throw err
  }

  /**
   * A rename as its outcome: posix-rename@openssh.com where the server lists it (it replaces the
   * target, as rename(2) does; internal-sftp refuses a plain SSH_FXP_RENAME onto an existing
   * file), else the plain rename, after removing the target when `clearFirst`.
   */
  private async renameOutcome(r: Rename): Promise<DeployError | undefined> {
    const posixRename = this.extensions[POSIX_RENAME] !== undefined
    try {
      if (r.clearFirst && !posixRename) {
        await this.call<void>(`remove ${r.to}`, cb => this.sftp.unlink(r.to, cb)).catch(() => undefined)
      }
      await this.call<void>(`rename ${r.from}`, cb =>
        posixRename ? this.sftp.ext_openssh_rename(r.from, r.to, cb) : this.sftp.rename(r.from, r.to, cb)
      )
      return undefined
    } catch (err) {
      if (!(err instanceof Error) || err instanceof DeployError) throw err
      const reply = err.message
      return new DeployError(`Could not rename ${r.from} to ${r.to}: ${reply}`, {
        command: posixRename ? POSIX_RENAME : 'rename',
        code: 550,
        reply
      })
    }
  }

  /** The renames, the temporary's mode and its size (from its attributes), all sent at once. */
  async commit(c: Commit): Promise<Committed> {
    const check = c.check
    const renames = Promise.all(c.renames.map(r => this.renameOutcome(r)))
    const mode = check?.mode === undefined ? undefined : this.chmodOutcome(check.path, check.mode, check.name)
    const known = check === undefined ? undefined : this.stored.get(check.path)
    if (check !== undefined) this.stored.delete(check.path)
    const size =
      check?.size === undefined
        ? undefined
        : known !== undefined
          ? Promise.resolve(known)
          : this.call<Stats>(`stat ${check.path}`, cb => this.sftp.stat(check.path, cb)).then(
              s => s.size,
              (err: unknown) =>
                err instanceof Error && /SSH_FX/.test(err.message) ? `no file (${err.message})` : Promise.reject(err)
            )
    const [done, modeFailure, held] = await Promise.all([renames, mode, size])
    let failure = modeFailure
    if (failure === undefined && check?.size !== undefined && held !== check.size) {
      failure = incomplete(check.name, held ?? 'nothing', check.size)
    }
    return { renames: done, failure }
  }

  private async chmodOutcome(path: string, mode: string, name?: string): Promise<DeployError | undefined> {
    try {
      await this.call<void>(`setstat ${path}`, cb => this.sftp.chmod(path, parseInt(mode, 8), cb))
      return undefined
    } catch (err) {
      if (!(err instanceof Error) || err instanceof DeployError) throw err
      return new DeployError(`Could not set mode ${mode} on ${path}: the server answered SETSTAT with ${err.message}`, {
        file: name,
        command: 'SETSTAT',
        code: 550,
        reply: err.message
      })
    }
  }

  async chmod(path: string, mode: string): Promise<void> {
    const failure = await this.chmodOutcome(path, mode)
    if (failure !== undefined) throw failure
  }

  remove(path: string): Promise<void> {
    return this.call<void>(`remove ${path}`, cb => this.sftp.unlink(path, cb))
  }

  removeDir(path: string): Promise<void> {
    return this.call<void>(`rmdir ${path}`, cb => this.sftp.rmdir(path, cb))
  }

  /** Every change sent at once; each answered on its own (a status is an outcome, not thrown). */
  together(ops: RemoteOp[]): Promise<OpOutcome[]> {
    return Promise.all(
      ops.map(async (op): Promise<OpOutcome> => {
        try {
          if (op.kind === 'mkdir') await this.call<void>(`mkdir ${op.path}`, cb => this.sftp.mkdir(op.path, cb))
          else if (op.kind === 'rmdir') await this.removeDir(op.path)
          else await this.remove(op.path)
          return { done: true }
        } catch (err) {
          if (err instanceof DeployError) throw err
          if (!(err instanceof Error) || !('code' in err)) throw err
          return { done: false, code: (err as { code: number }).code, reply: err.message }
        }
      })
    )
  }

  close(): void {
    this.log.debug('Closing the SFTP session')
    this.open = false
    this.client.end()
  }
}
