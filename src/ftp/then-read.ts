/**
 * Changes and reads in the same writes (issue 22): the deploy lock's MKD, then the state read
 * under it (STATs, SIZEs) and the next transfer's passive port. The server answers in order, so
 * each read is answered after every change ahead of it. `next` names changes that depend on the
 * first write's outcomes (the lock's heartbeat: made only in a lock this run made); they lead the
 * second write, with the reads that did not fit in the first. A connection lost after the
 * changes' replies loses only what came after them.
 */
import { describeError } from '../core/errors.js'
import type { OpOutcome, RemoteOp, Reply } from '../core/remote-session.js'
import type { ServerRecord } from '../core/server-record.js'
import { batchEnds, globbed, opCommand, outcome } from './pipelining.js'
import type { SendOptions } from './send-all.js'

export interface ThenRead {
  outcomes: OpOutcome[]
  /** The outcomes of `next`'s changes; undefined where the connection was lost before their replies. */
  next?: OpOutcome[]
  /** Each read asked (command -> reply); undefined where the connection was lost first. */
  replies?: ReadonlyMap<string, Reply>
}

export async function togetherThenRead(
  send: (commands: string[], options: SendOptions) => Promise<Reply[]>,
  server: ServerRecord,
  ops: RemoteOp[],
  reads: string[],
  next: (outcomes: OpOutcome[]) => RemoteOp[] = () => [],
  { beforeTransfer = true }: { beforeTransfer?: boolean } = {}
): Promise<ThenRead> {
  // A STAT the server would glob is not asked (stat-listing.ts).
  const asked = reads.filter(command => !command.startsWith('STAT ') || !globbed(command.slice(5)))
  const commands = [...ops.map(opCommand), ...asked]
  // The first write: the changes, and the reads that fit beside them (pipelining.ts BATCH_BYTES).
  const cut = Math.max(ops.length, batchEnds(commands.map(c => Buffer.byteLength(`${c}\r\n`)))[0] ?? 0)
  let before: Reply[] = []
  const stopped = (replies: Reply[]): void => void (before = replies)
  const lost = (err: unknown, result: ThenRead): ThenRead => {
    // Lost in the reads (a STAT reply too long for the control connection, a cut): they are made
    // again later, one directory at a time over LIST (the retry is a different step).
    server.statListsLost(`Reading behind ${opCommand(ops[ops.length - 1]!)}: ${describeError(err)}`)
    return result
  }
  let first: Reply[]
  try {
    first = await send(commands.slice(0, cut), { pipelined: true, preparePassive: false, stopped })
  } catch (err) {
    if (before.length < ops.length) throw err
    return lost(err, { outcomes: before.slice(0, ops.length).map(outcome) })
  }
  const outcomes = first.slice(0, ops.length).map(outcome)
  const then = next(outcomes)
  // No transfer next (the final check's listings behind the deletions): no second write for a passive port alone.
  const rest = [...then.map(opCommand), ...commands.slice(cut)]
  let second: Reply[]
  try {
    second =
      rest.length > 0 || beforeTransfer ? await send(rest, { pipelined: true, preparePassive: beforeTransfer }) : []
  } catch (err) {
    return lost(err, { outcomes })
  }
  const answers = [...first.slice(ops.length), ...second.slice(then.length)]
  const replies = new Map(asked.map((command, i) => [command, answers[i]!]))
  return { outcomes, next: second.slice(0, then.length).map(outcome), replies }
}
