/**
 * Whether the server folds letter case (Windows, IIS: `Logo.PNG` and `logo.png` are one file,
 * and the name keeps the case it was created with). Asked only when the local files and what
 * the server holds have names that differ in case alone: elsewhere the answer changes nothing.
 */
import { ReplyError } from '../core/errors.js'
import { Log } from '../core/log.js'
import { RemoteIndex } from '../core/plan.js'
import { SessionPool } from '../session/pool.js'
import { foldName, remotePathOf } from '../core/remote-path.js'

export { foldName }

/** The server's paths that are a local path in another spelling: what the probe is about. */
export function caseCollisions(localPaths: Iterable<string>, index: RemoteIndex): string[] {
  const local = new Set(localPaths)
  const folded = new Set([...local].map(foldName))
  return [...index.files.keys()].filter(path => !local.has(path) && folded.has(foldName(path))).sort()
}

/** Local paths that differ from another local path in case alone (`a.txt`, `A.txt`), grouped. */
export function localCaseClashes(localPaths: Iterable<string>): string[][] {
  const groups = new Map<string, string[]>()
  for (const path of new Set(localPaths)) groups.set(foldName(path), [...(groups.get(foldName(path)) ?? []), path])
  return [...groups.values()].filter(group => group.length > 1).map(group => group.sort())
}

/** Spellings of path other than itself and those the index holds, most distinct first. */
export function otherSpellings(path: string, index: RemoteIndex): string[] {
  const swap = [...path].map(c => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')
  const first = path.search(/[a-zA-Z]/)
  const toggled = first < 0 ? path : path.slice(0, first) + swap[first] + path.slice(first + 1)
  return [...new Set([swap, toggled, path.toUpperCase(), path.toLowerCase()])].filter(
    p => p !== path && !index.files.has(p)
  )
}

/**
 * undefined when no name collides (the plan is the same either way). Else SIZE of a spelling
 * the server does not list: a case-sensitive server answers 550, one that folds case gives the
 * size of the file it lists. A server that cannot say (no SIZE) is taken to fold case: that
 * only keeps a file that could have been deleted. Local files that differ in case alone are
 * one file on such a server: a warning says so.
 */
export async function probeCaseFolding(
  pool: SessionPool,
  remoteRoot: string,
  localPaths: Iterable<string>,
  index: RemoteIndex,
  log: Log
): Promise<boolean | undefined> {
  const local = [...localPaths]
  const collisions = caseCollisions(local, index)
  const clashes = localCaseClashes(local)
  if (collisions.length + clashes.length === 0) return undefined
  const candidates = collisions.length > 0 ? collisions : [...index.files.keys()].sort()
  const listed = candidates.find(path => otherSpellings(path, index).length > 0)
  let folds: boolean | undefined = collisions.length > 0 ? true : undefined
  let how = 'no other spelling to ask for; taken to fold it'
  if (listed !== undefined) {
    const probe = otherSpellings(listed, index)[0]
    const size = await pool.run(`SIZE ${probe}`, async session => {
      try {
        return await session.size(remotePathOf(remoteRoot, probe))
      } catch (err) {
        if (err instanceof ReplyError && err.code >= 500) return err.code === 550 ? null : undefined
        throw err
      }
    })
    folds = size !== null
    how =
      size === undefined
        ? 'the server cannot say whether it folds case (no SIZE); taken to fold it, so such a name is never deleted'
        : folds
          ? `the server folds case (SIZE ${probe} found ${listed}): such a name is the local file's, never deleted`
          : `the server tells case apart (SIZE ${probe}: no such file)`
  }
  if (collisions.length > 0) {
    const some = collisions.slice(0, 3).join(', ')
    log.info(`${collisions.length} name(s) differ from a local file's in letter case alone (${some}): ${how}`)
  }
  if (clashes.length > 0 && folds !== false) {
    const some = clashes
      .slice(0, 3)
      .map(group => group.join(' and '))
      .join('; ')
    const where = folds === true ? 'this server folds case' : 'if this server folds case (Windows, IIS)'
    log.warning(
      `${clashes.length} group(s) of local files differ in letter case alone (${some}): ${where}, each group is one file there and the last upload wins`
    )
  }
  return folds
}
