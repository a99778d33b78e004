/**
 * Commands sent ahead of a transfer's command in its write (MLSTs ahead of the manifest's RETR;
 * the deploy lock's heartbeat and the state read's STATs ahead of it, issue 22): their replies
 * come before the transfer's, to the same handler, at no round trip of their own.
 */
import type { Client, ResponseHandler } from 'basic-ftp'
import type { Reply } from '../core/remote-session.js'
import { nameEncoding } from './basic-ftp.js'
import { fitsCommand, isReply } from './pipelining.js'

export class CommandsAhead {
  readonly replies: Reply[] = []
  private sent = false
  /** A reply that was none of theirs (a 1xx, another's success): the rest are the transfer's. */
  private confused = false

  /** `commands`: each within a line's length, no line break in any (the caller checks). */
  constructor(readonly commands: string[]) {}

  /** Writes the commands (logged as sent) in one write on the control connection, right before the transfer's command; once. */
  send(client: Client): void {
    const ftp = client.ftp
    if (ftp.closed || this.sent) return
    this.sent = true
    for (const command of this.commands) ftp.log(`> ${command}`)
    ftp.socket.write(this.commands.map(command => `${command}\r\n`).join(''), nameEncoding(client))
  }

  /** `handler`, the commands' replies taken first. */
  handler(handler: ResponseHandler): ResponseHandler {
    return (res, task) => {
      if (!this.sent || this.confused || this.replies.length === this.commands.length || !isReply(res))
        return handler(res, task)
      const reply = { code: res.code, message: res.message }
      if (res.code < 200 || !fitsCommand(this.commands[this.replies.length]!, reply)) {
        this.confused = true
        return handler(res, task)
      }
      this.replies.push(reply)
    }
  }

  /** Every reply, in order; undefined where they did not all come. */
  all(): Reply[] | undefined {
    return this.confused || this.replies.length !== this.commands.length ? undefined : this.replies
  }
}
