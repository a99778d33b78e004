/**
 * Writing one file over SFTP: OPEN, the WRITEs without waiting for each other's status (many in
 * flight on the channel, as the protocol allows), CLOSE. The bytes are hashed and counted as
 * they go out, so the engine compares what was sent, not what the file holds now.
 */
import { createHash } from 'node:crypto'
import type { SFTPWrapper } from 'ssh2'
import type { LocalSource, Sent } from '../core/remote-session.js'

/** Bytes per WRITE: under every server's packet limit (OpenSSH takes 256 KiB). */
const CHUNK = 32 * 1024
/** WRITEs in flight at once on one handle (64 x 32 KiB: 2 MiB, enough to fill a long link). */
const IN_FLIGHT = 64

type Callback<T> = (err: Error | undefined | null, value?: T) => void

function call<T>(run: (cb: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T))))
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
  predicted?: Buffer
): Promise<Stored> {
  const small = Buffer.isBuffer(source) ? source : source.readSmall()
  if (predicted !== undefined && small !== undefined && small.length <= CHUNK * IN_FLIGHT) {
    const done = await writePredicted(sftp, small, remotePath, predicted)
    if (done !== undefined) return done
  }
  return writeOpened(sftp, await call<Buffer>(cb => sftp.open(remotePath, 'w', cb)), small ?? source)
}

/**
 * OPEN, and behind it the WRITEs, the FSTAT and the CLOSE on the handle the server is expected to
 * give (`predicted`, see session.ts): the whole file in one round trip. undefined when the server
 * gave another handle: the requests on the predicted one failed (no other handle of this channel
 * is open, so it named nothing), and the file is written again on the handle it did give.
 */
async function writePredicted(
  sftp: SFTPWrapper,
  data: Buffer,
  remotePath: string,
  predicted: Buffer
): Promise<Stored | undefined> {
  const opened = call<Buffer>(cb => sftp.open(remotePath, 'w', cb))
  const writes: Promise<void>[] = []
  for (let off = 0; off < data.length; off += CHUNK) {
    const chunk = data.subarray(off, off + CHUNK)
    writes.push(call<void>(cb => sftp.write(predicted, chunk, 0, chunk.length, off, cb)))
  }
  const held = call<{ size?: number }>(cb => sftp.fstat(predicted, cb))
  const closed = call<void>(cb => sftp.close(predicted, cb))
  const settled = Promise.allSettled([...writes, held, closed])
  let handle: Buffer
  try {
    handle = await opened
  } catch (err) {
    await settled
    throw err
  }
  const results = await settled
  if (!handle.equals(predicted)) return writeOpened(sftp, handle, data).then(stored => ({ ...stored, missed: true }))
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

/** WRITEs, FSTAT and CLOSE on an open handle, sent without waiting for each other. */
async function writeOpened(sftp: SFTPWrapper, handle: Buffer, source: LocalSource | Buffer): Promise<Stored> {
  const hash = createHash('sha256')
  let position = 0
  const pending = new Set<Promise<void>>()
  let failed: unknown
  const write = (chunk: Buffer): Promise<void> => {
    const at = position
    position += chunk.length
    hash.update(chunk)
    const p = call<void>(cb => sftp.write(handle, chunk, 0, chunk.length, at, cb)).then(
      () => void pending.delete(p),
      (err: unknown) => {
        pending.delete(p)
        failed ??= err
      }
    )
    pending.add(p)
    return pending.size >= IN_FLIGHT ? Promise.race(pending) : Promise.resolve()
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
    held = call<{ size?: number }>(cb => sftp.fstat(handle, cb)).then(
      attrs => attrs.size,
      () => undefined
    )
  } catch (err) {
    failed ??= err
  }
  const closed = call<void>(cb => sftp.close(handle, cb))
  await Promise.all(pending)
  const size = await held
  if (failed !== undefined) {
    await closed.catch(() => undefined)
    throw failed
  }
  await closed
  return { size: position, sha256: hash.digest('hex'), held: size, handle }
}
