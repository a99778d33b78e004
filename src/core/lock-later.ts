/**
 * When a run may do without the deploy lock (issue 22): a plan that writes nothing, where
 * remote-dir's listing shows that no other run holds the lock. Such a run changes nothing on the
 * server, so no write of it can interleave with another run's; everything else still takes the
 * lock before its first write, and reads the server's state again under it.
 */
import type { Manifest } from './manifest.js'
import { RemoteFacts, RemoteIndex, type Plan } from './plan.js'
import { planSteps } from './plan-text.js'
import { parentDirs } from './remote-path.js'

/** The lock directory's name in remote-dir (lock/lock-dir.ts names it the same). */
const LOCK_DIR = '.ftps-deploy.lock'

/** The server as the manifest says it is: planned against it, the plan is empty only if nothing local changed. */
export function asListed(manifest: Manifest): RemoteFacts {
  const index: RemoteIndex = {
    files: new Map([...manifest.files].map(([path, entry]) => [path, entry.size])),
    dirs: new Set()
  }
  for (const path of manifest.files.keys()) for (const dir of parentDirs(path)) index.dirs.add(dir)
  return { manifest, index, rootExists: true, abandoned: [] }
}

/** The plan writes nothing: no step but the lock's own. */
export function changesNothing(plan: Plan): boolean {
  return planSteps(plan).every(step => step.kind === 'take lock' || step.kind === 'release lock')
}

/**
 * No other run holds the lock, as remote-dir's listing shows: the listing shows dotfiles (the
 * manifest, read from its place, is in it; vsftpd's LIST hides them, its STAT does not) and no
 * lock directory. Where the listing cannot show the lock, the lock is taken as ever.
 */
export function lockUnseen(manifestFrom: string, index: RemoteIndex, manifestName: string): boolean {
  return manifestFrom === 'manifest' && index.files.has(manifestName) && !index.dirs.has(LOCK_DIR)
}
