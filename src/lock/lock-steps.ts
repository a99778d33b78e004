/**
 * The lock's changes as steps on one session, each acting on a heartbeat by its name (it carries
 * a run's token, lock-dir.ts), so each touches only the lock it means: the holder's renewal and
 * release of its own, a waiter's break of the stale one it saw. Each is safe to try again after
 * a lost connection (the pool retries it on a new one): a refusal is followed by a look.
 */
import { posix } from 'node:path'
import { OpOutcome, RemoteOp, RemoteSession, Riding } from '../core/remote-session.js'
import { quietly } from '../session/refusals.js'
import {
  beatName,
  HOLDER,
  inspectLockDir,
  isOwnBeat,
  LockSeen,
  ownBeatNumber,
  removeLockDir,
  sameLock
} from './lock-dir.js'

/** What a holder remembers between steps. */
export interface BeatMoves {
  /** Directory renames refused: the heartbeat moves by MKD and RMD, after a look that it is still ours. */
  byMkdir: boolean
  /** A release got this far: the heartbeat is gone (a retried release goes on from there). */
  beatRemoved: boolean
  /** A release sent the heartbeat's, holder.json's and the directory's removal in one write. */
  releaseSent: boolean
}

/** The names of a run's own heartbeats in the lock directory; undefined when it cannot be listed. */
export async function ownBeats(session: RemoteSession, path: string, token: string): Promise<string[] | undefined> {
  const infos = await session
    .statList(path)
    .then(found => found ?? session.list(path))
    .catch(() => undefined)
  return infos?.map(i => i.name).filter(n => isOwnBeat(n, token))
}

/**
 * The lock's start in the directory this run just made: its first heartbeat made and holder.json
 * written, in one write where the server takes it (the MKD just ahead of the STOR), else one
 * after the other; `holder` undefined: the heartbeat alone, with the next transfer's passive
 * port (holder.json is written beside, lock.ts). `holderFailed` hears of a holder.json that
 * could not be written (the lock holds without it). True when the heartbeat is this run's;
 * false when the directory is gone (moved aside by a waiter that took it for a stale one) or another's.
 */
export async function startOwn(
  session: RemoteSession,
  path: string,
  token: string,
  holder: Buffer | undefined,
  holderFailed: (err: unknown) => void
): Promise<boolean> {
  const beat: RemoteOp = { kind: 'mkdir', path: posix.join(path, beatName(token, 0)) }
  let made: OpOutcome | undefined
  try {
    if (holder !== undefined)
      await session.upload(holder, posix.join(path, HOLDER), { ops: [beat], done: ([outcome]) => (made = outcome) })
  } catch (err) {
    // A lost connection: the step again on a new one (the pool's retry).
    if (!session.usable) throw err
    holderFailed(err)
  }
  made ??= (await session.together([beat], { beforeTransfer: holder === undefined }))[0]!
  if (made.done) return true
  // Refused: the directory is gone or another's, or this step's try before a lost connection made it.
  return ((await ownBeats(session, path, token)) ?? []).includes(beatName(token, 0))
}

/**
 * One beat: the heartbeat renamed from `beat` to the next number, which succeeds only in this
 * run's own lock. The beat number now, or undefined when the lock is no longer this run's.
 */
export async function renewBeat(
  session: RemoteSession,
  path: string,
  token: string,
  beat: number,
  moves: BeatMoves
): Promise<number | undefined> {
  const from = posix.join(path, beatName(token, beat))
  const to = posix.join(path, beatName(token, beat + 1))
  if (!moves.byMkdir && (await quietly(session.rename(from, to)))) return beat + 1
  // Refused: the heartbeat is not where it was (a retry after the rename went through, or the
  // lock was broken), or the server renames no directories. A look tells which.
  const mine = await ownBeats(session, path, token)
  if (mine === undefined || mine.length === 0) return undefined
  if (mine.includes(beatName(token, beat + 1))) return beat + 1
  if (!mine.includes(beatName(token, beat))) return ownBeatNumber(mine[0]!, token)
  moves.byMkdir = true
  await session.makeDir(to)
  await quietly(session.removeDir(from))
  return beat + 1
}

/**
 * Takes a stale lock over by renaming its first heartbeat to this run's first: one rename,
 * which only one waiter wins, and which fails where the directory holds another lock by now.
 * The lock is never free in between, so no third run slips in. Whatever else the stale holder
 * left beside it (`beats`, sorted, all of that holder's) is removed.
 */
export async function takeOverBeat(
  session: RemoteSession,
  path: string,
  beats: string[],
  token: string
): Promise<boolean> {
  const [stale, ...others] = beats
  const took =
    (await quietly(session.rename(posix.join(path, stale!), posix.join(path, beatName(token, 0))))) ||
    // Another waiter was first, or the holder came back, or a retry after this rename went through.
    ((await ownBeats(session, path, token)) ?? []).length > 0
  if (took) for (const name of others) await quietly(session.removeDir(posix.join(path, name)))
  return took
}

/**
 * A stale lock without a heartbeat (its holder was killed before the first beat): moved aside to
 * `aside` (one waiter wins the rename), removed only if what was moved is what was judged stale,
 * else put back.
 */
export async function breakBeatless(
  session: RemoteSession,
  path: string,
  aside: string,
  seen: LockSeen
): Promise<'removed' | 'changed' | 'put back' | 'stuck aside'> {
  if (!(await quietly(session.rename(path, aside)))) {
    // Another waiter moved it first (the lock is gone or new: look again), or the server
    // renames no directories: then removed in place, after a last look that it is unchanged.
    const again = await inspectLockDir(session, path)
    if (again === undefined || !sameLock(again, seen)) return 'changed'
    await removeLockDir(session, path)
    return 'removed'
  }
  const moved = await inspectLockDir(session, aside)
  if (moved !== undefined && sameLock(moved, seen)) {
    await removeLockDir(session, aside)
    return 'removed'
  }
  // A lock another waiter took in between: put back.
  return (await quietly(session.rename(aside, path))) ? 'put back' : 'stuck aside'
}

/**
 * Removes the run's own lock: its heartbeat first, by name (so the directory is the one this
 * run made), then holder.json and the directory. A lock with no heartbeat of this run's is left
 * alone unless its holder.json carries this run's token (a release tried again). `sure`: the
 * heartbeat cannot have been taken over (it moved recently), so all three go in one write.
 */
export async function releaseOwn(
  session: RemoteSession,
  path: string,
  token: string,
  beat: number,
  moves: BeatMoves,
  sure = false
): Promise<{ outcome: 'released' } | { outcome: 'not ours' } | { outcome: 'kept'; reply: string }> {
  const holder = posix.join(path, HOLDER)
  if (sure && !moves.beatRemoved && !moves.releaseSent && session.server.pipelining) {
    moves.releaseSent = true
    // With the next transfer's passive port: the run's listing output usually follows.
    const [beatGone, , dir] = await session.together(releaseOps(path, token, beat), { beforeTransfer: true })
    if (beatGone!.done) {
      moves.beatRemoved = true
      return dir!.done ? { outcome: 'released' } : { outcome: 'kept', reply: dir!.reply }
    }
  }
  if (!moves.beatRemoved) {
    if (await quietly(session.removeDir(posix.join(path, beatName(token, beat))))) moves.beatRemoved = true
    else {
      for (const name of (await ownBeats(session, path, token)) ?? []) {
        if (await quietly(session.removeDir(posix.join(path, name)))) moves.beatRemoved = true
      }
    }
  }
  if (!moves.beatRemoved) {
    const seen = await inspectLockDir(session, path)
    // After a write of all three whose replies were lost: an empty lock is this run's, half removed.
    const emptied = moves.releaseSent && (seen === undefined || seen.beat + seen.raw === '')
    if (seen?.token !== token && !emptied) return { outcome: 'not ours' }
  }
  const done = await session.together([
    { kind: 'remove', path: holder },
    { kind: 'rmdir', path }
  ])
  const removed = done[1]!
  return removed.done ? { outcome: 'released' } : { outcome: 'kept', reply: removed.reply }
}

/** The release in one write (`releaseOwn` where it is sure): the heartbeat, holder.json, the directory. */
export function releaseOps(path: string, token: string, beat: number): RemoteOp[] {
  return [
    { kind: 'rmdir', path: posix.join(path, beatName(token, beat)) },
    { kind: 'remove', path: posix.join(path, HOLDER) },
    { kind: 'rmdir', path }
  ]
}

/**
 * The release riding in another write (`DeployLock.riding`): the server runs it after what
 * goes ahead of it. `released` once all of it was done; after a lost write, `releaseOwn` goes on
 * from what it finds (releaseSent).
 */
export function rideRelease(path: string, token: string, beat: number, moves: BeatMoves, released: () => void): Riding {
  moves.releaseSent = true
  return {
    ops: releaseOps(path, token, beat),
    done: outcomes => {
      if (outcomes === undefined || !outcomes[0]!.done) return
      moves.beatRemoved = true
      if (outcomes[2]!.done) released()
    },
    // The heartbeat still there: nothing of the release was done, the lock is still this run's.
    undone: async session => ((await ownBeats(session, path, token)) ?? []).includes(beatName(token, beat))
  }
}
