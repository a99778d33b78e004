/**
 * Changes and reads in the same writes (issue 22): the deploy lock's MKD, then the state read
 * under it (STATs, SIZEs) and the next transfer's passive port. The server answers in order, so
 * each read is answered after every change ahead of it. `next` names changes that depend on the
 * first write's outcomes (the lock's heartbeat: made only in a lock this run made); they lead the
 * second write, with the reads that did not fit in the first. `file` (the manifest) is read at
 * the end of that second write, on the port asked for in the first, where the last change was
 * made (the lock is this run's) and its SIZE in the first write says it is there and small
 * enough: the RETR ends its write (pure-ftpd answers commands read during a transfer with 500),
 * and the reads left over go once it is done. A connection lost after the changes' replies loses
 * only what came after them; a file that could not be read this way is read again later.
 */
import { describeError } from '../core/errors.js'
import type { FileToRead, OpOutcome, RemoteOp, Reply } from '../core/remote-session.js'
import type { ServerRecord } from '../core/server-record.js'
import { CommandsAhead } from './commands-ahead.js'
import { batchEnds, burstOf, globbed, lineTooLong, opCommand, outcome, sizeIn } from './pipelining.js'
import type { SendOptions } from './send-all.js'

export interface ThenRead {
  outcomes: OpOutcome[]
  /** The outcomes of `next`'s changes; undefined where the connection was lost before their replies. */
  next?: OpOutcome[]
  /** Each read asked (command -> reply); undefined where the connection was lost first. */
  replies?: ReadonlyMap<string, Reply>
  /** `file`'s bytes, where it was read whole in the second write. */
  file?: Buffer
}

/** What the session gives: its sendAll, and a small file's RETR at the end of a write, `ahead` before it. */
export interface ThenReadIo {
  send(commands: string[], options: SendOptions): Promise<Reply[]>
  retrieve(ahead: CommandsAhead, file: FileToRead, expected: number): Promise<Buffer | undefined>
}

const lineBytes = (command: string): number => Buffer.byteLength(`${command}\r\n`)
/** The passive port's command (EPSV or PASV) closing the first write where a file is read. */
const PORT_BYTES = lineBytes('EPSV')

export async function togetherThenRead(
  io: ThenReadIo,
  server: ServerRecord,
  ops: RemoteOp[],
  reads: string[],
  next: (outcomes: OpOutcome[]) => RemoteOp[] = () => [],
  file?: FileToRead,
  { beforeTransfer = true }: { beforeTransfer?: boolean } = {}
): Promise<ThenRead> {
  // A STAT the server would glob is not asked (stat-listing.ts).
  const asked = reads.filter(command => !command.startsWith('STAT ') || !globbed(command.slice(5)))
  const commands = [...ops.map(opCommand), ...asked]
  const sizeAt = file === undefined ? -1 : commands.indexOf(`SIZE ${file.path}`)
  // The first write: the changes, and the reads that fit beside them (the server's burst),
  // room left for the passive port where the file may be read next.
  const burst = burstOf(server)
  const room = sizeAt < 0 ? [burst.bytes, burst.commands] : [burst.bytes - PORT_BYTES, burst.commands - 1]
  const cut = Math.max(ops.length, batchEnds(commands.map(lineBytes), room[0], room[1])[0] ?? 0)
  const reading = sizeAt >= 0 && sizeAt < cut ? file : undefined
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
    first = await io.send(commands.slice(0, cut), { pipelined: true, preparePassive: reading !== undefined, stopped })
  } catch (err) {
    if (before.length < ops.length) throw err
    return lost(err, { outcomes: before.slice(0, ops.length).map(outcome) })
  }
  const outcomes = first.slice(0, ops.length).map(outcome)
  const then = next(outcomes)
  const expected = reading && outcomes[outcomes.length - 1]!.done ? sizeIn(first[sizeAt]!) : undefined
  if (reading !== undefined && expected !== undefined && expected <= reading.maxBytes) {
    return readingThen(io, burst, commands, { cut, then, outcomes, first }, reading, expected, lost)
  }
  // No transfer next (the final check's listings behind the deletions): no second write for a passive port alone.
  const rest = [...then.map(opCommand), ...commands.slice(cut)]
  let second: Reply[]
  try {
    second =
      rest.length > 0 || beforeTransfer ? await io.send(rest, { pipelined: true, preparePassive: beforeTransfer }) : []
  } catch (err) {
    return lost(err, { outcomes })
  }
  const answers = [...first.slice(ops.length), ...second.slice(then.length)]
  const replies = new Map(asked.map((command, i) => [command, answers[i]!]))
  return { outcomes, next: second.slice(0, then.length).map(outcome), replies }
}

/**
 * The second write with `file`'s RETR at its end, behind `then`'s changes and the reads that fit;
 * the reads left over (with the next transfer's passive port) once the transfer is done.
 */
async function readingThen(
  io: ThenReadIo,
  burst: { bytes: number; commands: number },
  commands: string[],
  done: { cut: number; then: RemoteOp[]; outcomes: OpOutcome[]; first: Reply[] },
  file: FileToRead,
  expected: number,
  lost: (err: unknown, result: ThenRead) => ThenRead
): Promise<ThenRead> {
  const { cut, then, outcomes, first } = done
  const lead = [...then.map(opCommand), ...commands.slice(cut)]
  // Room for the RETR, and the next passive port that may go behind it.
  const retr = lineBytes(`RETR ${file.path}`) + PORT_BYTES
  const fits = Math.max(then.length, batchEnds(lead.map(lineBytes), burst.bytes - retr, burst.commands - 2)[0] ?? 0)
  const ahead = new CommandsAhead(lead.slice(0, fits))
  let data: Buffer | undefined
  try {
    // Written raw ahead of the RETR: what sendPipelined would refuse is never sent so.
    if (lead.some(command => /[\r\n\0]/.test(command) || lineTooLong(command, lineBytes(command)) !== undefined))
      throw new Error('A command cannot be sent ahead of a transfer')
    data = await io.retrieve(ahead, file, expected)
  } catch (err) {
    const replies = ahead.all()
    // Lost in the reads: as where no file rides. Else the file failed alone: read again later.
    if (replies === undefined) return lost(err, { outcomes })
    return { outcomes, next: replies.slice(0, then.length).map(outcome) }
  }
  const aheadReplies = ahead.all()!
  let rest: Reply[] = []
  if (fits < lead.length) {
    try {
      rest = await io.send(lead.slice(fits), { pipelined: true, preparePassive: true })
    } catch (err) {
      return lost(err, { outcomes, next: aheadReplies.slice(0, then.length).map(outcome) })
    }
  }
  const answers = [...first.slice(outcomes.length), ...aheadReplies.slice(then.length), ...rest]
  const asked = commands.slice(outcomes.length)
  const replies = new Map(asked.map((command, i) => [command, answers[i]!]))
  return { outcomes, next: aheadReplies.slice(0, then.length).map(outcome), replies, ...(data && { file: data }) }
}
