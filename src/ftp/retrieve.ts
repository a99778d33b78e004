/** RETR into a callback over basic-ftp's download (its data connection, our passive connector). */
import { Client, FTPError } from 'basic-ftp'
import { Writable } from 'node:stream'

/** Downloads `remotePath` chunk by chunk; false when the server says there is no such file (550). */
export async function retrieve(client: Client, remotePath: string, onChunk: (chunk: Buffer) => void): Promise<boolean> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      onChunk(chunk)
      done()
    }
  })
  try {
    await client.downloadTo(sink, remotePath)
    return true
  } catch (err) {
    // 550: no such file (RFC 959); anything else is a real failure, not "absent".
    if (err instanceof FTPError && err.code === 550) return false
    throw err
  }
}
