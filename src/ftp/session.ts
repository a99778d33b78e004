/**
 * One FTPS session over basic-ftp: a secured, logged-in control connection, and transfers by
 * absolute path (no CWD per file). The handshake itself is in handshake.ts.
 */
import { Client, FileInfo, FTPError, FTPResponse } from 'basic-ftp'
import { TLSSocket } from 'node:tls'
import { DeployError } from '../errors.js'
import { Log, redact } from '../log.js'
import { Settings } from '../settings.js'
import { PassiveConnector } from './data-connection.js'
import { parseStatListing } from './stat-listing.js'
import { listDirectory, retrieve } from './retrieve.js'
import { Sent, store } from './store.js'
import {
  bindSockets,
  controlSocket,
  dropTaskStacks,
  setNameEncoding,
  setProtocolLog,
  skipStrayCompletions
} from './basic-ftp.js'
import { login, protect, refused, secureControl } from './handshake.js'
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
   * A directory's entries over the control connection (STAT <dir>); undefined when STAT is
   * refused or its reply shows no '.' entry (a server that does not list with STAT, or no such
   * directory).
   */
  statList(path: string): Promise<FileInfo[] | undefined>
  rename(from: string, to: string): Promise<void>
  /** SITE CHMOD <mode> <path>: a refusal throws a DeployError naming the reply. */
  chmod(path: string, mode: string): Promise<void>
  remove(path: string): Promise<void>
  removeDir(path: string): Promise<void>
  /** False once the control connection is gone; the pool then opens a new session. */
  readonly usable: boolean
  close(): void
}

export type SessionFactory = (settings: Settings, log: Log) => Promise<RemoteSession>

class BasicFtpSession implements RemoteSession {
  constructor(
    private readonly client: Client,
    private readonly connector: PassiveConnector,
    readonly tlsVersion: string,
    readonly fingerprint: string,
    readonly home: string,
    private readonly log: Log
  ) {}

  get usable(): boolean {
    return !this.client.closed
  }

  async makeDir(path: string): Promise<boolean> {
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

  async upload(source: string | Buffer, remotePath: string): Promise<Sent> {
    return store(this.client, await this.connector.open(this.client), source, remotePath)
  }

  async download(remotePath: string): Promise<Buffer | undefined> {
    // Ask first without a data connection: ProFTPD answers RETR of a missing file by resetting
    // the data connection, which basic-ftp takes for a dead session. The size also tells a
    // whole download from a cut one.
    let expected: number | undefined
    try {
      expected = await this.client.size(remotePath)
    } catch (err) {
      if (err instanceof FTPError && err.code === 550) return undefined
      if (!(err instanceof FTPError && (err.code === 500 || err.code === 502))) throw err
    }
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
    try {
      return await this.client.size(remotePath)
    } catch (err) {
      // 500/502: SIZE not implemented (RFC 3659 is optional); anything else is a real answer.
      if (err instanceof FTPError && (err.code === 500 || err.code === 502)) return undefined
      throw err
    }
  }

  async list(path: string): Promise<FileInfo[]> {
    return listDirectory(this.client, this.connector, path)
  }

  async statList(path: string): Promise<FileInfo[] | undefined> {
    // pure-ftpd and ProFTPD glob STAT's argument (`[slug]` lists what matches s, l, u, g): LIST/MLSD decides (issue 11)
    if (/[[\]*?{}]/.test(path)) return undefined
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

  async rename(from: string, to: string): Promise<void> {
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
    await this.client.send(`DELE ${path}`)
  }

  async removeDir(path: string): Promise<void> {
    await this.client.send(`RMD ${path}`)
  }

  close(): void {
    this.log.debug('Closing the FTP session')
    this.client.close()
  }
}

/** Opens a secured, logged-in session. The password never reaches a log line. */
export const openSession: SessionFactory = async (settings, log) => {
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
  const connector = new PassiveConnector(settings.tlsFingerprints, settings.sourceAddress)
  client.prepareTransfer = connector.prepareTransfer(client)
  try {
    await secureControl(client, settings)
    await login(client, settings)
    await protect(client, settings)
    const pwd = await client.pwd()
    const socket = controlSocket(client)
    const tlsVersion = socket instanceof TLSSocket ? (socket.getProtocol() ?? '') : ''
    const fingerprint = socket instanceof TLSSocket ? peerFingerprint(socket) : ''
    return new BasicFtpSession(client, connector, tlsVersion, fingerprint, pwd, log)
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
