/**
 * One FTPS session over basic-ftp: connect, secure, log in, protect, then transfers with
 * absolute paths. basic-ftp's `access` ignores a refused PBSZ/PROT P and trusts no 332, so
 * the handshake is done here, step by step, each step required (RFC 4217, RFC 959).
 */
import { Client, FileInfo, FTPError, FTPResponse } from 'basic-ftp'
import { connectForPassiveTransfer, parseEpsvResponse, parsePasvResponse } from 'basic-ftp/dist/transfer.js'
import { FTPContext } from 'basic-ftp/dist/FtpContext.js'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { Socket, SocketConnectOpts } from 'node:net'
import { connect as tlsConnect, ConnectionOptions, TLSSocket } from 'node:tls'
import { DeployError } from '../errors.js'
import { Log, redact } from '../log.js'
import { Settings } from '../settings.js'
import { checkCertificate, peerFingerprint, tlsOptionsFor } from './tls-options.js'

/** What the deploy needs of a server; a factory makes real ones, tests may fake it. */
export interface RemoteSession {
  /** Negotiated TLS version of the control connection ('' for plain FTP). */
  readonly tlsVersion: string
  /** SHA-256 fingerprint of the server certificate ('' for plain FTP). */
  readonly fingerprint: string
  /** The login directory (PWD). */
  readonly home: string
  /** Creates a directory whose parent exists; an existing one is fine. */
  ensureDir(path: string): Promise<void>
  upload(localPath: string, remotePath: string): Promise<void>
  /** Remote size in bytes, or undefined when the server has no SIZE. */
  size(remotePath: string): Promise<number | undefined>
  list(path: string): Promise<FileInfo[]>
  close(): void
}

export type SessionFactory = (settings: Settings, log: Log) => Promise<RemoteSession>

/** Turns a refused command into a DeployError naming the command and the reply. */
function refused(command: string, err: unknown, what: string): DeployError {
  if (err instanceof FTPError) {
    return new DeployError(`${what}: the server answered ${command} with ${err.message}`, {
      command,
      code: err.code,
      reply: err.message
    })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new DeployError(`${what}: ${command} failed: ${message}`, { command }, { cause: err })
}

/** Sends a command and requires a reply with one of the expected codes. */
async function expectReply(
  client: Client,
  command: string,
  expected: number[],
  what: string,
  shown = command
): Promise<FTPResponse> {
  let res: FTPResponse
  try {
    res = await client.send(command)
  } catch (err) {
    throw refused(shown, err, what)
  }
  if (!expected.includes(res.code)) {
    throw new DeployError(`${what}: the server answered ${shown} with ${res.message}`, {
      command: shown,
      code: res.code,
      reply: res.message
    })
  }
  return res
}

/** Binds every socket basic-ftp opens (control and data) to source-address, like ftplib. */
function bindSockets(client: Client, localAddress: string): void {
  client.ftp._newSocket = () => {
    const socket = new Socket()
    const connect = socket.connect.bind(socket) as (options: SocketConnectOpts, listener?: () => void) => Socket
    socket.connect = ((options: SocketConnectOpts, listener?: () => void) =>
      connect({ ...options, localAddress } as SocketConnectOpts, listener)) as typeof socket.connect
    return socket
  }
}

/**
 * EPSV first (RFC 2428), PASV as fallback; either way the data connection goes to the
 * control connection's peer: the address in a PASV reply is never used (CVE-2021-4189 class,
 * and NAT'd servers announce private addresses).
 */
function passiveToControlHost(pins: string[], handshakes: HandshakeGate): (ftp: FTPContext) => Promise<FTPResponse> {
  let epsvWorks = true
  return async ftp => {
    const host = ftp.socket.remoteAddress
    if (host === undefined) throw new Error('The control connection is closed')
    let res: FTPResponse | undefined
    let port: number | undefined
    if (epsvWorks) {
      try {
        res = await ftp.request('EPSV')
        port = parseEpsvResponse(res.message)
      } catch (err) {
        if (!(err instanceof FTPError)) throw err
        epsvWorks = false
      }
    }
    if (port === undefined) {
      res = await ftp.request('PASV')
      port = parsePasvResponse(res.message).port
    }
    await connectForPassiveTransfer(host, port, ftp)
    if (ftp.dataSocket instanceof TLSSocket) {
      handshakes.watch(ftp.dataSocket)
      if (pins.length > 0) checkDataPin(ftp.dataSocket, pins)
    }
    return res as FTPResponse
  }
}

/** With a pinned certificate, a data connection that did not resume must show the same one. */
function checkDataPin(socket: TLSSocket, pins: string[]): void {
  socket.once('secureConnect', () => {
    if (!socket.isSessionReused() && !pins.includes(peerFingerprint(socket))) {
      socket.destroy(new Error('The data connection presented a certificate that matches no tls-fingerprint'))
    }
  })
}

/** Upgrades the control socket after a 234 reply to AUTH TLS. */
function upgrade(socket: Socket, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tlsSocket = tlsConnect({ ...options, socket }, () => {
      tlsSocket.setTimeout(0)
      tlsSocket.removeListener('error', reject)
      resolve(tlsSocket)
    })
    tlsSocket.once('error', reject)
    tlsSocket.setTimeout(timeoutMs, () =>
      tlsSocket.destroy(new Error(`TLS handshake timed out after ${timeoutMs / 1000} s`))
    )
  })
}

async function secureControl(client: Client, settings: Settings): Promise<void> {
  const options = tlsOptionsFor(settings)
  if (settings.tls === 'implicit') {
    await client.connectImplicitTLS(settings.host, settings.port, {
      ...options,
      localAddress: settings.sourceAddress
    } as ConnectionOptions)
  } else {
    await client.connect(settings.host, settings.port)
    if (settings.tls === 'none') return
    // RFC 4217 4: only 234 means the server will negotiate; anything else ends the run before USER.
    await expectReply(client, 'AUTH TLS', [234], 'The server refused TLS (nothing was sent in clear)')
    client.ftp.socket = await upgrade(client.ftp.socket, options, settings.timeoutMs)
  }
  checkCertificate(client.ftp.socket as TLSSocket, settings)
  // basic-ftp gives these options (and the control session) to every data connection.
  client.ftp.tlsOptions = options
}

async function login(client: Client, settings: Settings): Promise<void> {
  const what = `Login as ${settings.user} failed`
  // RFC 959 5.4: USER -> 230 | 331 | 332; PASS -> 230 | 202 | 332; ACCT -> 230 | 202.
  let res = await expectReply(client, `USER ${settings.user}`, [230, 331, 332], what)
  if (res.code === 331) res = await expectReply(client, `PASS ${settings.password}`, [230, 202, 332], what, 'PASS')
  if (res.code === 332) {
    if (settings.account === '') {
      throw new DeployError(`${what}: the server asks for an account (${res.message}); set the account input`, {
        command: 'PASS',
        code: 332,
        reply: res.message
      })
    }
    await expectReply(client, `ACCT ${settings.account}`, [230, 202], what, 'ACCT')
  }
}

async function protect(client: Client, settings: Settings): Promise<Map<string, string>> {
  const features = await client.features()
  // MLSD when FEAT lists MLST (RFC 3659 7.8), else LIST.
  client.availableListCommands = features.has('MLST') ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST']
  await expectReply(client, 'TYPE I', [200], 'The server refused binary mode')
  if (settings.encoding === 'utf8' && features.has('UTF8')) await client.sendIgnoringError('OPTS UTF8 ON')
  if (settings.tls !== 'none') {
    // basic-ftp ignores a refused PBSZ/PROT P; we must not, or files would go in clear.
    await expectReply(client, 'PBSZ 0', [200], 'The server refused to protect data connections (no file was sent)')
    await expectReply(client, 'PROT P', [200], 'The server refused to protect data connections (no file was sent)')
  }
  return features
}

/**
 * basic-ftp starts sending as soon as a resumed data connection reports a cipher, which it does
 * before the handshake is over; an empty file then sends close_notify mid-handshake and vsftpd
 * and ProFTPD never answer the STOR (seen here on TLS 1.3). Uploads wait for the real end of
 * the handshake ('secureConnect'), recorded as each data connection opens.
 */
export class HandshakeGate {
  private readonly pending = new WeakMap<TLSSocket, Promise<void>>()

  /** Called for every TLS data connection as it opens, before its handshake can finish. */
  watch(socket: TLSSocket): void {
    this.pending.set(socket, new Promise(resolve => socket.once('secureConnect', () => resolve())))
  }

  /** Resolves when the data connection's handshake is complete. */
  async settled(socket: TLSSocket): Promise<void> {
    await this.pending.get(socket)
  }
}

class BasicFtpSession implements RemoteSession {
  constructor(
    private readonly client: Client,
    private readonly handshakes: HandshakeGate,
    readonly tlsVersion: string,
    readonly fingerprint: string,
    readonly home: string,
    private readonly log: Log
  ) {}

  async ensureDir(path: string): Promise<void> {
    try {
      await this.client.send(`MKD ${path}`)
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      // MKD on an existing directory is refused (550 on most servers): confirm it exists.
      try {
        await this.client.send(`CWD ${path}`)
      } catch {
        throw refused(`MKD ${path}`, err, `Cannot create the remote directory ${path}`)
      }
    }
  }

  async upload(localPath: string, remotePath: string): Promise<void> {
    const ftp = this.client.ftp
    const handshakes = this.handshakes
    const timeoutMs = ftp.timeout
    let confirmTimer: NodeJS.Timeout | undefined
    let unconfirmed: (err: Error) => void = () => undefined
    const stalled = new Promise<never>((_, reject) => (unconfirmed = reject))
    async function* source(): AsyncGenerator<Buffer> {
      if (ftp.dataSocket instanceof TLSSocket) await handshakes.settled(ftp.dataSocket)
      yield* createReadStream(localPath) as AsyncIterable<Buffer>
      // Once our data is sent basic-ftp stops watching the transfer: a server that never
      // answers STOR must not hang the job (seen with vsftpd on TLS 1.3).
      confirmTimer = setTimeout(() => {
        const err = new Error(`Timeout (no reply to STOR ${remotePath} within ${timeoutMs / 1000} s)`)
        unconfirmed(err)
        ftp.closeWithError(err)
      }, timeoutMs)
    }
    const transfer = this.client.uploadFrom(Readable.from(source()), remotePath)
    transfer.catch(() => undefined) // settled below, or abandoned after a stall
    try {
      await Promise.race([transfer, stalled])
    } finally {
      clearTimeout(confirmTimer)
    }
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
    return this.client.list(path)
  }

  close(): void {
    this.log.debug('Closing the FTP session')
    this.client.close()
  }
}

/** Opens a secured, logged-in session. The password never reaches a log line. */
export const openSession: SessionFactory = async (settings, log) => {
  const client = new Client(settings.timeoutMs)
  client.ftp.encoding = settings.encoding
  client.ftp.verbose = true
  client.ftp.log = (message: string) => log.debug(redact(message, [settings.password]))
  if (settings.sourceAddress !== undefined) bindSockets(client, settings.sourceAddress)
  const handshakes = new HandshakeGate()
  client.prepareTransfer = passiveToControlHost(settings.tlsFingerprints, handshakes)
  try {
    await secureControl(client, settings)
    await login(client, settings)
    await protect(client, settings)
    const pwd = await client.pwd()
    const socket = client.ftp.socket
    const tlsVersion = socket instanceof TLSSocket ? (socket.getProtocol() ?? '') : ''
    const fingerprint = socket instanceof TLSSocket ? peerFingerprint(socket) : ''
    return new BasicFtpSession(client, handshakes, tlsVersion, fingerprint, pwd, log)
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
