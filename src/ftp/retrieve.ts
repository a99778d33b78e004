/**
 * LIST, MLSD and RETR over a data connection of our own (data-connection.ts), so they keep the
 * order every server accepts: the command, then TLS, as soon as TCP is up where the server takes
 * it (as uploads do, early-tls.ts), else on its 1xx. basic-ftp's own transfers start TLS before
 * the command, which pyftpdlib before 1.5.9 answers by resetting the data connection.
 */
import { Client, FileInfo, FTPError, FTPResponse, parseList, ResponseHandler } from 'basic-ftp'
import { createHash } from 'node:crypto'
import { DeployError } from '../core/errors.js'
import {
  controlTimeout,
  expectStrayCompletion,
  listCommands,
  nameEncoding,
  sendWithBehind,
  sendWithHandler,
  setControlIdleTimeout,
  useListCommand
} from './basic-ftp.js'
import type { ServerRecord } from '../core/server-record.js'
import { PassiveBehind, sortedBehind } from './behind-transfer.js'
import { DataConnection, PassiveConnector } from './data-connection.js'
import type { CommandsAhead } from './commands-ahead.js'
import { isReply } from './pipelining.js'
import { startTlsEarly, TLS_ON_REPLY, TlsTiming } from './early-tls.js'

/** basic-ftp's own cap on a listing (its maxListingBytes): a hostile server cannot fill memory. */
const MAX_LISTING_BYTES = 40 * 1024 * 1024

/** A transfer went past the bytes it may carry: cut, and never worth a retry. */
export class TooManyBytes extends Error {}

/** A small file (a manifest, holder.json) over what such a file may be: not read, never retried. */
export function tooLarge(remotePath: string, what: string, maxBytes: number): DeployError {
  return new DeployError(`${remotePath} ${what} more than the ${maxBytes} bytes such a file may have: not read`, {
    command: 'RETR',
    transient: false
  })
}

/**
 * Sends `command` and collects what arrives on `data` (or hands each chunk to `onChunk`, for
 * files of any size), TLS starting as `tls` says. Resolves once the server confirms (2xx) and
 * the data connection has ended; rejects with the server's reply when it refused (FTPError),
 * else with what broke.
 */
export async function retrieve(
  client: Client,
  data: DataConnection,
  command: string,
  limit = Infinity,
  onChunk?: (chunk: Buffer) => void,
  tls: TlsTiming = TLS_ON_REPLY,
  behind?: PassiveBehind,
  ahead?: CommandsAhead,
  endEarly = false
) {
  const parts: Buffer[] = []
  let bytes = 0
  let dataError: Error | undefined
  let started = false
  let settled = false
  const awaitReply = (): void => {
    if (!settled) setControlIdleTimeout(client, controlTimeout(client))
  }
  data.onError(err => {
    dataError ??= err
    awaitReply()
  })
  let ended: () => void = () => undefined
  const received = new Promise<void>(resolve => (ended = resolve))
  const receive = async (): Promise<void> => {
    const socket = await data.ready()
    // Its size known, the server's 226 need not wait for our close_notify (server-record.ts).
    if (endEarly) {
      client.ftp.log('Data connection: this side ended once TLS is up (the size is known)')
      socket.end()
    }
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > limit) data.destroy()
      else if (onChunk !== undefined) onChunk(chunk)
      else parts.push(chunk)
    })
    await new Promise<void>(resolve => {
      // TLS starts before the 1xx: the connection may be gone by now (reset), its 'close' past.
      if (socket.destroyed) return resolve()
      socket.once('end', resolve)
      socket.once('close', resolve)
    })
  }
  const handler: ResponseHandler = (res: Error | FTPResponse, task) => {
    // A lost connection or a timeout: Node's own errors may come from another realm (isReply).
    if (res instanceof FTPError || !isReply(res)) {
      if (res instanceof FTPError && !started) expectStrayCompletion(client)
      return task.reject(res as Error)
    }
    if (res.code === 150 || res.code === 125) {
      if (started) return
      started = true
      // The control connection idles while data moves; the data connection has its own timeout.
      setControlIdleTimeout(client, 0)
      receive().then(
        () => {
          awaitReply()
          ended()
        },
        (err: Error) => {
          dataError ??= err
          awaitReply()
          ended()
        }
      )
      return
    }
    if (res.code >= 200 && res.code < 300) return task.resolve(res)
    if (res.code >= 300) task.reject(new FTPError(res))
  }
  // Commands ahead of the command, in its write (MLSTs, a lock's reads): their replies come first.
  ahead?.send(client)
  const afterAhead = (h: ResponseHandler): ResponseHandler => ahead?.handler(h) ?? h
  const confirmed =
    behind === undefined
      ? sendWithHandler(client, command, afterAhead(handler))
      : sendWithBehind(
          client,
          command,
          behind.command,
          afterAhead(
            sortedBehind(
              behind,
              () => started,
              straySeen => {
                if (!started && !straySeen) expectStrayCompletion(client)
              },
              handler
            )
          )
        )
  startTlsEarly(client, data, confirmed, tls, { started: () => started, settled: () => settled })
  try {
    await confirmed
    // A 2xx without a 1xx opened no transfer: nothing was sent.
    if (started) await received
  } finally {
    settled = true
    data.destroy()
  }
  if (bytes > limit) throw new TooManyBytes(`${command}: the server sent more than ${limit} bytes`)
  if (dataError !== undefined) throw dataError
  return Buffer.concat(parts)
}

/**
 * RETR of a small file (a manifest, holder.json) into memory: undefined when there is no such
 * file (550); cut at `maxBytes`; `expected` (its SIZE, where the server told) must have come whole.
 * `ahead`: commands in the RETR's write (MLSTs; under the lock, its heartbeat and STATs);
 * `behind`: the next transfer's passive port, behind the RETR.
 */
export async function retrieveSmall(
  client: Client,
  data: DataConnection,
  remotePath: string,
  maxBytes: number,
  expected: number | undefined,
  tls: TlsTiming,
  ahead?: CommandsAhead,
  behind?: PassiveBehind,
  server?: Pick<ServerRecord, 'endsDownloadEarly' | 'downloadCutShort'>
): Promise<Buffer | undefined> {
  let got: Buffer
  const endEarly = expected !== undefined && expected > 0 && server?.endsDownloadEarly === true
  try {
    got = await retrieve(client, data, `RETR ${remotePath}`, maxBytes, undefined, tls, behind, ahead, endEarly)
  } catch (err) {
    // 550: no such file (RFC 959); anything else is a real failure, not "absent".
    if (err instanceof FTPError && err.code === 550) return undefined
    if (err instanceof TooManyBytes) throw tooLarge(remotePath, 'came with', maxBytes)
    throw err
  }
  if (expected !== undefined && got.length !== expected) {
    if (endEarly && got.length < expected) server!.downloadCutShort()
    throw new DeployError(`Download of ${remotePath} is incomplete: ${got.length} of ${expected} bytes arrived`, {
      command: 'RETR',
      transient: true
    })
  }
  return got
}

/**
 * A directory's entries: MLSD where FEAT offers it, else LIST -a, else LIST (basic-ftp's
 * candidates and its parsers); the first that the server accepts is used from then on.
 */
export async function listDirectory(
  client: Client,
  connector: PassiveConnector,
  path: string,
  server: Pick<ServerRecord, 'listCommand'>,
  tls: TlsTiming = TLS_ON_REPLY
): Promise<FileInfo[]> {
  let lastError: unknown
  for (const candidate of listCommands(client)) {
    const command = path === '' ? candidate : `${candidate} ${path}`
    try {
      const text = await retrieve(client, await connector.open(client), command, MAX_LISTING_BYTES, undefined, tls)
      useListCommand(client, candidate)
      if (candidate !== 'MLSD') server.listCommand = 'LIST'
      return parseList(text.toString(nameEncoding(client)))
    } catch (err) {
      if (!(err instanceof FTPError)) throw err
      lastError = err
    }
  }
  throw lastError
}

/** RETR into SHA-256 as it arrives, for files of any size; undefined when there is no such file (550). */
export async function downloadSha256(
  client: Client,
  data: DataConnection,
  remotePath: string,
  tls: TlsTiming = TLS_ON_REPLY,
  behind?: PassiveBehind
): Promise<{ sha256: string; size: number } | undefined> {
  const hash = createHash('sha256')
  let size = 0
  try {
    const onChunk = (chunk: Buffer): void => {
      hash.update(chunk)
      size += chunk.length
    }
    await retrieve(client, data, `RETR ${remotePath}`, Infinity, onChunk, tls, behind)
  } catch (err) {
    if (err instanceof FTPError && err.code === 550) return undefined
    throw err
  }
  return { sha256: hash.digest('hex'), size }
}
