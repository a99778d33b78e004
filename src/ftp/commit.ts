/**
 * After an upload to its temporary name, everything up to the next transfer in one write: the
 * renames of files checked before (each with the delete a server may need first), the mode and
 * the size of the temporary just uploaded, and the next transfer's passive port. The temporary
 * itself is not renamed here: it goes live with a later write, once its checks are read (the
 * README's promise: nothing goes live before its checks). The replies are matched to the
 * commands in order; one that cannot belong to its command turns pipelining off for the run and
 * the upload is retried on a new connection (see ftp/pipelining.ts), so a mismatch never becomes
 * a wrong result.
 */
import { DeployError, incomplete } from '../core/errors.js'
import type { Commit, Committed, Rename, TempCheck } from '../core/remote-session.js'
import { replyIsTransient } from '../core/retry.js'
import type { ServerRecord } from '../core/server-record.js'
import type { Reply } from './basic-ftp.js'
import { globbed, opCommand, outcome, sizeIn, sizeUnavailable } from './pipelining.js'
import { statFileSize } from './stat-listing.js'

/** What the commit needs of a session: its commands sent together (session.ts), and the record. */
export interface CommandSender {
  readonly server: ServerRecord
  sendAll(commands: string[], options: { pipelined: boolean; preparePassive: boolean }): Promise<Reply[]>
}

/**
 * Sends the renames and the check of `c` in one write and reads every reply: a refused rename is
 * that rename's outcome (its file's fallbacks are the replacer's), a failed check the commit's
 * `failure`. Throws only when the write itself fails (a lost connection, replies that do not
 * match), leaving the renames in doubt.
 */
export async function commitTogether(session: CommandSender, c: Commit): Promise<Committed> {
  const { check } = c
  const chmod = check?.mode !== undefined ? `SITE CHMOD ${check.mode} ${check.path}` : undefined
  const size = check?.size === undefined ? undefined : sizeCommand(session.server, check.path)
  const then = c.then ?? []
  const commands = [
    ...c.renames.flatMap(r => [...(r.clearFirst ? [`DELE ${r.to}`] : []), `RNFR ${r.from}`, `RNTO ${r.to}`]),
    ...then.map(opCommand),
    ...(chmod !== undefined ? [chmod] : []),
    ...(size !== undefined ? [size] : [])
  ]
  const replies = await session.sendAll(commands, { pipelined: true, preparePassive: check !== undefined })
  const next = (): Reply => replies.shift()!
  const renames = c.renames.map(r => {
    if (r.clearFirst) next() // DELE: gone or never there, either is fine
    return renameRefusal(r, next(), next())
  })
  const thenDone = then.map(() => outcome(next()))
  const modeReply = chmod !== undefined ? next() : undefined
  let sizeReply = size !== undefined ? next() : undefined
  let sizeBy: 'SIZE' | 'STAT' = size?.startsWith('STAT ') ? 'STAT' : 'SIZE'
  if (check !== undefined && sizeBy === 'SIZE' && sizeReply !== undefined && sizeUnavailable(sizeReply)) {
    // Refused as a command, not for this file: from now on its STAT line goes instead, this
    // temporary's at once (once in a run).
    session.server.sizeUnavailable(sizeReply.message)
    const stat = sizeCommand(session.server, check.path)
    sizeReply =
      stat === undefined ? undefined : (await session.sendAll([stat], { pipelined: false, preparePassive: false }))[0]
    sizeBy = 'STAT'
  }
  const failure = check && checkFailure(check, modeReply, sizeReply, sizeBy)
  return { renames, failure, ...(then.length > 0 ? { then: thenDone } : {}) }
}

/** How the temporary's size is read: SIZE, else its STAT line where STAT lists (not a globbed name), else not here. */
function sizeCommand(server: ServerRecord, path: string): string | undefined {
  if (server.size) return `SIZE ${path}`
  return server.statLists && !globbed(path) ? `STAT ${path}` : undefined
}

/** The refusal of RNFR or RNTO, naming both paths and keeping the reply; undefined when renamed. */
function renameRefusal(r: Rename, rnfr: Reply, rnto: Reply): DeployError | undefined {
  // 350 to RNFR, then 2xx to RNTO: anything else is not a rename that happened.
  const refused = rnfr.code !== 350 ? rnfr : rnto.code < 200 || rnto.code >= 300 ? rnto : undefined
  if (refused === undefined) return undefined
  return new DeployError(`Could not rename ${r.from} to ${r.to}: ${refused.message}`, {
    // Which one: a refused RNFR says the source is not there (or not to be moved).
    command: refused === rnfr ? 'RNFR' : 'RNTO',
    code: refused.code,
    reply: refused.message,
    transient: replyIsTransient(refused.code, refused.message)
  })
}

/** The temporary's checks, in the slow path's terms: a refused mode (final), then a size that differs. */
function checkFailure(
  check: TempCheck,
  modeReply: Reply | undefined,
  sizeReply: Reply | undefined,
  sizeBy: 'SIZE' | 'STAT'
): DeployError | undefined {
  if (modeReply !== undefined && (modeReply.code < 200 || modeReply.code >= 300)) {
    return new DeployError(
      `Could not set mode ${check.mode} on ${check.path}: the server answered SITE CHMOD with ${modeReply.message}`,
      {
        file: check.name,
        command: 'SITE CHMOD',
        code: modeReply.code,
        reply: modeReply.message,
        transient: replyIsTransient(modeReply.code, modeReply.message)
      }
    )
  }
  if (sizeReply === undefined || check.size === undefined) return undefined
  let held: number | string | undefined
  if (sizeBy === 'STAT') {
    // Its STAT line: a size read there is compared; no listing leaves it to the final listing.
    held = statFileSize(sizeReply, check.path)
    if (held === undefined) return undefined
  }
  held ??= sizeIn(sizeReply) ?? `no file (${sizeReply.message})`
  return held === check.size ? undefined : incomplete(check.name, held, check.size)
}
