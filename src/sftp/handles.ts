/**
 * Which handle the server will give the next OPEN, so an upload can send its WRITEs, FSTAT and
 * CLOSE right behind the OPEN instead of a round trip later. OpenSSH's sftp-server (internal-sftp
 * too) keeps freed handles on a stack (handle_unused pushes, handle_new pops): with no handle of
 * the channel open, the next OPEN gets the handle closed last. This holds only for servers that
 * do so; nothing relies on it blindly: a prediction is made only when no handle of the channel
 * is open (so a wrong one names nothing and its requests fail harmlessly), the OPEN's reply is
 * compared with it, and a miss writes the file again on the handle given (upload.ts) and ends
 * predictions for the session.
 */
import type { SFTPWrapper } from 'ssh2'

type Callback = (err: Error | undefined | null, value?: unknown) => void
type Method = (...args: unknown[]) => void

export class HandleTracker {
  /** Handles given and not yet closed (by this module's count of OPEN, OPENDIR and CLOSE replies). */
  private open = 0
  /** The handle closed last, when no handle has been given since. */
  private lastFreed: Buffer | undefined

  /** Watches the channel's OPEN, OPENDIR and CLOSE (ssh2's own readdir and readFile go through them). */
  constructor(sftp: SFTPWrapper) {
    const channel = sftp as unknown as Record<string, Method>
    for (const name of ['open', 'opendir'] as const) {
      const original = channel[name]!.bind(sftp)
      channel[name] = (...args: unknown[]) => {
        const cb = args.pop() as Callback
        original(...args, (err: Error | undefined | null, handle?: unknown) => {
          if (!err) {
            this.open += 1
            this.lastFreed = undefined
          }
          cb(err, handle)
        })
      }
    }
    const close = channel.close!.bind(sftp)
    channel.close = (handle: unknown, cb: unknown) =>
      close(handle, (err: Error | undefined | null) => {
        if (!err) {
          this.open = Math.max(0, this.open - 1)
          this.lastFreed = Buffer.from(handle as Buffer)
        }
        ;(cb as Callback | undefined)?.(err)
      })
  }

  /** The handle the next OPEN will likely get, or undefined when that cannot be told safely. */
  next(): Buffer | undefined {
    return this.open === 0 ? this.lastFreed : undefined
  }
}
