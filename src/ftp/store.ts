/**
 * STOR over a data connection of our own: basic-ftp's uploadFrom (streams, a pipeline, a
 * watchdog, a stack trace per task) cost more CPU per small file than the protocol itself.
 */
import { Client, FTPError, FTPResponse, ResponseHandler } from 'basic-ftp'
import { createHash, Hash } from 'node:crypto'
import { Socket } from 'node:net'
import { pipeline } from 'node:stream/promises'
import { DeployError } from '../core/errors.js'
import type { LocalSource, Sent } from '../core/remote-session.js'
import {
  controlTimeout,
  expectStrayCompletion,
  failSession,
  sendWithBehind,
  sendWithHandler,
  setControlIdleTimeout
} from './basic-ftp.js'
import { PassiveBehind, RepliesBehind } from './behind-transfer.js'
import { DataConnection } from './data-connection.js'
import { startTlsEarly, TLS_ON_REPLY, TlsTiming } from './early-tls.js'
import { isReply } from './pipelining.js'
import { FirstCommands, sendFirst } from './send-first.js'

export type { Sent }

/**
 * Sends `STOR remotePath` and the source over `data` (with `first` written just ahead of it, and
 * `behind` after it). Resolves once the server confirms (2xx); rejects with the server's reply
 * when it gave one (e.g. 452), else with what broke.
 */
export async function store(
  client: Client,
  data: DataConnection,
  source: LocalSource | Buffer,
  remotePath: string,
  tls: TlsTiming = TLS_ON_REPLY,
  behind?: PassiveBehind,
  first?: FirstCommands
): Promise<Sent> {
  const hash = createHash('sha256')
  let size = 0
  let dataError: unknown
  let started = false
  let settled = false
  // While the STOR is open the control connection waits for its reply within the timeout; once
  // it is settled, the timeout belongs to whatever the session does next.
  const awaitReply = (): void => {
    if (!settled) setControlIdleTimeout(client, controlTimeout(client))
  }
  data.onError(err => {
    dataError ??= err
    // The server's reply now says why (426, 451, 452).
    awaitReply()
  })
  const send = async (): Promise<void> => {
    const socket = await data.ready()
    if (Buffer.isBuffer(source)) {
      size = source.length
      hash.update(source)
      return finish(socket, source)
    }
    const whole = source.readSmall()
    if (whole !== undefined) {
      size = whole.length
      hash.update(whole)
      return finish(socket, whole)
    }
    await pipeline(
      source.stream(),
      hashing(hash, n => (size += n)),
      socket
    )
  }
  const replies = new RepliesBehind(r => r.code === (behind?.command === 'PASV' ? 227 : 229))
  let straySeen = false
  const handler: ResponseHandler = (res: Error | FTPResponse, task) => {
    if (behind !== undefined && isReply(res) && res.code >= 200) {
      // Two replies to come, the STOR's and the passive command's, in either order.
      const sorted = replies.take({ code: res.code, message: res.message }, started)
      if (sorted === 'stray') {
        straySeen = true
        return
      }
      if (sorted === 'early port') {
        // Other uploads stop sending it at once; this one waits for its STOR's reply as ever.
        return behind.early(res)
      }
      if (sorted === undefined) return
      behind.answered(sorted.behind)
      if (sorted.early) behind.early(sorted.behind)
      const { stor } = sorted
      if (stor.code >= 200 && stor.code < 300) return task.resolve(stor)
      if (!started && !straySeen) expectStrayCompletion(client)
      return task.reject(new FTPError(stor))
    }
    // A lost connection or a timeout: Node's own errors may come from another realm (isReply).
    if (res instanceof FTPError || !isReply(res)) {
      if (res instanceof FTPError && !started) expectStrayCompletion(client)
      return task.reject(res as Error)
    }
    if (res.code === 150 || res.code === 125) {
      // RFC 959 allows one of them; only the first may start sending, or data goes twice.
      if (started) return
      started = true
      // The control connection idles while data moves; the data connection has its own timeout.
      setControlIdleTimeout(client, 0)
      send().then(
        // Sent: now the server must answer within the timeout (vsftpd on TLS 1.3 was seen not to).
        awaitReply,
        err => {
          dataError ??= unreadable(err, source)
          data.destroy()
          // Nothing more to learn from the server (vsftpd was seen never to answer a STOR whose
          // data connection we cut): this session, its reply still pending, is done.
          if (dataError instanceof DeployError) failSession(client, dataError)
          else awaitReply()
        }
      )
      return
    }
    if (res.code >= 200 && res.code < 300) return task.resolve(res)
    if (res.code >= 300) task.reject(new FTPError(res))
  }
  const command = `STOR ${remotePath}`
  const confirmed = sendFirst(client, first, handler, h =>
    behind === undefined ? sendWithHandler(client, command, h) : sendWithBehind(client, command, behind.command, h)
  )
  startTlsEarly(client, data, confirmed, tls, { started: () => started, settled: () => settled })
  try {
    await confirmed
  } catch (err) {
    // The server's refusal says most (452 full disk); a local file that could not be read or a
    // certificate mismatch says more (and is not worth a retry).
    throw err instanceof FTPError && !(dataError instanceof DeployError) ? err : (dataError ?? err)
  } finally {
    settled = true
    data.destroy()
  }
  if (dataError !== undefined) throw dataError
  if (!started) throw new Error(`The server confirmed STOR ${remotePath} without opening the transfer`)
  return { size, sha256: hash.digest('hex') }
}

/** A local file that cannot be read (gone since it was listed, no permission) fails as final. */
function unreadable(err: unknown, source: LocalSource | Buffer): unknown {
  const syscall = (err as NodeJS.ErrnoException | null)?.syscall
  if (Buffer.isBuffer(source) || !['open', 'read', 'fstat'].includes(syscall ?? '')) return err
  return new DeployError(
    `Could not read ${source.path}: ${(err as Error).message}`,
    { transient: false },
    { cause: err }
  )
}

/** Writes the last bytes and ends the data connection (TLS close_notify, then FIN). */
function finish(socket: Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject)
    socket.end(bytes, () => {
      socket.removeListener('error', reject)
      resolve()
    })
  })
}

function hashing(hash: Hash, count: (n: number) => void) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      hash.update(chunk)
      count(chunk.length)
      yield chunk
    }
  }
}
