/**
 * One FTPS session over basic-ftp: a secured, logged-in control connection, and transfers by
 * absolute path (no CWD per file). open-session.ts opens it; the handshake is in handshake.ts.
 */
import { Client, FTPError } from 'basic-ftp'
import { DeployError, describeError } from '../core/errors.js'
import { Log } from '../core/log.js'
import type {
  Commit,
  Committed,
  FileToRead,
  FirstRead,
  LocalSource,
  OpOutcome,
  OpsFirst,
  RemoteEntry,
  RemoteOp,
  RemoteSession
} from '../core/remote-session.js'
import type { HashAlgorithm, ServerHash } from '../core/hash-names.js'
import { replyIsTransient } from '../core/retry.js'
import type { ServerRecord } from '../core/server-record.js'
import { RepliesMismatch, Reply } from './basic-ftp.js'
import { commitTogether } from './commit.js'
import { PassiveConnector } from './data-connection.js'
import { refused } from './handshake.js'
import { globbed, opCommand, outcome, sizeUnavailable } from './pipelining.js'
import { downloadSha256, listDirectory } from './retrieve.js'
import { ServerHasher } from './server-hash.js'
import { readFirstOf, retrieveAhead, SmallReader } from './small-read.js'
import { parseStatListing, statFileSize, statListings } from './stat-listing.js'
import { mlstFacts } from './mlst.js'
import { commandFailed, SendOptions, sendAll } from './send-all.js'
import { Sent, store } from './store.js'
import type { TlsTiming } from './early-tls.js'
import { ThenRead, ThenReadIo, togetherThenRead } from './then-read.js'

export class BasicFtpSession implements RemoteSession {
  private readonly hasher: ServerHasher

  constructor(
    private readonly client: Client,
    private readonly connector: PassiveConnector,
    readonly tlsVersion: string,
    readonly fingerprint: string,
    readonly home: string,
    readonly server: ServerRecord,
    private readonly log: Log,
    features: Map<string, string>
  ) {
    this.hasher = new ServerHasher(
      command => client.send(command),
      features,
      message => log.debug(message)
    )
  }

  /** The algorithm `hash` answers in (FEAT, SHA-256 preferred); undefined: the server offers none. */
  get hashAlgorithm(): HashAlgorithm | undefined {
    return this.hasher.algorithm
  }

  hash(remotePath: string, size?: number): Promise<ServerHash | undefined> {
    this.connector.forget()
    return this.hasher.hash(remotePath, size)
  }

  hashes(files: { path: string; size: number }[]): Promise<(ServerHash | undefined)[]> {
    this.connector.forget()
    const send = (lines: string[]): Promise<Reply[]> => this.sendAll(lines, { pipelined: true, preparePassive: false })
    return this.hasher.hashMany(files, this.server.pipelining ? send : undefined)
  }

  async downloadHash(remotePath: string): Promise<{ sha256: string; size: number } | undefined> {
    // The next download's passive port behind the RETR, where the server reads it after the transfer.
    const data = await this.connector.open(this.client)
    return downloadSha256(this.client, data, remotePath, this.tlsTiming(), this.connector.behindStor())
  }

  get usable(): boolean {
    return !this.client.closed
  }

  async makeDir(path: string): Promise<boolean> {
    this.connector.forget()
    try {
      await this.client.send(`MKD ${path}`)
      return true
    } catch (err) {
      if (!(err instanceof FTPError)) throw commandFailed(`MKD ${path}`, err)
      // MKD on an existing directory is refused (550 on most servers): confirm it exists.
      try {
        await this.client.send(`CWD ${path}`)
        // Out again: a server may stumble once the directory it sits in is renamed (pure-ftpd
        // answers the next STAT with 421 and hangs up when the deploy lock is moved aside).
        await this.client.send(`CWD ${this.home}`).catch(() => undefined)
        return false
      } catch (cwdErr) {
        // A lost connection is not a refusal: the step is worth another try.
        if (!(cwdErr instanceof FTPError)) throw commandFailed(`CWD ${path}`, cwdErr)
        throw refused(`MKD ${path}`, err, `Cannot create the remote directory ${path}`)
      }
    }
  }

  async together(ops: RemoteOp[], options: { beforeTransfer?: boolean } = {}): Promise<OpOutcome[]> {
    const commands = ops.map(opCommand)
    const replies = await this.sendAll(commands, { pipelined: true, preparePassive: options.beforeTransfer ?? false })
    return replies.map(outcome)
  }

  togetherThenRead(
    ops: RemoteOp[],
    reads: string[],
    next?: (outcomes: OpOutcome[]) => RemoteOp[],
    file?: FileToRead,
    options?: { beforeTransfer?: boolean }
  ): Promise<ThenRead> {
    const io: ThenReadIo = {
      send: (c, o) => this.sendAll(c, o),
      // The next transfer's passive port behind the RETR, where the server reads it after the transfer.
      retrieve: (ahead, { path, maxBytes }, expected) =>
        retrieveAhead(this.reader(), path, maxBytes, expected, ahead, true)
    }
    return togetherThenRead(io, this.server, ops, reads, next, file, options)
  }

  /**
   * Sends commands that take one reply each and resolves with every reply in order, refusals
   * included (not thrown): see send-all.ts.
   */
  sendAll(commands: string[], options: SendOptions): Promise<Reply[]> {
    return sendAll(this.client, this.connector, this.server, commands, options)
  }

  async upload(source: LocalSource | Buffer, remotePath: string, first?: OpsFirst): Promise<Sent> {
    const data = await this.connector.open(this.client)
    const tls = this.tlsTiming()
    const ahead =
      first !== undefined && this.server.pipelining
        ? { commands: first.ops.map(opCommand), answered: (replies: Reply[]) => first.done(replies.map(outcome)) }
        : undefined
    return store(this.client, data, source, remotePath, tls, this.connector.behindStor(), ahead).catch(err => {
      if (!(err instanceof RepliesMismatch)) throw err
      // As for commands sent together: one at a time from now on, this upload again on a new connection.
      this.server.pipeliningConfused(err.message)
      throw new DeployError(`The replies to commands sent together did not match them (${err.message})`, {
        transient: true
      })
    })
  }

  /** Transfers start TLS as soon as TCP is up, until the server resets such a handshake (the record's `earlyTls`). */
  private tlsTiming(): TlsTiming {
    return { early: this.server.earlyTls, onEarlyReset: () => this.server.earlyTlsReset() }
  }

  commit(c: Commit): Promise<Committed> {
    return commitTogether(this, c)
  }

  async download(remotePath: string, maxBytes: number): Promise<Buffer | undefined> {
    // Ask first without a data connection: ProFTPD answers RETR of a missing file by resetting
    // the data connection, which basic-ftp takes for a dead session. The size also tells a
    // whole download from a cut one. The passive port is asked for in the same write.
    return (await readFirstOf(this.reader(), [remotePath], maxBytes)).files[0]
  }

  readFirstOf(
    paths: string[],
    maxBytes: number,
    dirs?: string[],
    known?: ReadonlyMap<string, Reply>,
    got?: ReadonlyMap<string, Buffer>
  ): Promise<FirstRead> {
    return readFirstOf(this.reader(), paths, maxBytes, dirs, known, got)
  }

  /** The replies to the reads sent in the login's write (open-session.ts), once. */
  loginReplies: Map<string, Reply> | undefined

  takeLoginReplies(): ReadonlyMap<string, Reply> | undefined {
    const replies = this.loginReplies
    this.loginReplies = undefined
    return replies
  }

  statListing(reply: Reply): RemoteEntry[] | undefined {
    return reply.code < 300 ? parseStatListing({ ...reply }) : undefined
  }

  private reader(): SmallReader {
    const { client, connector, server } = this
    return { client, connector, server, tls: () => this.tlsTiming(), sendAll: (c, o) => this.sendAll(c, o) }
  }

  async size(remotePath: string): Promise<number | undefined> {
    this.connector.forget()
    if (this.server.size) {
      try {
        return await this.client.size(remotePath)
      } catch (err) {
        // SIZE not implemented (RFC 3659 is optional) or refused as a command; else a real answer.
        if (!(err instanceof FTPError && sizeUnavailable(err))) throw err
        this.server.sizeUnavailable(err.message)
      }
    }
    // Its STAT line instead, where STAT lists (not a name STAT would glob).
    if (!this.server.statLists || globbed(remotePath)) return undefined
    const [stat] = await this.sendAll([`STAT ${remotePath}`], { pipelined: false, preparePassive: false })
    return statFileSize(stat!, remotePath)
  }

  async list(path: string): Promise<RemoteEntry[]> {
    return listDirectory(this.client, this.connector, path, this.server, this.tlsTiming())
  }

  async listEntries(path: string): Promise<RemoteEntry[]> {
    if (this.server.listCommand === 'MLSD' || !this.server.statLists) return this.list(path)
    let infos: RemoteEntry[] | undefined
    try {
      infos = await this.statList(path)
    } catch (err) {
      // The connection is gone (a refusal is a reply, not thrown): the retry lists over LIST.
      this.server.statListsLost(describeError(err))
      throw err
    }
    return infos ?? this.list(path)
  }

  async statList(path: string): Promise<RemoteEntry[] | undefined> {
    this.connector.forget()
    return (await statListings([path], this.sendCommands(false)))[0]
  }

  statLists(paths: string[], pipelined: boolean): Promise<(RemoteEntry[] | undefined)[]> {
    return statListings(paths, this.sendCommands(pipelined))
  }

  facts(paths: string[]): Promise<(RemoteEntry | undefined)[]> {
    this.connector.forget()
    return mlstFacts(paths, this.sendCommands(true))
  }

  /** sendAll without a passive port asked ahead: one write when `pipelined`. */
  private sendCommands(pipelined: boolean): (commands: string[]) => Promise<Reply[]> {
    return commands => this.sendAll(commands, { pipelined, preparePassive: false })
  }

  /** RNFR and RNTO in one write where the server takes it (after a refused RNFR, RNTO is refused too: 503). */
  async rename(from: string, to: string): Promise<void> {
    const [rnfr, rnto] = await this.sendAll([`RNFR ${from}`, `RNTO ${to}`], { pipelined: true, preparePassive: false })
    const refusal = rnfr!.code !== 350 ? rnfr! : rnto!.code < 200 || rnto!.code >= 300 ? rnto! : undefined
    if (refusal === undefined) return
    throw new DeployError(`Could not rename ${from} to ${to}: ${refusal.message}`, {
      command: 'RNFR/RNTO',
      code: refusal.code,
      reply: refusal.message,
      transient: replyIsTransient(refusal.code, refusal.message)
    })
  }

  async chmod(path: string, mode: string): Promise<void> {
    this.connector.forget()
    try {
      await this.client.send(`SITE CHMOD ${mode} ${path}`)
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      throw new DeployError(
        `Could not set mode ${mode} on ${path}: the server answered SITE CHMOD with ${err.message}`,
        {
          command: 'SITE CHMOD',
          code: err.code,
          reply: err.message,
          transient: replyIsTransient(err.code, err.message)
        }
      )
    }
  }

  async remove(path: string): Promise<void> {
    this.connector.forget()
    await this.client.send(`DELE ${path}`)
  }

  async removeDir(path: string): Promise<void> {
    this.connector.forget()
    await this.client.send(`RMD ${path}`)
  }

  close(): void {
    this.log.debug('Closing the FTP session')
    this.client.close()
  }
}
