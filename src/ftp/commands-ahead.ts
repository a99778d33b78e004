/**
 * Commands sent ahead of a transfer's command in its write (MLSTs ahead of the manifest's RETR;
 * the deploy lock's heartbeat and the state read's STATs ahead of it, issue 22): their replies
 * come before the transfer's, to the same handler, at no round trip of their own.
 */
import type { Client, ResponseHandler } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import type { Reply } from '../core/remote-session.js'
import type { ServerRecord } from '../core/server-record.js'
import { nameEncoding, RepliesMismatch } from './basic-ftp.js'
import { commandNamed, fitsCommand, isReply } from './pipelining.js'

export class CommandsAhead {
  readonly replies: Reply[] = []
  private client: Client | undefined
  /** A reply that was none of theirs (a 1xx, another's success): the session is done. */
  private confused = false

  /** `commands`: each within a line's length, no line break in any (the caller checks). */
  constructor(readonly commands: string[]) {}

  /** Writes the commands (logged as sent) in one write on the control connection, right before the transfer's command; once. */
  send(client: Client): void {
    const ftp = client.ftp
    if (ftp.closed || this.client !== undefined) return
    this.client = client
    for (const command of this.commands) ftp.log(`> ${command}`)
    ftp.socket.write(this.commands.map(command => `${command}\r\n`).join(''), nameEncoding(client))
  }

  /**
   * `handler`, the commands' replies taken first. One that cannot be its command's (a 1xx,
   * another command's success) means the replies no longer match the commands: the transfer
   * fails with a RepliesMismatch and the session is done, as for commands sent together.
   */
  handler(handler: ResponseHandler): ResponseHandler {
    return (res, task) => {
      const client = this.client
      if (client === undefined || this.confused || this.replies.length === this.commands.length || !isReply(res))
        return handler(res, task)
      const command = this.commands[this.replies.length]!
      const reply = { code: res.code, message: res.message }
      if (res.code < 200 || !fitsCommand(command, reply)) {
        this.confused = true
        const err = new RepliesMismatch(`${commandNamed(command)} answered with ${reply.message}`)
        task.reject(err)
        client.ftp.closeWithError(err)
        return
      }
      this.replies.push(reply)
    }
  }

  /** Every reply, in order; undefined where they did not all come. */
  all(): Reply[] | undefined {
    return this.confused || this.replies.length !== this.commands.length ? undefined : this.replies
  }
}

/** What a transfer with commands ahead failed of: a RepliesMismatch turns pipelining off (one at a time from now on), and is worth a retry on a new session. */
export function aheadFailed(err: unknown, server: Pick<ServerRecord, 'pipeliningConfused'>): unknown {
  if (!(err instanceof RepliesMismatch)) return err
  server.pipeliningConfused(err.message)
  return new DeployError(`The replies to commands sent together did not match them (${err.message})`, {
    transient: true
  })
}
