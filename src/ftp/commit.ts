/**
 * After an upload to its temporary name, everything up to the next transfer in one write: the
 * mode, the delete a server may need first, RNFR, RNTO, the size of the renamed file and the
 * next transfer's passive port. One round trip instead of four or five. The replies are matched
 * to the commands in order; one that cannot belong to its command turns pipelining off for the
 * run and the upload is retried on a new connection (see ftp/pipelining.ts), so a mismatch never
 * becomes a wrong result.
 */
import { DeployError, incomplete } from '../core/errors.js'
import type { Commit, Committed } from '../core/remote-session.js'
import { replyIsTransient } from '../core/retry.js'
import type { Reply } from './basic-ftp.js'
import { sizeIn } from './pipelining.js'

/** What the commit needs of a session: its commands sent together (session.ts). */
export interface CommandSender {
  sendAll(commands: string[], options: { pipelined: boolean; preparePassive: boolean }): Promise<Reply[]>
}

/**
 * Sends the commit of `c.temp` over `c.target` in one write and interprets the replies. Throws
 * for a failure worth a retry (4xx, a size that differs, a confused server), and for a refused
 * mode (the run fails, naming the reply).
 */
export async function commitTogether(session: CommandSender, c: Commit): Promise<Committed> {
  const { temp, target, checks } = c
  const chmod = checks.mode !== undefined ? `SITE CHMOD ${checks.mode} ${temp}` : undefined
  const commands = [
    ...(chmod !== undefined ? [chmod] : []),
    ...(c.mode === 'delete-then-rename' ? [`DELE ${target}`] : []),
    `RNFR ${temp}`,
    `RNTO ${target}`,
    ...(checks.verifySize ? [`SIZE ${target}`] : [])
  ]
  const replies = await session.sendAll(commands, { pipelined: true, preparePassive: true })
  const next = (): Reply => replies.shift()!
  const modeReply = chmod !== undefined ? next() : undefined
  if (c.mode === 'delete-then-rename') next() // DELE: gone or never there, either is fine
  const rnfr = next()
  const rnto = next()
  const size = checks.verifySize ? next() : undefined

  if (modeReply !== undefined && modeReply.code >= 300) {
    throw new DeployError(
      `Could not set mode ${checks.mode} on ${temp}: the server answered SITE CHMOD with ${modeReply.message}`,
      {
        command: 'SITE CHMOD',
        code: modeReply.code,
        reply: modeReply.message,
        transient: replyIsTransient(modeReply.code, modeReply.message)
      }
    )
  }
  const refused = rnfr.code >= 400 ? rnfr : rnto.code >= 400 ? rnto : undefined
  if (refused !== undefined) {
    const err = new DeployError(`Could not rename ${temp} to ${target}: ${refused.message}`, {
      command: 'RNFR/RNTO',
      code: refused.code,
      reply: refused.message,
      transient: replyIsTransient(refused.code, refused.message)
    })
    // 4xx: the pool retries the whole upload on a new connection; 5xx: the replacer's fallbacks.
    if (refused.code < 500) throw err
    return { renamed: false, refusal: err }
  }
  if (size !== undefined && size.code !== 500 && size.code !== 502) {
    // Read from the renamed file: a difference means the target holds a cut copy: upload again.
    const held = sizeIn(size) ?? `no file (${size.message})`
    if (held !== c.sent.size) throw incomplete(checks.name, held, c.sent.size)
  }
  return { renamed: true }
}
