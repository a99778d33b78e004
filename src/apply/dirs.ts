/**
 * Creating directories before the uploads, and deleting files after them: together on one
 * connection where the server takes pipelined commands, one at a time where that step cannot
 * get through.
 */
import { describeError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import type { RemoteSession } from '../core/remote-session.js'
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
