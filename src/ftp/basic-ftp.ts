/**
 * The one module that reaches inside basic-ftp: its deep `dist/` imports, `FTPContext.handle`
 * for our own STOR, `closeWithError`, `_newSocket`, the TLS session it keeps for data
 * connections, and the control socket it holds. basic-ftp is pinned to the version this was
 * checked against; __tests__/basic-ftp-internals.test.ts fails when an upgrade changes any of
 * it (see the README's development section before upgrading).
 */
import { Client, FTPError, FTPResponse, ResponseHandler } from 'basic-ftp'
import type { FTPContext } from 'basic-ftp/dist/FtpContext.js'
import { connectForPassiveTransfer, parseEpsvResponse, parsePasvResponse } from 'basic-ftp/dist/transfer.js'
import { Socket, SocketConnectOpts } from 'node:net'
import { ConnectionOptions, TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import type { Reply } from '../core/remote-session.js'
import { BATCH_BYTES, BATCH_COMMANDS, batchEnds, commandNamed, isReply, lineTooLong } from './pipelining.js'

/** The basic-ftp version everything here was checked against (package.json pins it). */
export const BASIC_FTP_VERSION = '6.2.6'

export { parseEpsvResponse, parsePasvResponse }

/** The control connection's socket: TLS after AUTH TLS (or implicit TLS), plain otherwise. */
export const controlSocket = (client: Client): Socket | TLSSocket => client.ftp.socket

/** After our own AUTH TLS handshake, basic-ftp must read and write through the TLS socket. */
export function useControlSocket(client: Client, socket: TLSSocket): void {
  client.ftp.socket = socket
}

/** basic-ftp gives these options (and the control session) to the data connections it opens. */
export function setDataTlsOptions(client: Client, options: ConnectionOptions): void {
  client.ftp.tlsOptions = options
}

export const dataTlsOptions = (client: Client): ConnectionOptions => client.ftp.tlsOptions

/** The session a data connection resumes: the newest TLS 1.3 ticket, else a TLS 1.2 control session. */
export function sessionToResume(client: Client): Buffer | undefined {
  const control = client.ftp.socket
  const resumable = control instanceof TLSSocket && control.getProtocol() !== 'TLSv1.3'
  return client.ftp.tlsSessionStore ?? (resumable ? control.getSession() : undefined)
}

/**
 * TLS 1.3 tickets are single-use: the next data connection resumes with the newest one. A
 * session is kept only once the caller trusts the socket (`trust()`, after its pin check): a
 * resumed connection shows no certificate, so a session stored before the check would let a
 * later connection skip it. Kept where basic-ftp keeps the control's, or by `keep`.
 */
export function keepSessionFrom(client: Client, socket: TLSSocket, keep?: (session: Buffer) => void): () => void {
  const store = keep ?? ((session: Buffer) => void (client.ftp.tlsSessionStore = session))
  let trusted = false
  let pending: Buffer | undefined
  socket.on('session', (session: Buffer) => (trusted ? store(session) : (pending = session)))
  return () => {
    trusted = true
    if (pending !== undefined) store(pending)
  }
}

/** The control timeout (ms), and turning it off or on while a data connection carries a STOR. */
export const controlTimeout = (client: Client): number => client.ftp.timeout
export function setControlIdleTimeout(client: Client, ms: number): void {
  if (!client.ftp.closed) client.ftp.socket.setTimeout(ms)
}

/** Sends a command whose replies `handler` interprets (basic-ftp's task mechanism). */
export function sendWithHandler(client: Client, command: string, handler: ResponseHandler): Promise<FTPResponse> {
  return client.ftp.handle(command, handler) as Promise<FTPResponse>
}

/**
 * sendWithHandler, and `behind` right after it in the same burst (before any reply), where the
 * command itself went out: its replies come to the same handler.
 */
export function sendWithBehind(
  client: Client,
  command: string,
  behind: string,
  handler: ResponseHandler
): Promise<FTPResponse> {
  const ftp: FTPContext = client.ftp
  const encoding = nameEncoding(client)
  const sent =
    !/[\r\n\0]/.test(command) && lineTooLong(command, Buffer.byteLength(`${command}\r\n`, encoding)) === undefined
  const done = sendWithHandler(client, command, handler)
  if (sent && !ftp.closed) {
    ftp.log(`> ${behind}`)
    ftp.socket.write(`${behind}\r\n`, encoding)
  }
  return done
}

/** Ends the session with `err` as the reason every pending and later task fails with. */
export function failSession(client: Client, err: Error): void {
  client.ftp.closeWithError(err)
}

/** Connects basic-ftp's own data socket (listings, downloads) to host:port, TLS as configured. */
export function connectDataSocket(client: Client, host: string, port: number): Promise<void> {
  return connectForPassiveTransfer(host, port, client.ftp)
}

export const dataSocketOf = (client: Client): Socket | TLSSocket | undefined => client.ftp.dataSocket

/** Binds every socket basic-ftp opens (control and data) to a local address, like ftplib. */
export function bindSockets(client: Client, localAddress: string): void {
  client.ftp._newSocket = () => {
    const socket = new Socket()
    const connect = socket.connect.bind(socket) as (options: SocketConnectOpts, listener?: () => void) => Socket
    socket.connect = ((options: SocketConnectOpts, listener?: () => void) =>
      connect({ ...options, localAddress } as SocketConnectOpts, listener)) as typeof socket.connect
    return socket
  }
}

/**
 * basic-ftp formats a stack trace with every command for one rare error message: a tenth of a
 * small file's CPU time at several commands per file. Commands run without it.
 */
export function dropTaskStacks(client: Client): void {
  const ftp: FTPContext = client.ftp
  const handle = ftp.handle.bind(ftp)
  ftp.handle = (command, handler) => {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      return handle(command, handler)
    } finally {
      Error.stackTraceLimit = limit
    }
  }
}

/** The protocol log: every command and reply to `log`, or nothing (not even formatted). */
export function setProtocolLog(client: Client, log: ((message: string) => void) | undefined): void {
  client.ftp.verbose = log !== undefined
  client.ftp.log = log ?? (() => undefined)
}

/** The encoding of names on the control connection (and in listings). */
export function setNameEncoding(client: Client, encoding: 'utf8' | 'latin1'): void {
  client.ftp.encoding = encoding
}

export type { Reply }

/**
 * Sends `commands` together and resolves with the reply to each, in order (RFC 959 asks servers
 * to queue commands that arrive early): in writes of at most BATCH_BYTES and BATCH_COMMANDS
 * (pipelining.ts; `burst`: the server's, burstOf), each sent once the replies to the one before are in, so no write exceeds
 * what a server reads at once. Only for commands answered by one reply each (no transfers). A
 * reply that `fits` says cannot be its command's, or a preliminary 1xx reply, means the replies
 * no longer match the commands: rejects with a `RepliesMismatch` at once, and the session is
 * done (what follows on it cannot be trusted). A lost connection or a timeout rejects with a
 * `BatchStopped` naming the command whose reply did not come.
 */
export function sendPipelined(
  client: Client,
  commands: string[],
  fits: (command: string, reply: Reply) => boolean,
  burst = { bytes: BATCH_BYTES, commands: BATCH_COMMANDS }
): Promise<Reply[]> {
  const ftp: FTPContext = client.ftp
  const encoding = nameEncoding(client)
  const lengths = commands.map(command => Buffer.byteLength(`${command}\r\n`, encoding))
  for (const [i, command] of commands.entries()) {
    if (/[\r\n\0]/.test(command)) throw new Error(`Invalid command: Contains control characters. (${command})`)
    const tooLong = lineTooLong(command, lengths[i]!)
    if (tooLong !== undefined) throw new DeployError(tooLong, { command: command.split(' ')[0], transient: false })
  }
  if (commands.length === 0) return Promise.resolve([])
  const ends = batchEnds(lengths, burst.bytes, burst.commands)
  const replies: Reply[] = []
  let sent = 0
  const sendNext = (): void => {
    const batch = commands.slice(sent, ends.shift())
    sent += batch.length
    // As basic-ftp logs them: no password or account in the protocol log.
    for (const command of batch) ftp.log(`> ${/^(PASS|ACCT) /i.test(command) ? `${command.slice(0, 4)} ###` : command}`)
    ftp.socket.write(batch.map(c => `${c}\r\n`).join(''), encoding)
  }
  const done = ftp.handle(undefined, (res: Error | FTPResponse, task) => {
    if (res instanceof FTPError) res = { code: res.code, message: res.message }
    else if (!isReply(res)) return task.reject(res as Error)
    const command = commands[replies.length]!
    const reply = { code: res.code, message: res.message }
    if (!fits(command, reply)) {
      const err = new RepliesMismatch(`${commandNamed(command)} answered with ${reply.message}`)
      task.reject(err)
      ftp.closeWithError(err)
      return
    }
    replies.push(reply)
    if (replies.length === commands.length) task.resolve(res)
    else if (replies.length === sent) sendNext()
  }) as Promise<FTPResponse>
  sendNext()
  return done.then(
    () => replies,
    (err: unknown) => {
      if (err instanceof RepliesMismatch || !(err instanceof Error)) throw err
      throw new BatchStopped(commands[replies.length]!, err, replies)
    }
  )
}

/** A batch of commands sent together that lost its connection or timed out, at `command`. */
export class BatchStopped extends Error {
  /** basic-ftp's control timeout: the server read no further (or never answered). */
  readonly timedOut: boolean

  constructor(
    readonly command: string,
    cause: Error,
    readonly replies: Reply[] = [] // read before it stopped (a login's refusal may be among them)
  ) {
    super(`${commandNamed(command)}: ${cause.message}`, { cause })
    this.timedOut = isControlTimeout(cause)
  }
}

/** basic-ftp's error when the control connection was idle for the whole timeout. */
export const isControlTimeout = (err: unknown): boolean =>
  err instanceof Error && /^Timeout \(control socket\)/.test(err.message)

/**
 * Refuses any command line longer than servers read (pipelining.ts MAX_LINE_BYTES) before it is
 * sent: vsftpd hangs up on one, ProFTPD never answers. The failure names the command and path.
 */
export function refuseLongLines(client: Client): void {
  const ftp: FTPContext = client.ftp
  const handle = ftp.handle.bind(ftp)
  ftp.handle = (command, handler) => {
    const tooLong =
      command === undefined
        ? undefined
        : lineTooLong(command, Buffer.byteLength(`${command}\r\n`, nameEncoding(client)))
    if (tooLong !== undefined) {
      return Promise.reject(new DeployError(tooLong, { command: command!.split(' ')[0], transient: false }))
    }
    return handle(command, handler)
  }
}

/** Replies to pipelined commands that cannot be theirs. */
export class RepliesMismatch extends Error {}

/** A line in the protocol log, beside basic-ftp's own (only when someone reads it). */
export function logProtocol(client: Client, message: string): void {
  if (client.ftp.verbose) client.ftp.log(message)
}

export const nameEncoding = (client: Client): BufferEncoding => client.ftp.encoding ?? 'utf8'

/** The listing commands still worth trying (MLSD where FEAT offers MLST, then LIST -a, LIST). */
export const listCommands = (client: Client): string[] => [...client.availableListCommands]

/** The listing command the server accepted: the only one tried from now on. */
export function useListCommand(client: Client, command: string): void {
  client.availableListCommands = [command]
}

/** Sessions whose server may still answer a data connection closed unused (see skipStrayCompletions). */
const strayPending = new WeakSet<FTPContext>()

/** A data command was refused with its data connection open: a stray 226 may follow. */
export function expectStrayCompletion(client: Client): void {
  strayPending.add(client.ftp)
}

/**
 * pyftpdlib (1.5.9 and later) answers the close of a data connection that carried no transfer
 * with "226 Transfer complete.", a reply to no command: taken for the next command's reply,
 * every later reply would be one behind. After a refused data command, a 226 that comes first
 * for a later command is that one (RFC 959 has a 226 only after a 1xx): logged and skipped.
 * A transfer's 1xx ends the wait: the server has taken a new EPSV/PASV, which drops the old
 * connection without a word.
 */
export function skipStrayCompletions(client: Client): void {
  const ftp: FTPContext = client.ftp
  const handle = ftp.handle.bind(ftp)
  ftp.handle = (command, handler) => {
    let first = true
    return handle(command, (res, task) => {
      const firstReply = first
      first = false
      if (!(res instanceof Error) && strayPending.has(ftp)) {
        if (firstReply && res.code === 226) {
          strayPending.delete(ftp)
          ftp.log(`Skipped '${res.message}': the answer to a data connection closed unused, not to ${command}`)
          return
        }
        if (res.code === 150 || res.code === 125) strayPending.delete(ftp)
      }
      handler(res, task)
    })
  }
}
