/** What to upload, skip and delete, decided from the local files, the manifest and the server (pure). */
import { posix } from 'node:path'
import { LocalFile } from './local-files.js'
import { Manifest } from './manifest.js'
import { SyncMode } from './settings.js'

export interface HashedFile extends LocalFile {
  /** Only where the manifest has an entry of the same size (see mayBeUnchanged); others are uploaded. */
  sha256?: string
}

/** What the server holds, as far as the deploy looked: files with sizes, and directories. */
export interface RemoteIndex {
  files: Map<string, number>
  dirs: Set<string>
}

export interface SyncPlan {
  upload: HashedFile[]
  skip: HashedFile[]
  /** Remote-relative paths of files to delete (listed by the manifest, gone locally, on the server). */
  remove: string[]
  /** Manifest entries the server no longer holds as recorded (deleted or changed by hand). */
  stale: string[]
}

export interface SyncOptions {
  sync: SyncMode
  delete: boolean
}

/** A manifest entry counts only if the server still holds that file at that size. */
export function staleEntries(manifest: Manifest, remote: RemoteIndex): string[] {
  return [...manifest.files].filter(([path, entry]) => remote.files.get(path) !== entry.size).map(([path]) => path)
}

/**
 * Whether a file could be skipped, so is worth hashing: the manifest records it at this size.
 * Every other file is uploaded anyway, and hashed as it is sent.
 */
export function mayBeUnchanged(file: LocalFile, manifest: Manifest, sync: SyncMode): boolean {
  return sync === 'changed' && manifest.files.get(file.relPath)?.size === file.size
}

export function planSync(local: HashedFile[], manifest: Manifest, remote: RemoteIndex, options: SyncOptions): SyncPlan {
  const stale = staleEntries(manifest, remote)
  const staleSet = new Set(stale)
  const upload: HashedFile[] = []
  const skip: HashedFile[] = []
  for (const file of local) {
    const entry = manifest.files.get(file.relPath)
    const unchanged =
      options.sync === 'changed' &&
      entry !== undefined &&
      !staleSet.has(file.relPath) &&
      file.sha256 !== undefined &&
      entry.sha256 === file.sha256 &&
      entry.size === file.size
    ;(unchanged ? skip : upload).push(file)
  }
  const localPaths = new Set(local.map(f => f.relPath))
  const remove = options.delete
    ? [...manifest.files.keys()].filter(path => !localPaths.has(path) && remote.files.has(path)).sort()
    : []
  return { upload, skip, remove, stale }
}

/** Directories this tool created that hold none of the files the manifest keeps: deepest first. */
export function emptiedDirs(createdDirs: Iterable<string>, keptFiles: Iterable<string>): string[] {
  const occupied = new Set<string>()
  for (const file of keptFiles) {
    for (let dir = posix.dirname(file); dir !== '.'; dir = posix.dirname(dir)) occupied.add(dir)
  }
  const depth = (p: string): number => p.split('/').length
  return [...createdDirs].filter(dir => !occupied.has(dir)).sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : -1))
}

/** Every directory (remote-relative, parents first) the files need. */
export function neededDirs(files: Iterable<LocalFile>): string[] {
  const dirs = new Set<string>()
  for (const file of files) {
    for (let dir = posix.dirname(file.relPath); dir !== '.'; dir = posix.dirname(dir)) dirs.add(dir)
  }
  const depth = (p: string): number => p.split('/').length
  return [...dirs].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0))
}
