/** Remote paths (pure): where remote-dir lies, and what a safe remote-relative path is. */
import { posix } from 'node:path'

/** remote-dir is relative to the login directory unless absolute. */
export function resolveRemoteRoot(home: string, remoteDir: string): string {
  const joined = remoteDir.startsWith('/') ? remoteDir : posix.join(home || '/', remoteDir)
  const normal = posix.normalize(joined)
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal
}

/** '/a/b/c' -> ['/a', '/a/b', '/a/b/c']. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split('/').filter(p => p !== '')
  return parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/'))
}

/** 'a/b/c.txt' -> ['a', 'a/b'] (parents first); '' for none. Stops at '/' as well as '.'. */
export function parentDirs(relPath: string): string[] {
  const dirs: string[] = []
  for (let dir = posix.dirname(relPath); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) dirs.unshift(dir)
  return dirs
}

/** The remote path of a remote-relative one ('' is remote-dir itself). */
export function remotePathOf(remoteRoot: string, relPath: string): string {
  return relPath === '' ? remoteRoot : posix.join(remoteRoot, relPath)
}

/**
 * Why a remote-relative path could leave remote-dir or be misread on the wire, or undefined
 * when it is safe: no absolute path, no empty, '.' or '..' segment, no backslash (Windows
 * servers read it as a separator, so '..\x' would leave remote-dir there), no CR, LF or NUL.
 */
export function unsafePathReason(relPath: string): string | undefined {
  if (relPath === '') return 'it is empty'
  if (/[\r\n\0]/.test(relPath)) return 'it contains CR, LF or NUL'
  if (relPath.includes('\\')) return 'it contains a backslash, a path separator on Windows servers'
  if (relPath.startsWith('/')) return 'it is absolute'
  if (relPath.split('/').some(part => part === '' || part === '.' || part === '..')) {
    return "it has an empty, '.' or '..' segment"
  }
  return undefined
}

/** One entry name from a listing, safe to join below its directory (no '/', '..', '.', backslash, CR, LF or NUL). */
export function safeName(name: string): boolean {
  return !name.includes('/') && unsafePathReason(name) === undefined
}

/** How names compare on a server that folds case. */
export const foldName = (path: string): string => path.toLowerCase()

/** The deploy lock: a directory at the top of remote-dir (lock/lock.ts takes and releases it). */
export const LOCK_DIR = '.ftps-deploy.lock'
