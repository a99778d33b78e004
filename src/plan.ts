/** Where remote-dir lies on the server (pure). */
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
