/**
 * One entry's facts on the control connection (RFC 3659 MLST <path>): what MLSD would say of it
 * (pure-ftpd, ProFTPD and pyftpdlib format both with the same code), with no data connection.
 * The listing output takes its exact times from them where the run's STAT listings already
 * showed which entries there are (issue 22: the listing of a run that changed nothing).
 */
import { FileInfo, parseList } from 'basic-ftp'
import type { Reply } from '../core/remote-session.js'
import { CommandsAhead } from './commands-ahead.js'
import { BATCH_COMMANDS, globbed } from './pipelining.js'

/**
 * A name MLST may not read as given: a pattern (a server may expand it), spaces at either end
 * (a server may trim them and answer for another name), a line break or NUL (never sent).
 */
const unsure = (path: string): boolean =>
  globbed(path) || /[\r\n\0]/.test(path) || /^\s|\s$/.test(path.slice(path.lastIndexOf('/') + 1))

/**
 * The facts line of a reply to MLST (250, the facts on the one line between the first and the
 * last, after one space); undefined for anything else (a refusal: no such entry, or no MLST).
 */
export function parseMlst(reply: Reply): FileInfo | undefined {
  if (reply.code !== 250) return undefined
  const lines = reply.message.split('\n').slice(1, -1)
  if (lines.length !== 1) return undefined
  const line = lines[0]!.replace(/\r$/, '').replace(/^ /, '')
  // The facts, before the first space; the name after it is the path asked for, which basic-ftp's
  // MLSD parser would drop (a name with a slash is not the directory's): a plain one stands in.
  const facts = line.includes(' ') ? line.slice(0, line.indexOf(' ')) : ''
  if (!/^[^\s;=]+=[^;]*;/.test(facts)) return undefined
  try {
    const [info] = parseList(`${facts} entry`)
    return info?.modifiedAt === undefined ? undefined : info
  } catch {
    return undefined
  }
}

/**
 * MLST of each of `paths` through `send` (one write where the server takes it): each entry's
 * facts, undefined where there are none (refused, not there, or a name not asked for at all).
 */
export async function mlstFacts(
  paths: string[],
  send: (commands: string[]) => Promise<Reply[]>
): Promise<(FileInfo | undefined)[]> {
  const asked = paths.filter(path => !unsure(path))
  const replies = asked.length === 0 ? [] : await send(asked.map(path => `MLST ${path}`))
  let next = 0
  return paths.map(path => (unsure(path) ? undefined : parseMlst(replies[next++]!)))
}

/**
 * MLSTs sent ahead of a transfer's command in its write (the manifest's RETR): their replies come
 * before the transfer's, to the same handler, at no round trip of their own.
 */
export class FactsAhead extends CommandsAhead {
  /** `paths`: those MLST may read as given, each command within a line's length. */
  constructor(readonly paths: string[]) {
    super(paths.map(path => `MLST ${path}`))
  }

  /** Each path's facts; undefined for all where they did not all come. */
  facts(): (FileInfo | undefined)[] | undefined {
    return this.all()?.map(parseMlst)
  }
}

/**
 * The MLSTs that fit ahead of a command in its write: those of `paths` MLST reads as given;
 * undefined where none do, or they do not all fit (the listing output reads them later, as needed).
 */
export function factsAhead(paths: string[], room: number): FactsAhead | undefined {
  const asked = paths.filter(path => !unsure(path))
  const bytes = asked.reduce((sum, path) => sum + Buffer.byteLength(`MLST ${path}\r\n`), 0)
  if (asked.length === 0 || bytes > room || asked.length >= BATCH_COMMANDS) return undefined
  return new FactsAhead(asked)
}
