/**
 * How a run starts (issue 22): the first connection opens while local-dir is read (where nothing
 * needs saying before it: FTPS with the certificate checked), its login's write carries the
 * manifest's first reads where the run reads it before the lock, and the local files are hashed
 * while the network answers.
 */
import type { Log } from './core/log.js'
import type { RemoteSession } from './core/remote-session.js'
import type { Settings } from './core/settings.js'
import { HashesAhead } from './local/hash.js'
import type { LocalFile } from './local/local-files.js'
import { findFiles, LocalDeps } from './local/local-plan.js'
import { LoginReads } from './remote/login-reads.js'
import { nothingToSayFirst } from './session/connect.js'
import type { SessionPool } from './session/pool.js'

export interface RunStart {
  pool: SessionPool
  local: LocalFile[]
  /** Hashes taken while the run logs in and reads the manifest. */
  ahead: HashesAhead
  /** The first session, opening since before local-dir was read (undefined: connect opens it). */
  opening?: Promise<RemoteSession>
  /** The reads the first login's write carries (undefined: none). */
  loginReads?: LoginReads
}

export async function startRun(
  settings: Settings,
  log: Log,
  deps: LocalDeps,
  openPool: (loginReads?: Promise<string[]>) => SessionPool
): Promise<RunStart> {
  // The manifest is read before the lock (the lock may wait for the plan): its first reads ride in the login.
  const readsFirst = settings.lock && !settings.dryRun && !settings.rollback && settings.cutover !== 'swap'
  const loginReads =
    readsFirst && settings.protocol !== 'sftp' ? new LoginReads(settings.remoteDir, settings.manifest) : undefined
  let give: (commands: string[]) => void = () => undefined
  const pool = openPool(loginReads && new Promise<string[]>(resolve => (give = resolve)))
  const opening = nothingToSayFirst(settings) ? pool.run('Connecting', async opened => opened) : undefined
  // Its failure is connect's to report.
  opening?.catch(() => undefined)
  try {
    // A rollback uploads nothing: local-dir is not read.
    const local = settings.rollback ? [] : await log.group('Local files', () => findFiles(settings, log, deps))
    give(loginReads?.commands(local.map(file => file.relPath)) ?? [])
    return { pool, local, ahead: new HashesAhead(local), opening, loginReads }
  } catch (err) {
    give([])
    await opening?.catch(() => undefined)
    pool.closeAll()
    throw err
  }
}
