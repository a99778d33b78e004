/**
 * Which handle the server will give the next OPEN, so an upload can send its WRITEs, FSTAT and
 * CLOSE right behind the OPEN instead of a round trip later. OpenSSH's sftp-server (internal-sftp
 * too) reads a channel's requests in order and keeps freed handles on a stack (handle_unused
 * pushes, handle_new pops): the next OPEN gets the handle freed last.
 *
 * Many files are in flight on one channel at once, so the tracker follows the requests in the
 * order they are sent (the order the server reads them), not the order their replies come.
 * A prediction is made only when every handle this channel was given is closed, as far as the
 * replies tell (`unclosed` is 0: a wrong prediction then names no handle of another file, so its
 * requests fail harmlessly), and the handle freed last is known. A predicted file sends OPEN to
 * CLOSE in one go, so no other request comes between them: it leaves the stack as it found it.
 * Nothing relies on it blindly: the OPEN's reply is compared with the prediction, and a miss
 * writes the file again on the handle given (upload.ts) and ends predictions for the session.
 */
import type { SFTPWrapper } from 'ssh2'

type Callback = (err: Error | undefined | null, value?: unknown) => void
type Method = (...args: unknown[]) => void

export class HandleTracker {
  /** OPEN and OPENDIR sent (not predicted ones) whose handle is not yet known closed: a reply missing, or the CLOSE's. */
  private unclosed = 0
  /** The handle freed last in the order the server reads this channel's requests, when known. */
  private lastFreed: Buffer | undefined
  /** CLOSEs sent and not yet answered. */
  private closing = 0
  /** Uploads waiting for the handles being closed (`closed`). */
  private readonly waiting: (() => void)[] = []
  /** OPEN and OPENDIR sent so far: a CLOSE's reply tells the handle freed last only if none went after it. */
  private opensSent = 0
  /** A prediction was wrong: the server keeps its handles otherwise, none is made from now on. */
  private missed = false
  /** The channel's own OPEN and CLOSE, which predicted files send through (the tracker's accounting left out). */
  readonly raw: { open: Method; close: Method }

  /** Watches the channel's OPEN, OPENDIR and CLOSE (ssh2's own readdir and readFile go through them). */
  constructor(private readonly sftp: SFTPWrapper) {
    const channel = sftp as unknown as Record<string, Method>
    this.raw = { open: channel.open!.bind(sftp), close: channel.close!.bind(sftp) }
    for (const name of ['open', 'opendir'] as const) {
      const original = channel[name]!.bind(sftp)
      channel[name] = (...args: unknown[]) => {
        const cb = args.pop() as Callback
        this.opensSent += 1
        this.unclosed += 1
        this.lastFreed = undefined
        original(...args, (err: Error | undefined | null, handle?: unknown) => {
          // A refused OPEN took no handle.
          if (err && --this.unclosed === 0) this.wake()
          cb(err, handle)
        })
      }
    }
    channel.close = (handle: unknown, cb: unknown) => {
      const opensBefore = this.opensSent
      this.closing += 1
      this.raw.close(handle, (err: Error | undefined | null) => {
        this.closing = Math.max(0, this.closing - 1)
        this.unclosed = Math.max(0, this.unclosed - 1)
        // Freed last unless an OPEN was sent after this CLOSE (it may have taken the handle again).
        if (!err && this.opensSent === opensBefore) this.lastFreed = Buffer.from(handle as Buffer)
        if (this.unclosed === 0) this.wake()
        ;(cb as Callback | undefined)?.(err)
      })
    }
    sftp.once('close', () => this.wake())
    sftp.once('end', () => this.wake())
  }

  /**
   * When every handle still open has its CLOSE sent, waits for their replies (under a round
   * trip): the next file then goes behind a predicted handle (one round trip) instead of waiting
   * for its OPEN's reply (two), and the files in flight stay in step.
   */
  async closed(): Promise<void> {
    const open = (): boolean => (this.sftp as unknown as { outgoing?: { state?: string } }).outgoing?.state === 'open'
    while (this.unclosed > 0 && this.unclosed <= this.closing && !this.missed && open())
      await new Promise<void>(resolve => this.waiting.push(resolve))
  }

  private wake(): void {
    this.waiting.splice(0).forEach(resume => resume())
  }

  /** The handle the next OPEN will get, or undefined when that cannot be told safely. */
  next(): Buffer | undefined {
    return this.unclosed === 0 && !this.missed ? this.lastFreed : undefined
  }

  /** The server gave another handle than the one predicted. */
  miss(): void {
    this.missed = true
  }
}
