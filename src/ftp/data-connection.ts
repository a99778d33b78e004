/**
 * Data connections: where they go (the control connection's peer, never a PASV address) and in
 * which order they come up (TCP with the command, TLS on its 1xx), for every transfer we make.
 */
import { Client, FTPError, FTPResponse } from 'basic-ftp'
import { connect as netConnect, Socket } from 'node:net'
import { connect as tlsConnect, TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import type { ServerRecord } from '../core/server-record.js'
import {
  connectDataSocket,
  controlSocket,
  controlTimeout,
  dataSocketOf,
  failSession,
  logProtocol,
  parseEpsvResponse,
  parsePasvResponse,
  Reply
} from './basic-ftp.js'
import type { PassiveBehind } from './behind-transfer.js'
import { dataTls } from './data-tls.js'
import { peerFingerprint } from './tls-options.js'

/**
 * A data connection, TCP connecting already. `ready` starts TLS on it (resuming the control
 * connection's session) and resolves with the socket that carries data once the handshake is
 * over: call it once the command has been sent (see `open`), never before.
 */
export interface DataConnection {
  ready(): Promise<Socket>
  /** Called once, with the first thing that broke (TCP, TLS, the inactivity timeout, a pin). */
  onError(listener: (err: Error) => void): void
  /** The TCP connection was made (a server may remember a data connection that came). */
  readonly connected: boolean
  destroy(): void
}

/**
 * EPSV first (RFC 2428), PASV as fallback; either way the data connection goes to the
 * control connection's peer: the address in a PASV reply is never used (CVE-2021-4189 class,
 * and NAT'd servers announce private addresses).
 */
export class PassiveConnector {
  /** A passive port asked for ahead, with the commands before it (pipelined), and when. */
  private prepared: { port: number; res: FTPResponse; at: number } | undefined
  /** A data connection already connecting to the port asked for ahead (`connectAhead`). */
  private ahead: DataConnection | undefined

  constructor(
    private readonly pins: string[],
    private readonly localAddress: string | undefined,
    /** Where EPSV's refusal is kept (PASV for every session from then on), and a pin mismatch. */
    private readonly server: Pick<ServerRecord, 'epsv' | 'stop' | 'passiveBehindTransfer' | 'answeredDuringTransfer'>
  ) {}

  /**
   * For basic-ftp's own transfers (`client.prepareTransfer`): none run since retrieve.ts lists
   * and downloads, but one that did would still go to the right host.
   */
  prepareTransfer(client: Client): (ftp: unknown) => Promise<FTPResponse> {
    return async () => {
      const { host, port, res } = await this.passive(client)
      await connectDataSocket(client, host, port)
      const data = dataSocketOf(client)
      if (data instanceof TLSSocket && this.pins.length > 0) this.checkPin(data)
      return res
    }
  }

  /**
   * For our own transfers: EPSV/PASV, then the TCP connection, which the caller's command
   * overtakes (no round trip waits for the connect). TLS starts when the caller calls `ready`
   * on the server's 1xx, as ftplib does: pyftpdlib before 1.5.9 resets a data connection whose
   * handshake starts before it has read the command (its issue 604). One inactivity timeout
   * covers the connection from connect to the last byte.
   */
  async open(client: Client): Promise<DataConnection> {
    const ahead = this.ahead
    this.ahead = undefined
    if (ahead !== undefined) return ahead
    const { host, port } = await this.passive(client)
    return this.connect(client, host, port)
  }

  /**
   * Where a passive port was asked for ahead (behind the last STOR), its TCP connection starts
   * now, while the caller's commands (the checks of the upload before) are answered: the next
   * `open` takes it. False when no port was asked for ahead (the caller asks for one then).
   */
  connectAhead(client: Client): boolean {
    this.dropAhead()
    const host = controlSocket(client).remoteAddress
    const prepared = this.prepared
    this.prepared = undefined
    if (host === undefined || prepared === undefined || Date.now() - prepared.at >= PREPARED_FOR_MS) return false
    this.ahead = this.connect(client, host, prepared.port)
    return true
  }

  private connect(client: Client, host: string, port: number): DataConnection {
    // No Nagle: a file's last segment and its close_notify must not wait for the ACK of the TLS Finished.
    const raw = netConnect({ host, port, localAddress: this.localAddress, noDelay: true })
    const secure = controlSocket(client) instanceof TLSSocket
    let socket: Socket = raw
    let connected = false
    let error: Error | undefined
    const listeners: ((err: Error) => void)[] = []
    const fail = (err: Error): void => {
      if (error !== undefined) return
      error = err
      for (const listener of listeners) listener(err)
      socket.destroy()
      raw.destroy()
    }
    // A lost connection (retry.ts reads 'closed unexpectedly' as one): a server killed mid-deploy.
    const closed = (): Error => error ?? new Error('The data connection closed unexpectedly before it was ready')
    raw.on('error', fail)
    const timeout = controlTimeout(client)
    raw.setTimeout(timeout, () =>
      fail(new Error(`Timeout (data connection to ${host}:${port}, nothing moved for ${timeout / 1000} s)`))
    )
    const tcp = new Promise<void>((resolve, reject) => {
      raw.once('connect', () => {
        connected = true
        resolve()
      })
      raw.once('close', () => reject(closed()))
    })
    tcp.catch(() => undefined) // awaited by `ready`, or never when the command is refused
    let started: Promise<Socket> | undefined
    const startTls = async (): Promise<Socket> => {
      await tcp
      if (!secure) return raw
      logProtocol(client, `Data connection to ${host}:${port}: TLS handshake`)
      const how = dataTls(client)
      const tls = tlsConnect({ ...how.options, host, socket: raw })
      socket = tls
      const trust = how.keep(tls)
      tls.on('error', fail)
      // 'secureConnect', not a cipher: sending on a resumed connection before the handshake
      // ends made vsftpd and ProFTPD never answer the STOR of an empty file.
      await new Promise<void>((resolve, reject) => {
        tls.once('secureConnect', resolve)
        tls.once('close', () => reject(closed()))
      })
      logProtocol(
        client,
        `Data connection to ${host}:${port}: ${tls.getProtocol()}, session ${tls.isSessionReused() ? 'resumed' : 'new'}`
      )
      if (this.pins.length > 0 && !this.pinMatches(tls)) {
        // The whole session ends: nothing more goes over a control connection whose data path
        // is not the pinned server's, and no retry is worth making.
        const err = pinMismatch(peerFingerprint(tls), this.pins)
        this.server.stop(err)
        failSession(client, err)
        fail(err)
        throw err
      }
      trust()
      return tls
    }
    return {
      ready: () => (started ??= startTls()),
      onError: listener => {
        if (error !== undefined) listener(error)
        else listeners.push(listener)
      },
      get connected() {
        return connected
      },
      destroy: () => {
        socket.destroy()
        raw.destroy()
      }
    }
  }

  /**
   * Where the server reads the command after a STOR only once the transfer is over (the server
   * record decides), the next passive port is asked for behind the STOR: what store needs for it.
   */
  behindStor(): PassiveBehind | undefined {
    if (!this.server.passiveBehindTransfer) return undefined
    return {
      command: this.passiveCommand,
      answered: reply => this.prepare(reply),
      early: reply => this.server.answeredDuringTransfer(reply.message)
    }
  }

  /** The command that asks for a passive port ahead of the next transfer (EPSV, or PASV where EPSV failed). */
  get passiveCommand(): 'EPSV' | 'PASV' {
    return this.server.epsv ? 'EPSV' : 'PASV'
  }

  /**
   * Keeps the reply to a `passiveCommand` sent ahead: the next transfer connects there without
   * asking again. A reply that is not a passive port (a refusal) is not kept.
   */
  prepare(reply: Reply): void {
    this.prepared = undefined
    try {
      const port =
        reply.code === 229
          ? parseEpsvResponse(reply.message)
          : reply.code === 227
            ? parsePasvResponse(reply.message).port
            : undefined
      if (port !== undefined) this.prepared = { port, res: reply, at: Date.now() }
    } catch {
      // Not a port after all: the next transfer asks again.
    }
  }

  /** Another command went first: the port asked for ahead may no longer be open (not every server keeps it). */
  forget(): void {
    this.prepared = undefined
    this.dropAhead()
  }

  private dropAhead(): void {
    this.ahead?.destroy()
    this.ahead = undefined
  }

  private async passive(client: Client): Promise<{ host: string; port: number; res: FTPResponse }> {
    const host = controlSocket(client).remoteAddress
    if (host === undefined) throw new Error('The control connection is closed')
    const prepared = this.prepared
    this.prepared = undefined
    // Fresh only: a server may give up on a passive port nobody connected to for long.
    if (prepared !== undefined && Date.now() - prepared.at < PREPARED_FOR_MS) {
      return { host, port: prepared.port, res: prepared.res }
    }
    if (this.server.epsv) {
      try {
        const res = await client.send('EPSV')
        return { host, port: parseEpsvResponse(res.message), res }
      } catch (err) {
        if (!(err instanceof FTPError)) throw err
        this.server.epsv = false
      }
    }
    const res = await client.send('PASV')
    return { host, port: parsePasvResponse(res.message).port, res }
  }

  /** With a pinned certificate, a data connection that did not resume must show the same one. */
  private checkPin(socket: TLSSocket): void {
    socket.once('secureConnect', () => {
      if (this.pinMatches(socket)) return
      const err = pinMismatch(peerFingerprint(socket), this.pins)
      this.server.stop(err)
      socket.destroy(err)
    })
  }

  /**
   * A resumed connection shows no certificate (Node gives none for it); it proves the server
   * holds a session we kept, and we keep sessions only from connections that passed this check
   * (the control connection's passed checkCertificate before login; see keepSessionFrom).
   */
  private pinMatches(socket: TLSSocket): boolean {
    return socket.isSessionReused() || this.pins.includes(peerFingerprint(socket))
  }
}

/** How long a passive port asked for ahead is used (servers time out unused ones, vsftpd after 60 s). */
const PREPARED_FOR_MS = 10_000

function pinMismatch(received: string, pins: string[]): DeployError {
  return new DeployError(
    `A data connection presented a certificate with SHA-256 fingerprint ${received || '(none)'}, ` +
      `which matches none of tls-fingerprint (${pins.join(', ')}); stopping the run`,
    { transient: false, fatal: true }
  )
}
