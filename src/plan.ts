/** Pure decisions: where files go on the server and which directories must exist first. */
import { posix } from 'node:path'
import { LocalFile } from './local-files.js'

export interface Upload {
  file: LocalFile
  /** Absolute remote path. */
  remotePath: string
}

export interface UploadPlan {
  /** Absolute remote target directory. */
  remoteRoot: string
  /** Directories to create, parents before children. */
  dirs: string[]
  uploads: Upload[]
}

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

/** Directories that may not exist yet: remoteRoot below the login directory and every file's parent. */
export function planUploads(files: LocalFile[], home: string, remoteDir: string): UploadPlan {
  const remoteRoot = resolveRemoteRoot(home, remoteDir)
  const homePrefixes = new Set(['/', ...pathPrefixes(home)])
  const dirs = new Set(pathPrefixes(remoteRoot).filter(p => !homePrefixes.has(p)))
  const uploads = files.map(file => {
    const remotePath = posix.join(remoteRoot, file.relPath)
    for (const dir of pathPrefixes(posix.dirname(remotePath))) if (!homePrefixes.has(dir)) dirs.add(dir)
    return { file, remotePath }
  })
  const depth = (p: string): number => p.split('/').length
  const ordered = [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0))
  return { remoteRoot, dirs: ordered, uploads }
}
