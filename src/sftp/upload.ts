/**
 * Writing one file over SFTP (and reading one into a hash): OPEN, the WRITEs without waiting for
 * each other's status (many in flight on the channel, as the protocol allows, shared by the files
 * in flight on it: WriteWindow), CLOSE. The bytes are hashed and counted as they go out, so the
 * engine compares what was sent, not what the file holds now.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import type { SFTPWrapper } from 'ssh2'
import type { LocalSource, Sent } from '../core/remote-session.js'
import { DeployError } from '../core/errors.js'
import { FX, statusOf, statusText, translated } from './errors.js'

/** Bytes per WRITE: under every server's packet limit (OpenSSH takes 256 KiB). */
const CHUNK = 32 * 1024
/** WRITEs in flight at once on one channel (64 x 32 KiB: 2 MiB, enough to fill a long link). */
const IN_FLIGHT = 64

/**
 * The WRITEs in flight on one channel, whatever file they are of: files streamed at once share a
 * link's worth instead of each queueing its own (small files, sent whole behind a predicted
 * handle, are not counted: at most a few MiB per channel).
 */
export class WriteWindow {
  private inFlight = 0
  private readonly waiting: (() => void)[] = []

  /** Resolves once another WRITE may go (it is counted from then on). */
  async room(): Promise<void> {
    while (this.inFlight >= IN_FLIGHT) await new Promise<void>(resolve => this.waiting.push(resolve))
    this.inFlight += 1
  }

  /** A WRITE is answered. */
  done(): void {
    this.inFlight -= 1
    this.waiting.shift()?.()
  }
}

/** A predicted handle, and the channel's OPEN and CLOSE to send a predicted file through (handles.ts). */
export interface Predicted {
  handle: Buffer
  open: (...args: unknown[]) => void
  close: (...args: unknown[]) => void
}

type Callback<T> = (err: Error | undefined | null, value?: T) => void

/**
 * One request on `sftp`, as a promise. ssh2 drops, without a word, a request made once the channel
 * is no longer open (it is neither sent nor ever answered): such a request fails here at once.
 */
export function call<T>(run: (cb: Callback<T>) => void, sftp?: SFTPWrapper): Promise<T> {
  if (sftp !== undefined && !channelOpen(sftp)) {
    return Promise.reject(new Error('the SFTP channel is closed (the connection was lost)'))
  }
  return new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T))))
}

/** Whether requests on `sftp` are still sent (ssh2's channel state). */
export function channelOpen(sftp: SFTPWrapper): boolean {
  return (sftp as unknown as { outgoing?: { state?: string } }).outgoing?.state === 'open'
}

/** What a write stored: what was sent, and the file's size as the server held it before CLOSE. */
export interface Stored extends Sent {
  /** The size FSTAT gave after the last WRITE (requests are answered in order); undefined if not read. */
  held: number | undefined
  /** The handle the server gave for the file (closed now). */
  handle: Buffer
  /** A handle was predicted and the server gave another. */
  missed?: boolean
}

/**
 * Writes `source` to `remotePath` (created or truncated): OPEN, then the WRITEs, an FSTAT and the
 * CLOSE sent one after the other without waiting (one round trip for a small file), every status
 * read before it returns. Says what was sent and what the server holds.
 */
export async function writeFile(
  sftp: SFTPWrapper,
  source: LocalSource | Buffer,
  remotePath: string,
  window: WriteWindow,
  predicted?: Predicted
): Promise<Stored> {
  const small = Buffer.isBuffer(source) ? source : source.readSmall()
  if (predicted !== undefined && small !== undefined && small.length <= CHUNK * IN_FLIGHT) {
    const done = await writePredicted(sftp, small, remotePath, predicted, window)
    if (done !== undefined) return done
  }
  return writeOpened(sftp, await call<Buffer>(cb => sftp.open(remotePath, 'w', cb), sftp), small ?? source, window)
}

/**
 * OPEN, and behind it the WRITEs, the FSTAT and the CLOSE on the handle the server is expected to
 * give (`predicted`, see handles.ts), all sent in one go (no other request between them): the
 * whole file in one round trip. undefined when the server gave another handle: the requests on
 * the predicted one failed (no other handle of this channel is open, so it named nothing), and
 * the file is written again on the handle it did give.
 */
async function writePredicted(
  sftp: SFTPWrapper,
  data: Buffer,
  remotePath: string,
  predicted: Predicted,
  window: WriteWindow
): Promise<Stored | undefined> {
  const { handle: guess } = predicted
  const opened = call<Buffer>(cb => predicted.open(remotePath, 'w', cb), sftp)
  const writes: Promise<void>[] = []
  for (let off = 0; off < data.length; off += CHUNK) {
    const chunk = data.subarray(off, off + CHUNK)
    writes.push(call<void>(cb => sftp.write(guess, chunk, 0, chunk.length, off, cb), sftp))
  }
  const held = call<{ size?: number }>(cb => sftp.fstat(guess, cb), sftp)
  const closed = call<void>(cb => predicted.close(guess, cb), sftp)
  const settled = Promise.allSettled([...writes, held, closed])
  let handle: Buffer
  try {
    handle = await opened
  } catch (err) {
    await settled
    throw err
  }
  const results = await settled
  if (!handle.equals(guess))
    return writeOpened(sftp, handle, data, window).then(stored => ({ ...stored, missed: true }))
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  const attrs = (results[writes.length] as PromiseFulfilledResult<{ size?: number }>).value
  return {
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    held: attrs.size,
    handle
  }
}

/** WRITEs, FSTAT and CLOSE on an open handle, sent without waiting for each other (within `window`). */
async function writeOpened(
  sftp: SFTPWrapper,
  handle: Buffer,
  source: LocalSource | Buffer,
  window: WriteWindow
): Promise<Stored> {
  const hash = createHash('sha256')
  let position = 0
  const pending = new Set<Promise<void>>()
  let failed: unknown
  const write = async (chunk: Buffer): Promise<void> => {
    await window.room()
    const at = position
    position += chunk.length
    hash.update(chunk)
    const p = call<void>(cb => sftp.write(handle, chunk, 0, chunk.length, at, cb), sftp).then(
      () => {
        window.done()
        pending.delete(p)
      },
      (err: unknown) => {
        window.done()
        pending.delete(p)
        failed ??= err
      }
    )
    pending.add(p)
  }
  let held: Promise<number | undefined> = Promise.resolve(undefined)
  try {
    if (Buffer.isBuffer(source)) {
      for (let off = 0; off < source.length && failed === undefined; off += CHUNK) {
        await write(source.subarray(off, off + CHUNK))
      }
    } else {
      for await (const data of source.stream()) {
        const buf = data as Buffer
        for (let off = 0; off < buf.length && failed === undefined; off += CHUNK) {
          await write(buf.subarray(off, off + CHUNK))
        }
        if (failed !== undefined) break
      }
    }
    // Sent behind the last WRITEs, not after their statuses: answered once they are done.
    held = call<{ size?: number }>(cb => sftp.fstat(handle, cb), sftp).then(
      attrs => attrs.size,
      () => undefined
    )
  } catch (err) {
    failed ??= err
  }
  const closed = call<void>(cb => sftp.close(handle, cb), sftp)
  await Promise.all(pending)
  const size = await held
  if (failed !== undefined) {
    await closed.catch(() => undefined)
    throw failed
  }
  await closed
  return { size: position, sha256: hash.digest('hex'), held: size, handle }
}

/** A remote file of any size read through into SHA-256 (adopt: download), with its size. */
export function sha256Of(sftp: SFTPWrapper, remotePath: string): Promise<{ sha256: string; size: number }> {
  if (!channelOpen(sftp))
    return Promise.reject(translated(new Error('the SFTP channel is closed'), `read ${remotePath}`))
  const hash = createHash('sha256')
  let size = 0
  return new Promise((resolve, reject) => {
    const stream = sftp.createReadStream(remotePath)
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      hash.update(chunk)
    })
    stream.once('error', (err: Error) => reject(translated(err, `read ${remotePath}`)))
    stream.once('end', () => resolve({ sha256: hash.digest('hex'), size }))
  })
}

/** Less free space than this after a failed write: the disk is full (a WRITE that does not fit fails whole). */
const FULL_BELOW = 1024 * 1024

/**
 * A failed write as the engine reads it: a lost connection stays transient; a refusal is final,
 * and a bare SSH_FX_FAILURE (what internal-sftp answers on a full disk) is told as a full disk
 * (452) when statvfs@openssh.com (`statvfs`: the server lists it) finds no space left.
 */
export async function writeRefused(
  sftp: SFTPWrapper,
  statvfs: boolean,
  err: unknown,
  remotePath: string
): Promise<unknown> {
  const status = statusOf(err)
  if (status === undefined || status === FX.NO_CONNECTION || status === FX.CONNECTION_LOST) {
    return translated(err, `write ${remotePath}`)
  }
  const reply = statusText(err as Error, status)
  const free = status === FX.FAILURE && statvfs ? await freeBytes(sftp, remotePath) : undefined
  const full = free !== undefined && free < FULL_BELOW
  return new DeployError(
    full
      ? `the server's disk is full (${free} bytes free): it answered the write with ${reply}`
      : `the server answered the write with ${reply}`,
    { command: 'write', code: full ? 452 : status === FX.OP_UNSUPPORTED ? 502 : 550, reply, transient: false }
  )
}

/** The bytes free where `path` lies (statvfs@openssh.com), or undefined when not told. */
async function freeBytes(sftp: SFTPWrapper, path: string): Promise<number | undefined> {
  try {
    const vfs = await call<{ f_bavail: number; f_frsize: number }>(cb =>
      sftp.ext_openssh_statvfs(posix.dirname(path), cb)
    )
    return vfs.f_bavail * vfs.f_frsize
  } catch {
    return undefined
  }
}
