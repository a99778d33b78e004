/**
 * Creating directories before the uploads, and deleting files after them: together on one
 * connection where the server takes pipelined commands, one at a time where that step cannot
 * get through.
 */
import { describeError, ReplyError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import type { RemoteEntry, RemoteOp, RemoteSession } from '../core/remote-session.js'
import { isTransient } from '../core/retry.js'
import type { SessionPool } from '../session/pool.js'
import { makeDir } from '../session/refusals.js'

/**
 * Creates directories on one connection, together where the server takes it. Where that step
 * loses its connection or times out (a network that cuts a connection after so many bytes cuts
 * a burst of MKDs on every try), it is not tried again: each directory becomes a step of its own,
 * with its own retries, so every try makes progress. Says for each whether this run created it
 * (one the lost burst made counts as found).
 */
export async function createDirs(
  pool: SessionPool,
  dirs: string[],
  mode: string | undefined,
  log: Log
): Promise<boolean[]> {
  try {
    return await pool.run('Creating directories', session => makeDirs(session, dirs, mode), { retries: 0 })
  } catch (err) {
    if (!isTransient(err)) throw err
    log.info(`Creating directories: ${describeError(err)}; creating them one at a time`)
    const created: boolean[] = []
    for (const dir of dirs) created.push(await pool.run(`Creating ${dir}`, session => makeDir(session, dir, mode)))
    return created
  }
}

/**
 * Creates directories, parents before children, and gives those this run created `mode`:
 * all MKDs in one write where the server takes pipelined commands (a refused one, which may
 * exist already, is then tried again on its own). Says for each whether it was created.
 */
async function makeDirs(session: RemoteSession, dirs: string[], mode: string | undefined): Promise<boolean[]> {
  if (!session.server.pipelining || dirs.length < 2) {
    const created: boolean[] = []
    for (const dir of dirs) created.push(await makeDir(session, dir, mode))
    return created
  }
  const made = await session.together(dirs.map(path => ({ kind: 'mkdir' as const, path })))
  const created: boolean[] = []
  for (const [i, dir] of dirs.entries()) {
    const ok = made[i]!.done
    if (ok && mode !== undefined) await session.chmod(dir, mode)
    created.push(ok || (await makeDir(session, dir, mode)))
  }
  return created
}

/**
 * Deletes files (absolute paths) in one write where the server takes commands together, tried
 * once; says which are gone (deleted, or 550: gone already). The rest, and all of them where
 * that write cannot get through, are deleted one at a time by the caller, with retries.
 */
export async function removeTogether(pool: SessionPool, paths: string[], log: Log): Promise<Set<string>> {
  if (!pool.server.pipelining || paths.length < 2) return new Set()
  try {
    const outcomes = await pool.run(
      `Deleting ${paths.length} files`,
      session => session.together(paths.map(path => ({ kind: 'remove' as const, path }))),
      { retries: 0 }
    )
    return new Set(
      paths.filter((_, i) => {
        const outcome = outcomes[i]!
        return outcome.done || outcome.code === 550
      })
    )
  } catch (err) {
    if (!isTransient(err)) throw err
    log.info(`Deleting ${paths.length} files: ${describeError(err)}; deleting them one at a time`)
    return new Set()
  }
}

/** Deletes one file (absolute path), with the pool's retries; one gone already (550) is fine. */
export function removeFile(pool: SessionPool, path: string): Promise<void> {
  return pool.run(`Deleting ${path}`, async session => {
    try {
      await session.remove(path)
    } catch (err) {
      if (!(err instanceof ReplyError && err.code === 550)) throw err
    }
  })
}

/** What `removeThenList` did: the files gone, the directories removed, and the listings read after them. */
export interface RemovedThenListed {
  /** Files deleted, or gone already (550). */
  gone: Set<string>
  /** Directories removed. */
  removed: Set<string>
  /**
   * The STAT listings read behind the removals (absolute path -> entries; undefined: STAT showed
   * none, LIST decides): only when every file and directory went in that write, so each listing
   * shows the server as it is once every removal is made. Undefined: list anew.
   */
  listed?: Map<string, RemoteEntry[] | undefined>
}

/**
 * The deletions, the directories emptied by them, and then the final check's listings of `dirs`
 * (absolute paths), in one write on one connection where the server takes pipelined commands and
 * lists with STAT (issue 22): the server answers in order, so each listing is read after every
 * removal ahead of it, as the slow path reads them after the removals' replies. Tried once: what
 * is not done there (and everything, where the write cannot get through) is the caller's, one at
 * a time, and the listings are then not used.
 */
export async function removeThenList(
  pool: SessionPool,
  files: string[],
  dirsToRemove: string[],
  dirs: string[],
  log: Log
): Promise<RemovedThenListed> {
  const none: RemovedThenListed = { gone: new Set(), removed: new Set() }
  const { server } = pool
  const ops: RemoteOp[] = [
    ...files.map(path => ({ kind: 'remove' as const, path })),
    ...dirsToRemove.map(path => ({ kind: 'rmdir' as const, path }))
  ]
  // Nothing to remove: the final check lists as ever, on sessions side by side.
  if (!server.pipelining || !server.statLists || dirs.length === 0 || ops.length === 0) {
    return { ...none, gone: await removeTogether(pool, files, log) }
  }
  const what = `Deleting ${ops.length} files and directories`
  try {
    return await pool.run(
      what,
      async session => {
        const reads = dirs.map(dir => `STAT ${dir}`)
        const { outcomes, replies } =
          session.togetherThenRead !== undefined && session.statListing !== undefined
            ? await session.togetherThenRead(ops, reads, undefined, undefined, { beforeTransfer: false })
            : { outcomes: await session.together(ops), replies: undefined }
        const gone = new Set(files.filter((_, i) => outcomes[i]!.done || outcomes[i]!.code === 550))
        const removed = new Set(dirsToRemove.filter((_, i) => outcomes[files.length + i]!.done))
        const all = gone.size === files.length && removed.size === dirsToRemove.length
        if (!all || replies === undefined) return { gone, removed }
        // A directory whose STAT was not sent (a name the server would glob) is listed as ever.
        const listed = new Map<string, RemoteEntry[] | undefined>()
        for (const dir of dirs) {
          const reply = replies.get(`STAT ${dir}`)
          if (reply !== undefined) listed.set(dir, session.statListing!(reply))
        }
        return { gone, removed, listed }
      },
      { retries: 0 }
    )
  } catch (err) {
    if (!isTransient(err)) throw err
    log.info(`${what}: ${describeError(err)}; one at a time`)
    return none
  }
}
