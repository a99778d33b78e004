/**
 * The control connection's TLS ClientHello sent in AUTH TLS's own write, a round trip before the
 * 234 comes back (server-record.ts `helloWithAuth`: vsftpd only, which reads a command by peeking
 * to its line end and so leaves the hello in the socket for its handshake; servers that read
 * ahead drop it). TLS runs over a stream that passes its writes to the socket, the first behind
 * `AUTH TLS`, and takes the reply to AUTH TLS out of what comes back before TLS sees the rest.
 */
import { Socket } from 'node:net'
import { Duplex } from 'node:stream'
import { ConnectionOptions, connect as tlsConnect, TLSSocket } from 'node:tls'
import type { Client } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import { controlSocket, useControlSocket } from './basic-ftp.js'

/** The handshake so begun did not start in time: the server dropped the hello (not vsftpd after all). */
export class HelloLost extends Error {
  constructor() {
    super('no TLS handshake reply to the ClientHello sent behind AUTH TLS')
  }
}

/** The least wait for the server's hello after its 234 (a loaded server signs slowly). */
const HELLO_WAIT_MS = 1_000

/** The first reply in `text` (a line `NNN text`, after any `NNN-` lines), and where it ends. */
function firstReply(text: string): { reply: string; end: number } | undefined {
  const m = /^(\d{3}) [^\n]*\n/m.exec(text)
  return m === null ? undefined : { reply: text.slice(0, m.index + m[0].length).trimEnd(), end: m.index + m[0].length }
}

/**
 * Between TLS and the socket: the first write goes behind `AUTH TLS\r\n`; what arrives is held
 * until the reply to it is whole, which is taken out (`reply`), and the rest, the server's
 * handshake, passed on. The socket's bytes come as latin1 text (basic-ftp set an encoding on it
 * for the greeting; latin1 gives every byte back as it was).
 */
class AfterAuth extends Duplex {
  readonly reply: Promise<string>
  /** Settles when the first byte after the reply (the server's hello) comes. */
  readonly answered: Promise<void>
  private settle: (reply: string) => void = () => undefined
  private heard: () => void = () => undefined
  private held = ''
  private replied = false
  private first = true

  constructor(private readonly socket: Socket) {
    super()
    this.reply = new Promise(resolve => (this.settle = resolve))
    this.answered = new Promise(resolve => (this.heard = resolve))
    socket.setEncoding('latin1')
    this.listen()
  }

  /** Takes the socket's events (basic-ftp removes every listener of a socket it hands over). */
  listen(): void {
    const { socket } = this
    socket.removeAllListeners()
    socket.on('data', (chunk: string) => this.arrived(chunk))
    socket.on('end', () => this.push(null))
    socket.on('error', err => this.destroy(err))
    socket.on('close', () => this.destroy())
  }

  private arrived(chunk: string): void {
    if (this.replied) {
      this.heard()
      this.push(Buffer.from(chunk, 'latin1'))
      return
    }
    this.held += chunk
    const found = firstReply(this.held)
    if (found === undefined) return
    this.replied = true
    this.settle(found.reply)
    // Refused: what follows answers our hello as a command, nothing for TLS.
    if (!/^234[ -]/.test(found.reply)) return
    if (found.end < this.held.length) {
      this.heard()
      this.push(Buffer.from(this.held.slice(found.end), 'latin1'))
    }
    this.held = ''
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    const bytes = this.first ? Buffer.concat([Buffer.from('AUTH TLS\r\n', 'latin1'), chunk]) : chunk
    this.first = false
    this.socket.write(bytes, done)
  }

  override _final(done: () => void): void {
    this.socket.end()
    done()
  }

  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    this.socket.destroy()
    done(err)
  }
}

/**
 * AUTH TLS with the ClientHello in its write on `client`'s control connection, which is the
 * secured one once the handshake is done. Rejects with AuthRefused (the reply was not 234), HelloLost (nothing of the server's
 * handshake within three times the 234's round trip, at least HELLO_WAIT_MS, after it), or the
 * handshake's own error or timeout.
 */
export async function upgradeWithAuth(
  client: Client,
  options: ConnectionOptions,
  timeoutMs: number,
  refused: string
): Promise<void> {
  const socket = controlSocket(client) as Socket
  const between = new AfterAuth(socket)
  // The protocol log as basic-ftp writes it: the command, then its reply.
  client.ftp.log('> AUTH TLS (the TLS hello in the same write)')
  void between.reply.then(reply => client.ftp.log(`< ${reply}`))
  const secured = await handshake(socket, between, options, timeoutMs, refused)
  useControlSocket(client, secured)
  between.listen()
}

function handshake(
  socket: Socket,
  between: AfterAuth,
  options: ConnectionOptions,
  timeoutMs: number,
  refused: string
): Promise<TLSSocket> {
  const sentAt = Date.now()
  const secured = tlsConnect({ ...options, socket: between })
  // TLS over a stream knows no addresses: the socket's stand for them (data connections use them).
  for (const name of ['remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort'] as const) {
    Object.defineProperty(secured, name, { get: () => socket[name] })
  }
  return new Promise<TLSSocket>((resolve, reject) => {
    const fail = (err: Error): void => {
      clearTimeout(timer)
      secured.destroy()
      reject(err)
    }
    const timer = setTimeout(() => fail(new Error(`TLS handshake timed out after ${timeoutMs / 1000} s`)), timeoutMs)
    secured.once('error', fail)
    secured.once('secureConnect', () => {
      clearTimeout(timer)
      secured.removeListener('error', fail)
      resolve(secured)
    })
    void between.reply.then(reply => {
      // Nothing but a public ClientHello went out: the same refusal as after a lone AUTH TLS.
      if (!/^234[ -]/.test(reply)) {
        const code = Number(reply.slice(0, 3))
        return fail(
          new DeployError(`${refused}: the server answered AUTH TLS with ${reply}`, {
            command: 'AUTH TLS',
            code,
            reply
          })
        )
      }
      // vsftpd's hello comes right behind its 234; a server that dropped ours sends nothing.
      const lost = setTimeout(() => fail(new HelloLost()), Math.max(HELLO_WAIT_MS, 3 * (Date.now() - sentAt)))
      void between.answered.then(() => clearTimeout(lost))
      secured.once('close', () => clearTimeout(lost))
    })
  })
}
