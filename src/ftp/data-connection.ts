/**
 * Data connections: where they go (the control connection's peer, never a PASV address), for
 * basic-ftp's listings and downloads and for our own uploads.
 */
import { Client, FTPError, FTPResponse } from 'basic-ftp'
import { connect as netConnect, Socket } from 'node:net'
import { ConnectionOptions, connect as tlsConnect, TLSSocket } from 'node:tls'
import { DeployError } from '../errors.js'
import {
  connectDataSocket,
  controlSocket,
  controlTimeout,
  dataSocketOf,
  dataTlsOptions,
  keepSessionFrom,
  parseEpsvResponse,
  parsePasvResponse,
  Reply,
  sessionToResume
} from './basic-ftp.js'
import { peerFingerprint } from './tls-options.js'

/** An upload's data connection, and when it may carry data (TCP connected, TLS handshake over). */
export interface DataConnection {
  socket: Socket
  ready: Promise<void>
}

/**
 * EPSV first (RFC 2428), PASV as fallback; either way the data connection goes to the
 * control connection's peer: the address in a PASV reply is never used (CVE-2021-4189 class,
 * and NAT'd servers announce private addresses).
 */
export class PassiveConnector {
  private epsvWorks = true
  /** A passive port asked for ahead, with the commands before it (pipelined), and when. */
  private prepared: { port: number; res: FTPResponse; at: number } | undefined

  constructor(
    private readonly pins: string[],
    private readonly localAddress: string | undefined
  ) {}

  /** For basic-ftp's own transfers (listings, downloads): `client.prepareTransfer`. */
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
   * For uploads: TLS straight to the passive port, resuming the control connection's session
   * (vsftpd and ProFTPD require it), with one inactivity timeout from connect to the last byte.
   */
  async open(client: Client): Promise<DataConnection> {
    const { host, port } = await this.passive(client)
    const socket =
      controlSocket(client) instanceof TLSSocket
        ? tlsConnect({
            ...dataTlsOptions(client),
            host,
            port,
            // tls.connect passes it on to net.connect; @types/node omits it.
            ...({ localAddress: this.localAddress } as ConnectionOptions),
            session: sessionToResume(client)
          })
        : netConnect({ host, port, localAddress: this.localAddress })
    if (socket instanceof TLSSocket) keepSessionFrom(client, socket)
    const timeout = controlTimeout(client)
    socket.setTimeout(timeout, () =>
      socket.destroy(new Error(`Timeout (data connection to ${host}:${port}, nothing moved for ${timeout / 1000} s)`))
    )
    const ready = new Promise<void>((resolve, reject) => {
      const failed = (err?: Error): void => reject(err ?? new Error('The data connection closed before it was ready'))
      socket.once('error', failed)
      socket.once('close', () => failed())
      // 'secureConnect', not a cipher: basic-ftp starts sending on a resumed connection before the
      // handshake ends, and an empty file then made vsftpd and ProFTPD never answer the STOR.
      socket.once(socket instanceof TLSSocket ? 'secureConnect' : 'connect', () => {
        if (socket instanceof TLSSocket && this.pins.length > 0 && !this.pinMatches(socket)) {
          socket.destroy(pinMismatch())
          return
        }
        socket.removeListener('error', failed)
        resolve()
      })
    })
    ready.catch(() => undefined) // awaited by the upload, or abandoned when the STOR is refused
    return { socket, ready }
  }

  /** The command that asks for a passive port ahead of the next transfer (EPSV, or PASV where EPSV failed). */
  get passiveCommand(): 'EPSV' | 'PASV' {
    return this.epsvWorks ? 'EPSV' : 'PASV'
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
    if (this.epsvWorks) {
      try {
        const res = await client.send('EPSV')
        return { host, port: parseEpsvResponse(res.message), res }
      } catch (err) {
        if (!(err instanceof FTPError)) throw err
        this.epsvWorks = false
      }
    }
    const res = await client.send('PASV')
    return { host, port: parsePasvResponse(res.message).port, res }
  }

  /** With a pinned certificate, a data connection that did not resume must show the same one. */
  private checkPin(socket: TLSSocket): void {
    socket.once('secureConnect', () => {
      if (!this.pinMatches(socket)) socket.destroy(pinMismatch())
    })
  }

  private pinMatches(socket: TLSSocket): boolean {
    return socket.isSessionReused() || this.pins.includes(peerFingerprint(socket))
  }
}

/** How long a passive port asked for ahead is used (servers time out unused ones, vsftpd after 60 s). */
const PREPARED_FOR_MS = 10_000

function pinMismatch(): DeployError {
  return new DeployError('The data connection presented a certificate that matches no tls-fingerprint', {
    transient: false
  })
}
