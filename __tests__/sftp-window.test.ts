/**
 * Many files in flight on one SFTP channel (issue 24 item 3): the session takes several uploads
 * at once, most of them sent whole behind the handle the server will give (src/sftp/handles.ts),
 * each whole on the server's disk; and no handle is predicted while another file's is open, so
 * a wrong guess can never write into someone else's file. Real sshd (harness/sshd.ts).
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SFTPWrapper } from 'ssh2'
import type { RemoteSession } from '../src/core/remote-session.js'
import { openSftpSession } from '../src/sftp/index.js'
import { recordingLog, settingsOf } from './support/engine.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'

const sshd = sshdForFile('SFTP window tests')
const maybe = sshd.maybe

interface Internals {
  sftp: SFTPWrapper
  handles: { next(): Buffer | undefined; lastFreed: Buffer | undefined }
}

async function session(): Promise<{ session: RemoteSession; internals: Internals }> {
  const opened = await openSftpSession(settingsOf(sftpInputs(sshd.server)), recordingLog())
  return { session: opened, internals: opened as unknown as Internals }
}

maybe(
  'files in flight on one session: each whole on disk, all but the first wave behind a predicted handle',
  async () => {
    const { session: s, internals } = await session()
    try {
      let predicted = 0
      const next = internals.handles.next.bind(internals.handles)
      internals.handles.next = () => {
        const handle = next()
        if (handle !== undefined) predicted++
        return handle
      }
      expect(s.parallel).toBeGreaterThan(1)
      await s.makeDir(`${s.home}/window`)
      const files = Array.from({ length: 64 }, (_, i) => randomBytes(1000 + i * 700))
      // As the pool runs them: `parallel` at a time, the next as soon as one is done.
      let taken = 0
      await Promise.all(
        Array.from({ length: s.parallel! }, async () => {
          for (let i = taken++; i < files.length; i = taken++) await s.upload(files[i]!, `${s.home}/window/f${i}.bin`)
        })
      )
      files.forEach((data, i) =>
        expect(readFileSync(join(sshd.server.root, `window/f${i}.bin`)).equals(data)).toBe(true)
      )
      // All but the first of each file in flight: a file starting while others are being closed
      // waits for their CLOSEs' replies and goes behind a predicted handle.
      expect(predicted).toBe(files.length - s.parallel!)
    } finally {
      s.close()
    }
  }
)

maybe("no handle predicted while another file's is open: a wrong guess cannot write into it", async () => {
  const { session: s, internals } = await session()
  try {
    await s.makeDir(`${s.home}/guess`)
    // Prime the tracker: a file written and closed, so it knows a freed handle.
    await s.upload(randomBytes(100), `${s.home}/guess/first.bin`)
    const big = randomBytes(6 * 1024 * 1024)
    const small = randomBytes(5000)
    let smallDone: Promise<unknown> | undefined
    // The moment the big file's OPEN is answered: its handle open, the tracker told (wrongly)
    // that it is the one freed last. A prediction now would name the big file's handle.
    const open = internals.sftp.open.bind(internals.sftp) as (...args: unknown[]) => void
    ;(internals.sftp as unknown as { open: unknown }).open = (...args: unknown[]) => {
      const cb = args.pop() as (err: unknown, handle?: Buffer) => void
      open(...args, (err: unknown, handle?: Buffer) => {
        cb(err, handle)
        if (handle !== undefined && smallDone === undefined && args[0] === `${s.home}/guess/big.bin`) {
          internals.handles.lastFreed = handle
          smallDone = s.upload(small, `${s.home}/guess/small.bin`)
        }
      })
    }
    await s.upload(big, `${s.home}/guess/big.bin`)
    await smallDone
    expect(smallDone).toBeDefined()
    expect(readFileSync(join(sshd.server.root, 'guess/small.bin')).equals(small)).toBe(true)
    expect(readFileSync(join(sshd.server.root, 'guess/big.bin')).equals(big)).toBe(true)
  } finally {
    s.close()
  }
})
