/**
 * What is inside a deploy lock directory and how a run reads it: holder.json (who holds it,
 * since when, and the run's random token) and the heartbeat, a directory named
 * beat-<token><n> that the holder renames to the next n while it runs. The token in the
 * heartbeat's name is what makes a lock a run's own: renewing, releasing and breaking each act
 * on a heartbeat by its name, so none of them touches a lock another run made meanwhile.
 */
import { randomInt } from 'node:crypto'
import { posix } from 'node:path'
import { LOCK_DIR } from '../core/remote-path.js'
import { RemoteSession } from '../core/remote-session.js'
import { quietly } from '../session/refusals.js'

export { LOCK_DIR }
export const HOLDER = 'holder.json'
/** Heartbeats of this version (beat-<token><n>) and of earlier ones (beat-<n>). */
const BEAT = /^beat-/
/**
 * The most of holder.json a waiter reads: a few hundred bytes are written. A bigger file is no
 * lock of this tool's making; it names an unknown holder, judged by its heartbeat alone.
 */
export const HOLDER_MAX_BYTES = 64 * 1024

/**
 * A run's token: random, so no two runs (the same GitHub run's jobs included) share one. Twelve
 * decimal digits, so its heartbeat's name stays beat-<digits>, the only form earlier versions
 * see as a heartbeat: a waiter of an earlier version sees this one's move and never takes the
 * lock for a stale one.
 */
export const newToken = (): string => Array.from({ length: 12 }, () => String(randomInt(10))).join('')

/** The heartbeat's name for a run's n-th beat. */
export const beatName = (token: string, n: number): string => `beat-${token}${n}`
/** The beat number of a heartbeat of this run's, or undefined for another's. */
export function ownBeatNumber(name: string, token: string): number | undefined {
  const prefix = `beat-${token}`
  const rest = name.slice(prefix.length)
  return name.startsWith(prefix) && /^\d+$/.test(rest) ? Number(rest) : undefined
}
/** Whether a heartbeat name is this run's. */
export const isOwnBeat = (name: string, token: string): boolean => ownBeatNumber(name, token) !== undefined

export interface LockSeen {
  /** Who holds it ('' when holder.json is missing, cut short or foreign). */
  holder: string
  since: string
  /** The holder's token ('' for a lock of an earlier version or an unknown holder). */
  token: string
  /** Every heartbeat's name, sorted, comma-separated: it changes while the holder lives. */
  beat: string
  /** holder.json as read ('' when absent), or its size when over HOLDER_MAX_BYTES: a new holder changes it. */
  raw: string
}

export const describeSeen = (seen: LockSeen | undefined): string =>
  seen === undefined || seen.holder === ''
    ? seen !== undefined && seen.raw !== ''
      ? `an unknown run (${HOLDER} ${seen.raw.startsWith('size:') ? `of ${seen.raw.slice(5)} bytes, over the ${HOLDER_MAX_BYTES / 1024} KiB this tool reads` : 'unreadable'})`
      : 'an unknown run (no holder.json yet)'
    : `${seen.holder} since ${seen.since}`

/** Two looks at a lock show the same holder and the same heartbeat: nothing moved between them. */
export const sameLock = (a: LockSeen, b: LockSeen): boolean => a.beat === b.beat && a.raw === b.raw

/** The lock directory at `path` as it is now; undefined when there is none. */
export async function inspectLockDir(session: RemoteSession, path: string): Promise<LockSeen | undefined> {
  const infos = await session
    .statList(path)
    .then(found => found ?? session.list(path))
    .catch(() => undefined)
  if (infos === undefined) return undefined
  const beat = infos
    .map(i => i.name)
    .filter(n => BEAT.test(n))
    .sort()
    .join(',')
  const listed = infos.find(i => i.name === HOLDER)
  const seen: LockSeen = { holder: '', since: '', token: '', beat, raw: '' }
  if (listed !== undefined && listed.size > HOLDER_MAX_BYTES) return { ...seen, raw: `size:${listed.size}` }
  const data = await session.download(posix.join(path, HOLDER), HOLDER_MAX_BYTES).catch(() => undefined)
  if (data === undefined) return seen
  if (data.length > HOLDER_MAX_BYTES) return { ...seen, raw: `size:${data.length}` }
  const raw = data.toString('utf8')
  try {
    const doc = JSON.parse(raw) as { holder?: unknown; since?: unknown; token?: unknown }
    const text = (v: unknown): string => (typeof v === 'string' ? v : '')
    return { ...seen, raw, holder: text(doc.holder), since: text(doc.since), token: text(doc.token) }
  } catch {
    // A holder.json cut short by a kill: an unknown holder, judged by its heartbeat alone.
    return { ...seen, raw }
  }
}

/** The lock in remote-dir as it is now; undefined when there is none. */
export function inspectLock(session: RemoteSession, remoteRoot: string): Promise<LockSeen | undefined> {
  return inspectLockDir(session, posix.join(remoteRoot, LOCK_DIR))
}

/** Empties and removes a lock directory (refusals are quiet: what is gone is gone). */
export async function removeLockDir(session: RemoteSession, path: string): Promise<void> {
  const infos = (await session.statList(path).catch(() => undefined)) ?? (await session.list(path).catch(() => []))
  for (const info of infos) if (BEAT.test(info.name)) await quietly(session.removeDir(posix.join(path, info.name)))
  // By name: a listing may miss it (and it may never have been written).
  await quietly(session.remove(posix.join(path, HOLDER)))
  await quietly(session.removeDir(path))
}
