/**
 * One FTPS session over basic-ftp: a secured, logged-in control connection, and transfers by
 * absolute path (no CWD per file). The handshake itself is in handshake.ts.
 */
import { Client, FTPError } from 'basic-ftp'
import { TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import { Log, redact } from '../core/log.js'
import { PassiveConnector } from './data-connection.js'
import { statListings } from './stat-listing.js'
import { downloadSha256, listDirectory, retrieve } from './retrieve.js'
import { Sent, store } from './store.js'
import {
  bindSockets,
  controlSocket,
  dropTaskStacks,
  RepliesMismatch,
  Reply,
  sendPipelined,
  setNameEncoding,
  setProtocolLog,
  skipStrayCompletions
} from './basic-ftp.js'
import { login, protect, refused, secureControl } from './handshake.js'
import { fitsCommand, sizeIn } from './pipelining.js'
import { replyIsTransient } from '../core/retry.js'
import type {
  Commit,
  Committed,
  HashAlgorithm,
  LocalSource,
  RemoteEntry,
  RemoteSession,
  ServerHash,
  SessionFactory
} from '../core/remote-session.js'
import { ServerRecord } from '../core/server-record.js'
import { commitTogether } from './commit.js'
import { peerFingerprint } from './tls-options.js'
import { ServerHasher } from './server-hash.js'
import { translated, translatedError } from './translate.js'

class BasicFtpSession implements RemoteSession {
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
    return downloadSha256(this.client, await this.connector.open(this.client), remotePath)
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
      if (!(err instanceof FTPError)) throw err
      // MKD on an existing directory is refused (550 on most servers): confirm it exists.
      try {
        await this.client.send(`CWD ${path}`)
        // Out again: a server may stumble once the directory it sits in is renamed (pure-ftpd
        // answers the next STAT with 421 and hangs up when the deploy lock is moved aside).
        await this.client.send(`CWD ${this.home}`).catch(() => undefined)
        return false
      } catch {
        throw refused(`MKD ${path}`, err, `Cannot create the remote directory ${path}`)
      }
    }
  }

  async sendAll(commands: string[], options: { pipelined: boolean; preparePassive: boolean }): Promise<Reply[]> {
    // A port asked for ahead is kept only by the transfer right after it.
    this.connector.forget()
    const all = options.preparePassive ? [...commands, this.connector.passiveCommand] : commands
    let replies: Reply[]
    if (options.pipelined && this.server.pipelining) {
      try {
        replies = await sendPipelined(this.client, all, fitsCommand)
      } catch (err) {
        if (!(err instanceof RepliesMismatch)) throw err
        this.server.pipeliningConfused(err.message)
        throw new DeployError(`The replies to commands sent together did not match them (${err.message})`, {
          transient: true
        })
      }
    } else {
      replies = []
      for (const command of all) {
        try {
          const res = await this.client.send(command)
          replies.push({ code: res.code, message: res.message })
        } catch (err) {
          if (!(err instanceof FTPError)) throw err
          replies.push({ code: err.code, message: err.message })
        }
      }
    }
    if (options.preparePassive) this.connector.prepare(replies.pop()!)
    return replies
  }

  async upload(source: LocalSource | Buffer, remotePath: string): Promise<Sent> {
    return store(this.client, await this.connector.open(this.client), source, remotePath, {
      early: this.server.earlyTls,
      onEarlyReset: () => this.server.earlyTlsReset()
    })
  }

  commit(c: Commit): Promise<Committed> {
    return commitTogether(this, c)
  }

  async download(remotePath: string): Promise<Buffer | undefined> {
    // Ask first without a data connection: ProFTPD answers RETR of a missing file by resetting
    // the data connection, which basic-ftp takes for a dead session. The size also tells a
    // whole download from a cut one.
    // The data connection's passive port is asked for in the same write, where the server takes it.
    const [size] = await this.sendAll([`SIZE ${remotePath}`], { pipelined: true, preparePassive: true })
    if (size!.code === 550) return undefined
    if (size!.code >= 300 && size!.code !== 500 && size!.code !== 502) throw new FTPError(size!)
    const expected = sizeIn(size!)
    let data: Buffer
    try {
      data = await retrieve(this.client, await this.connector.open(this.client), `RETR ${remotePath}`)
    } catch (err) {
      // 550: no such file (RFC 959); anything else is a real failure, not "absent".
      if (err instanceof FTPError && err.code === 550) return undefined
      throw err
    }
    if (expected !== undefined && data.length !== expected) {
      throw new DeployError(`Download of ${remotePath} is incomplete: ${data.length} of ${expected} bytes arrived`, {
        command: 'RETR',
        transient: true
      })
    }
    return data
  }

  async size(remotePath: string): Promise<number | undefined> {
    this.connector.forget()
    if (!this.server.size) return undefined
    try {
      return await this.client.size(remotePath)
    } catch (err) {
      // 500/502: SIZE not implemented (RFC 3659 is optional); anything else is a real answer.
      if (!(err instanceof FTPError && (err.code === 500 || err.code === 502))) throw err
      this.server.size = false
      return undefined
    }
  }

  async list(path: string): Promise<RemoteEntry[]> {
    return listDirectory(this.client, this.connector, path, this.server)
  }

  async listEntries(path: string): Promise<RemoteEntry[]> {
    if (this.server.listCommand === 'MLSD') return this.list(path)
    return (await this.statList(path)) ?? this.list(path)
  }

  async statList(path: string): Promise<RemoteEntry[] | undefined> {
    this.connector.forget()
    return (await statListings([path], this.sendCommands(false)))[0]
  }

  statLists(paths: string[], pipelined: boolean): Promise<(RemoteEntry[] | undefined)[]> {
    return statListings(paths, this.sendCommands(pipelined))
  }

  /** sendAll without a passive port asked ahead: one write when `pipelined`. */
  private sendCommands(pipelined: boolean): (commands: string[]) => Promise<Reply[]> {
    return commands => this.sendAll(commands, { pipelined, preparePassive: false })
  }

  async rename(from: string, to: string): Promise<void> {
    this.connector.forget()
    try {
      await this.client.send(`RNFR ${from}`)
      await this.client.send(`RNTO ${to}`)
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      throw new DeployError(`Could not rename ${from} to ${to}: ${err.message}`, {
        command: 'RNFR/RNTO',
        code: err.code,
        reply: err.message,
        transient: replyIsTransient(err.code, err.message)
      })
    }
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

/** Opens a secured, logged-in session. The password never reaches a log line. */
export const openSession: SessionFactory = async (settings, log, server = new ServerRecord(log, { atomic: true })) => {
  const client = new Client(settings.timeoutMs)
  setNameEncoding(client, settings.encoding)
  // The protocol log only when someone reads it: redacting every line costs CPU on every file.
  setProtocolLog(
    client,
    log.debugEnabled === false ? undefined : message => log.debug(redact(message.trimEnd(), [settings.password]))
  )
  dropTaskStacks(client)
  skipStrayCompletions(client)
  if (settings.sourceAddress !== undefined) bindSockets(client, settings.sourceAddress)
  const connector = new PassiveConnector(settings.tlsFingerprints, settings.sourceAddress, server)
  client.prepareTransfer = connector.prepareTransfer(client)
  try {
    const greeting = await secureControl(client, settings)
    await login(client, settings)
    server.greeted(greeting)
    const { home, features } = await protect(client, settings, server)
    const socket = controlSocket(client)
    const tlsVersion = socket instanceof TLSSocket ? (socket.getProtocol() ?? '') : ''
    const fingerprint = socket instanceof TLSSocket ? peerFingerprint(socket) : ''
    const session = new BasicFtpSession(client, connector, tlsVersion, fingerprint, home, server, log, features)
    server.hashAlgorithm = session.hashAlgorithm
    return translated(session)
  } catch (err) {
    client.close()
    if (err instanceof DeployError) throw err
    throw new DeployError(
      `Could not connect to ${settings.host}:${settings.port}: ${redact(err instanceof Error ? err.message : String(err), [settings.password])}`,
      {},
      { cause: translatedError(err) }
    )
  }
}
