/**
 * `cutover: swap`'s places, beside remote-dir: the spare copy the run brings up to date
 * (`<remote-dir>.ftps-deploy-next`), the previous release (`<remote-dir>.ftps-deploy-prev`) and
 * the lock (`<remote-dir>.ftps-deploy.lock`), all in remote-dir's parent. Pure.
 */
import { posix } from 'node:path'
import { DeployError } from './errors.js'

export interface SwapPaths {
  /** remote-dir, absolute: what visitors get. */
  live: string
  /** The spare copy, updated against its own manifest, then renamed to `live`. */
  next: string
  /** The previous release, kept for a rollback (and reused as the next run's spare copy). */
  prev: string
  /** remote-dir's parent, where all of them and the lock live. */
  parent: string
  /** The lock's name in `parent`. */
  lockName: string
  /** The lock directory, absolute. */
  lock: string
}

/** The places of a swap of remote-dir `live`; the login directory (a chroot's root cannot be renamed) or `/` is refused. */
export function swapPaths(live: string, home: string): SwapPaths {
  if (live === '/' || live === home) {
    throw new DeployError(
      `cutover: swap renames remote-dir, and ${live} is the login directory (a chroot's root cannot be renamed): ` +
        'give a remote-dir below it (point the web root at a subdirectory such as www/current), or use cutover: end',
      { transient: false }
    )
  }
  const base = posix.basename(live)
  return {
    live,
    next: `${live}.ftps-deploy-next`,
    prev: `${live}.ftps-deploy-prev`,
    parent: posix.dirname(live),
    lockName: `${base}.ftps-deploy.lock`,
    lock: posix.join(posix.dirname(live), `${base}.ftps-deploy.lock`)
  }
}
