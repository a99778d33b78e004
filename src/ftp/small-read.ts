/**
 * Small files read whole (the manifest, the lock's holder.json): SIZE first, on the control
 * connection, then RETR. The run's first listings (STAT of remote-dir, and of the directories
 * the state read lists where they fit) ride ahead of the manifest's SIZE, and its backup's SIZE
 * with it: a first deploy learns both are absent, and what remote-dir holds, in one round trip;
 * a redeploy has its listings with the manifest rather than level by level after it (issue 22).
 */
import { Client, FTPError } from 'basic-ftp'
import { posix } from 'node:path'
import type { FirstRead, RemoteEntry, Reply } from '../core/remote-session.js'
import type { ServerRecord } from '../core/server-record.js'
import type { PassiveConnector } from './data-connection.js'
import { aheadFailed, CommandsAhead } from './commands-ahead.js'
import { FactsAhead, factsAhead } from './mlst.js'
import { BATCH_BYTES, globbed, sizeIn, sizeUnavailable } from './pipelining.js'
import { retrieveSmall, tooLarge } from './retrieve.js'
import type { TlsTiming } from './early-tls.js'
import { parseStatListing } from './stat-listing.js'

export interface SmallReader {
  client: Client
  connector: PassiveConnector
  server: ServerRecord
  /** When transfers start TLS (as soon as TCP is up, where the server takes it). */
  tls(): TlsTiming
  /** The session's sendAll: replies in order, in one write when `pipelined`. */
  sendAll(commands: string[], options: { pipelined: boolean; preparePassive: boolean }): Promise<Reply[]>
}

/**
 * STAT of each of `dirs` (where STAT lists), then SIZE of each path, pipelined with the passive
 * port (the writes the server takes: one where they fit), then the first path there downloaded
 * (at most `maxBytes`). A SIZE refused as a command (`550 Permission denied.`) is not "no such
 * file": RETR tells. `known`: those replies, asked already; `got`: files read whole with them.
 */
export async function readFirstOf(
  r: SmallReader,
  paths: string[],
  maxBytes: number,
  dirs: string[] = [],
  known?: ReadonlyMap<string, Reply>,
  got?: ReadonlyMap<string, Buffer>
): Promise<FirstRead> {
  const stated = r.server.statLists ? dirs.filter(dir => !globbed(dir)) : []
  const commands = [...stated.map(dir => `STAT ${dir}`), ...paths.map(path => `SIZE ${path}`)]
  // Sent in the login's write (with the passive port): their replies, else asked now.
  const asked = commands.every(command => known?.has(command))
  const replies = asked
    ? commands.map(command => known!.get(command)!)
    : await r.sendAll(commands, { pipelined: true, preparePassive: true })
  const stats = new Map(
    stated.map((dir, i) => [dir, replies[i]!.code < 300 ? parseStatListing(replies[i]!) : undefined])
  )
  const read: FirstRead = { stats, files: [] }
  const ahead = factsOfEntries(r.server, stated[0], stats, paths)
  for (const [i, path] of paths.entries()) {
    const size = replies[stated.length + i]!
    // Read whole with those replies (under the deploy lock, in its heartbeat's write): not again.
    const data = asked && got?.has(path) === true ? got.get(path) : await readSized(r, path, size, maxBytes, ahead)
    read.files.push(data)
    if (data !== undefined) break
  }
  if (ahead !== undefined) withFacts(stats.get(stated[0]!)!, ahead)
  return read
}

/**
 * Where the listing output takes MLSD's times (listings.ts), MLST of each entry STAT listed in
 * remote-dir (`dir`), but the files read, rides in the manifest's RETR write: a run that changes
 * nothing then lists nothing more (issue 22).
 */
function factsOfEntries(
  server: ServerRecord,
  dir: string | undefined,
  stats: ReadonlyMap<string, RemoteEntry[] | undefined>,
  reading: string[]
): FactsAhead | undefined {
  const entries = dir === undefined ? undefined : stats.get(dir)
  if (entries === undefined || server.listCommand !== 'MLSD' || !server.pipelining) return undefined
  const paths = entries.filter(e => e.name !== '.' && e.name !== '..').map(e => posix.join(dir!, e.name))
  // In one write with the RETR: what it leaves of a write's bytes.
  const retr = Math.max(...reading.map(path => Buffer.byteLength(`RETR ${path}\r\n`)))
  return factsAhead(
    paths.filter(path => !reading.includes(path)),
    BATCH_BYTES - retr
  )
}

/** The MLSD facts read ahead, on the entries STAT listed (`facts`), where all came. */
function withFacts(entries: RemoteEntry[], ahead: FactsAhead): void {
  const facts = ahead.facts()
  if (facts === undefined) return
  ahead.paths.forEach((path, i) => {
    const entry = entries.find(e => e.name === posix.basename(path))
    const fact = facts[i]
    if (entry === undefined || fact === undefined) return
    const { type, size, modifiedAt, rawModifiedAt } = fact
    entry.facts = { name: entry.name, type, size, modifiedAt, rawModifiedAt }
  })
}

/** RETR of `path` as its SIZE reply allows; undefined when the file is not there. */
async function readSized(
  r: SmallReader,
  path: string,
  size: Reply,
  maxBytes: number,
  ahead?: FactsAhead
): Promise<Buffer | undefined> {
  const unavailable = sizeUnavailable(size)
  if (unavailable) r.server.sizeUnavailable(size.message)
  if (size.code === 550 && !unavailable) return undefined
  if (size.code >= 300 && !unavailable) throw new FTPError(size)
  const expected = sizeIn(size)
  if (expected !== undefined && expected > maxBytes) throw tooLarge(path, `is ${expected} bytes,`, maxBytes)
  return retrieveAhead(r, path, maxBytes, expected, ahead)
}

/**
 * RETR of a small file on a new data connection, `ahead`'s commands before it; `behind`: the next
 * transfer's passive port after it, where the server reads it after the transfer.
 */
export async function retrieveAhead(
  r: SmallReader,
  path: string,
  maxBytes: number,
  expected: number | undefined,
  ahead?: CommandsAhead,
  behind = false
): Promise<Buffer | undefined> {
  const data = await r.connector.open(r.client)
  const after = behind ? r.connector.behindStor() : undefined
  return retrieveSmall(r.client, data, path, maxBytes, expected, r.tls(), ahead, after, r.server).catch(err => {
    throw aheadFailed(err, r.server)
  })
}
