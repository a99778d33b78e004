/**
 * Data connections: where they go (the control connection's peer, never a PASV address) and
 * when an upload may start (after the TLS handshake really ended).
 */
import { FTPError, FTPResponse } from 'basic-ftp'
import { FTPContext } from 'basic-ftp/dist/FtpContext.js'
import { connectForPassiveTransfer, parseEpsvResponse, parsePasvResponse } from 'basic-ftp/dist/transfer.js'
import { TLSSocket } from 'node:tls'
import { peerFingerprint } from './tls-options.js'

/**
 * EPSV first (RFC 2428), PASV as fallback; either way the data connection goes to the
 * control connection's peer: the address in a PASV reply is never used (CVE-2021-4189 class,
 * and NAT'd servers announce private addresses).
 */
export function passiveToControlHost(
  pins: string[],
  handshakes: HandshakeGate
): (ftp: FTPContext) => Promise<FTPResponse> {
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
