/**
 * How a run starts (issue 22): local-dir is read first (bad input, such as patterns that match
 * nothing, ends the run before any connection), then the first login's write carries the
 * manifest's first reads where the run reads it before the lock, and the local files are hashed
 * while the network answers.
 */
import { checkSshKey } from './config/ssh-inputs.js'
import type { Log } from './core/log.js'
import type { Settings } from './core/settings.js'
import { HashesAhead } from './local/hash.js'
import type { LocalFile } from './local/local-files.js'
import { findFiles, LocalDeps } from './local/local-plan.js'
import { LoginReads } from './remote/login-reads.js'
import type { SessionPool } from './session/pool.js'

export interface RunStart {
  pool: SessionPool
  local: LocalFile[]
  /** Hashes taken while the run logs in and reads the manifest. */
  ahead: HashesAhead
  /** The reads the first login's write carries (undefined: none). */
  loginReads?: LoginReads
}

export async function startRun(
  settings: Settings,
  log: Log,
  deps: LocalDeps,
  openPool: (loginReads?: Promise<string[]>) => SessionPool
): Promise<RunStart> {
  // A key that does not parse is bad input before any connection (ssh2 loads only for SFTP).
  if (settings.protocol === 'sftp') await checkSshKey(settings)
  // The manifest is read before the lock (the lock may wait for the plan): its first reads ride in the login.
  const readsFirst = settings.lock && !settings.dryRun && !settings.rollback && settings.cutover !== 'swap'
  const loginReads =
    readsFirst && settings.protocol !== 'sftp' ? new LoginReads(settings.remoteDir, settings.manifest) : undefined
  let give: (commands: string[]) => void = () => undefined
  const pool = openPool(loginReads && new Promise<string[]>(resolve => (give = resolve)))
  try {
    // A rollback uploads nothing: local-dir is not read.
    const local = settings.rollback ? [] : await log.group('Local files', () => findFiles(settings, log, deps))
    give(loginReads?.commands(local.map(file => file.relPath)) ?? [])
    return { pool, local, ahead: new HashesAhead(local), loginReads }
  } catch (err) {
    give([])
    pool.closeAll()
    throw err
  }
}
