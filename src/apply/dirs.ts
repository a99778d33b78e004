/**
 * Creating directories before the uploads: together on one connection where the server takes
 * pipelined commands, one at a time where that step cannot get through.
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
