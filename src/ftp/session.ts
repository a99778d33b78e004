/**
 * One FTPS session over basic-ftp: a secured, logged-in control connection, and transfers by
 * absolute path (no CWD per file). The handshake itself is in handshake.ts.
 */
import { Client, FileInfo, FTPError, FTPResponse } from 'basic-ftp'
import { Writable } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { DeployError } from '../errors.js'
import { Log, redact } from '../log.js'
import { Settings } from '../settings.js'
import { PassiveConnector } from './data-connection.js'
import { parseStatListing } from './stat-listing.js'
import { Sent, store } from './store.js'
import {
  bindSockets,
  controlSocket,
  dropTaskStacks,
  RepliesMismatch,
  Reply,
  sendPipelined,
  setNameEncoding,
  setProtocolLog
} from './basic-ftp.js'
import { login, protect, refused, secureControl } from './handshake.js'
import { fitsCommand, Pipelining } from './pipelining.js'
import { replyIsTransient } from '../retry.js'
import { peerFingerprint } from './tls-options.js'

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

class BasicFtpSession implements RemoteSession {
  constructor(
    private readonly client: Client,
    private readonly connector: PassiveConnector,
    readonly tlsVersion: string,
    readonly fingerprint: string,
    readonly home: string,
    private readonly greetingAllowsPipelining: boolean,
    private readonly pipelining: Pipelining,
    private readonly log: Log
  ) {}

  get pipelines(): boolean {
    return this.greetingAllowsPipelining && this.pipelining.on
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
    if (options.pipelined && this.pipelines) {
      try {
        replies = await sendPipelined(this.client, all, fitsCommand)
      } catch (err) {
        if (!(err instanceof RepliesMismatch)) throw err
        this.pipelining.confused(err.message)
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

  async upload(source: string | Buffer, remotePath: string): Promise<Sent> {
    return store(this.client, await this.connector.open(this.client), source, remotePath)
  }

  async download(remotePath: string): Promise<Buffer | undefined> {
    // Ask first without a data connection: ProFTPD answers RETR of a missing file by resetting
    // the data connection, which basic-ftp takes for a dead session. The size also tells a
    // whole download from a cut one.
    // The data connection's passive port is asked for in the same write, where the server takes it.
    const [size] = await this.sendAll([`SIZE ${remotePath}`], { pipelined: this.pipelines, preparePassive: true })
    if (size!.code === 550) return undefined
    if (size!.code >= 300 && size!.code !== 500 && size!.code !== 502) throw new FTPError(size!)
    const expected = sizeIn(size!)
    const parts: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        parts.push(chunk)
        done()
      }
    })
    try {
      await this.client.downloadTo(sink, remotePath)
    } catch (err) {
      // 550: no such file (RFC 959); anything else is a real failure, not "absent".
      if (err instanceof FTPError && err.code === 550) return undefined
      throw err
    }
    const data = Buffer.concat(parts)
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
    try {
      return await this.client.size(remotePath)
    } catch (err) {
      // 500/502: SIZE not implemented (RFC 3659 is optional); anything else is a real answer.
      if (err instanceof FTPError && (err.code === 500 || err.code === 502)) return undefined
      throw err
    }
  }

  async list(path: string): Promise<FileInfo[]> {
    return this.client.list(path)
  }

  async listEntries(path: string): Promise<FileInfo[]> {
    if (this.client.availableListCommands[0] === 'MLSD') return this.list(path)
    return (await this.statList(path)) ?? this.list(path)
  }

  async statList(path: string): Promise<FileInfo[] | undefined> {
    this.connector.forget()
    // pure-ftpd and ProFTPD glob STAT's argument (`[slug]` lists what matches s, l, u, g): LIST/MLSD decides (issue 11)
    if (globbed(path)) return undefined
    let res: FTPResponse
    try {
      res = await this.client.send(`STAT ${path}`)
    } catch (err) {
      // Refused (ProFTPD: 450 for no such directory; 500/502: no STAT): LIST decides. Not a
      // 4xx for the pool to retry.
      if (err instanceof FTPError) return undefined
      throw err
    }
    return parseStatListing(res)
  }

  async statLists(paths: string[], pipelined: boolean): Promise<(FileInfo[] | undefined)[]> {
    const asked = paths.filter(path => !globbed(path))
    if (!pipelined || asked.length < 2) {
      const infos: (FileInfo[] | undefined)[] = []
      for (const path of paths) infos.push(await this.statList(path))
      return infos
    }
    const replies = await this.sendAll(
      asked.map(path => `STAT ${path}`),
      { pipelined: true, preparePassive: false }
    )
    let next = 0
    return paths.map(path => {
      if (globbed(path)) return undefined
      const reply = replies[next++]!
      return reply.code < 300 ? parseStatListing(reply) : undefined
    })
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

/** The size in a 213 reply to SIZE (RFC 3659 4.2); undefined for any other reply. */
export function sizeIn(reply: Reply): number | undefined {
  const size = reply.code === 213 ? Number.parseInt(reply.message.slice(4).trim(), 10) : NaN
  return Number.isSafeInteger(size) ? size : undefined
}

/** pure-ftpd and ProFTPD glob STAT's argument: such names are listed with LIST (issue 11). */
const globbed = (path: string): boolean => /[[\]*?{}]/.test(path)

/**
 * Servers that mishandle commands sent before the previous reply, by their greeting: IIS (lftp
 * turns pipelining off for it) and FileZilla Server (1.x drops the connection).
 */
const NO_PIPELINING = /Microsoft FTP Service|FileZilla Server/i

/** Opens a secured, logged-in session. The password never reaches a log line. */
export const openSession: SessionFactory = async (settings, log, pipelining = new Pipelining(log)) => {
  const client = new Client(settings.timeoutMs)
  setNameEncoding(client, settings.encoding)
  // The protocol log only when someone reads it: redacting every line costs CPU on every file.
  setProtocolLog(
    client,
    log.debugEnabled === false ? undefined : message => log.debug(redact(message.trimEnd(), [settings.password]))
  )
  dropTaskStacks(client)
  if (settings.sourceAddress !== undefined) bindSockets(client, settings.sourceAddress)
  const connector = new PassiveConnector(settings.tlsFingerprints, settings.sourceAddress)
  client.prepareTransfer = connector.prepareTransfer(client)
  try {
    const greeting = await secureControl(client, settings)
    await login(client, settings)
    const pipelines = !NO_PIPELINING.test(greeting)
    const { home } = await protect(client, settings, pipelines && pipelining.on)
    const socket = controlSocket(client)
    const tlsVersion = socket instanceof TLSSocket ? (socket.getProtocol() ?? '') : ''
    const fingerprint = socket instanceof TLSSocket ? peerFingerprint(socket) : ''
    return new BasicFtpSession(client, connector, tlsVersion, fingerprint, home, pipelines, pipelining, log)
  } catch (err) {
    client.close()
    if (err instanceof DeployError) throw err
    throw new DeployError(
      `Could not connect to ${settings.host}:${settings.port}: ${redact(err instanceof Error ? err.message : String(err), [settings.password])}`,
      {},
      { cause: err }
    )
  }
}
