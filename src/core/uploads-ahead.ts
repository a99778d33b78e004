/**
 * How many files a deploy will likely upload, from what the login's listings showed before the
 * plan (pure): the files they show changed (resized or new; a change at the same size shows in
 * none), scaled by the share of the local files in the directories they listed. The pool opens
 * connections for that many behind the lock's own, so they are logged in by the plan.
 */
import { posix } from 'node:path'

export function uploadsAhead(changed: number, localPaths: string[], listedDirs: string[], remoteRoot: string): number {
  const listed = new Set(listedDirs.map(dir => posix.relative(remoteRoot, dir)))
  const covered = localPaths.filter(path => listed.has(posix.dirname(path).replace(/^\.$/, ''))).length
  return covered === 0 ? changed : Math.ceil((changed * localPaths.length) / covered)
}
