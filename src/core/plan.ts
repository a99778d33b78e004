/**
 * The plan: every remote change a run makes, decided before the first one from what is known
 * (local files, the server's state, settings). Pure; apply.ts carries it out, plan-text.ts
 * shows it, and a dry run stops after showing it.
 */
import { Manifest } from './manifest.js'
import { foldName, parentDirs, pathPrefixes } from './remote-path.js'
import { CutoverMode, SyncMode } from './settings.js'

/** A matched local file (local/local-files.ts finds them). */
export interface LocalFile {
  /** Absolute path on this machine. */
  localPath: string
  /** Path relative to local-dir with '/' separators: also the path relative to remote-dir. */
  relPath: string
  size: number
}

export interface HashedFile extends LocalFile {
  /** Only where the manifest has an entry of the same size (see mayBeUnchanged); others are uploaded. */
  sha256?: string
}

/** What the server holds, as far as the run looked: files with sizes, and directories. */
export interface RemoteIndex {
  files: Map<string, number>
  dirs: Set<string>
}

/** What the planner is told about the server. */
export interface RemoteFacts {
  manifest: Manifest
  index: RemoteIndex
  /** remote-dir exists (it holds something, or a manifest was read from it). */
  rootExists: boolean
  /** Temporaries that are provably abandoned (remote-relative). */
  abandoned: string[]
  /** The manifest was read from its backup: it is written back in place whatever else changes. */
  restoreManifest?: boolean
  /** Files the server already holds as they are here, found before the plan (adopt.ts). */
  adopted?: ReadonlyMap<string, Adoption>
  /** The server folds letter case (`A.txt` is `a.txt`): asked only when names collide (case-fold.ts). */
  foldsCase?: boolean
  /** The temporaries found, with their listed sizes (remote-relative). */
  tempSizes?: ReadonlyMap<string, number>
}

/** A file the manifest does not vouch for, found on the server with the local content. */
export interface Adoption {
  /** The local file's SHA-256 (what the manifest records) and size. */
  sha256: string
  size: number
  /** How the content was found equal, for the log: 'same SHA-256 (HASH)', 'same size'. */
  evidence: string
}

export interface PlanOptions {
  sync: SyncMode
  delete: boolean
  /** Modes set with SITE CHMOD on uploaded files and created directories, if any. */
  fileMode?: string
  dirMode?: string
  /** The run holds the deploy lock from before reading the state until after the last step. */
  lock?: boolean
  /** Absolute remote-dir, and the login directory (remote-dir's parents below it exist). */
  remoteRoot: string
  home: string
  /** `end`: a killed run's recorded, checked temporaries are renamed in the burst instead of uploaded again. */
  cutover?: CutoverMode
}

export interface Upload {
  file: HashedFile
  /** The server holds a file at this path already: it is replaced, after every new file. */
  replaces: boolean
  /** The server's spelling of it, where that differs in case alone (a server that folds case). */
  respells?: string
  /**
   * A temporary (remote-relative) an earlier run uploaded and checked and recorded with this
   * content, still there at its size: renamed into place in the burst, the file not sent again.
   */
  reuse?: string
}

export interface Adopted {
  file: HashedFile
  sha256: string
  evidence: string
}

export interface Plan {
  remoteRoot: string
  fileMode?: string
  dirMode?: string
  lock: boolean
  /** remote-dir and its parents to create, absolute, parents first (remote-dir is missing). */
  createRoot: string[]
  /** Temporaries an interrupted run left, removed first (remote-relative). */
  leftovers: string[]
  /** Directories to create below remote-dir, parents first. */
  mkdirs: string[]
  /** Entries the manifest stops vouching for, written before any upload: files about to change, and aliases. */
  forget: string[]
  /**
   * Manifest entries that name a local file in another spelling, on a server that folds case:
   * the same file there, so never deleted (that would delete the local file); forgotten.
   */
  aliases: string[]
  /** New files first, then replacements (a live site never links to a file not there yet). */
  uploads: Upload[]
  /** Matched files left alone: the manifest shows them unchanged. */
  skip: HashedFile[]
  /** Files the server already holds as they are here: recorded in the manifest, not uploaded. */
  adopt: Adopted[]
  /** Files to delete after every upload: the previous manifest lists them, the files do not. */
  deletes: string[]
  /** Directories this tool created that the deletions leave empty, deepest first. */
  rmdirs: string[]
  /** Manifest entries the server no longer holds as recorded (deleted or changed by hand). */
  stale: string[]
  /** The manifest is written at the end: something it records changes. */
  writeManifest: boolean
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

/** Whether a file is worth hashing to reuse a recorded temporary: one stands for it at its size. */
export function mayReuse(file: LocalFile, manifest: Manifest): boolean {
  return [...(manifest.checked?.values() ?? [])].some(c => c.target === file.relPath && c.size === file.size)
}

/**
 * The recorded temporary that holds this file as it is here: recorded by a run that checked it,
 * listed now at the recorded size, and provably abandoned (no other run is writing it). A
 * temporary not recorded is never trusted.
 */
function reusable(file: HashedFile, remote: RemoteFacts, abandoned: ReadonlySet<string>): string | undefined {
  if (file.sha256 === undefined) return undefined
  for (const [temp, c] of remote.manifest.checked ?? []) {
    const same = c.target === file.relPath && c.size === file.size && c.sha256 === file.sha256
    if (same && abandoned.has(temp) && remote.tempSizes?.get(temp) === c.size) return temp
  }
  return undefined
}

const bySizeDescending = (a: Upload, b: Upload): number => b.file.size - a.file.size

export function planDeploy(local: HashedFile[], remote: RemoteFacts, options: PlanOptions): Plan {
  const { manifest, index } = remote
  const stale = staleEntries(manifest, index)
  const staleSet = new Set(stale)
  // On a server that folds case, a path is one file with every spelling of it.
  const key = remote.foldsCase === true ? foldName : (path: string) => path
  const onServer = new Map([...index.files.keys()].map(path => [key(path), path]))
  const uploads: Upload[] = []
  const skip: HashedFile[] = []
  const adopt: Adopted[] = []
  const abandoned = new Set(remote.abandoned)
  for (const file of local) {
    const entry = manifest.files.get(file.relPath)
    const unchanged =
      options.sync === 'changed' &&
      entry !== undefined &&
      !staleSet.has(file.relPath) &&
      file.sha256 !== undefined &&
      entry.sha256 === file.sha256 &&
      entry.size === file.size
    const adoption = remote.adopted?.get(file.relPath)
    if (unchanged) skip.push(file)
    else if (adoptable(file, adoption)) adopt.push({ file, sha256: adoption.sha256, evidence: adoption.evidence })
    else {
      const held = onServer.get(key(file.relPath))
      const respells = held !== undefined && held !== file.relPath && !index.files.has(file.relPath) ? held : undefined
      const reuse = options.cutover === 'end' ? reusable(file, remote, abandoned) : undefined
      uploads.push({
        file,
        replaces: held !== undefined,
        ...(respells === undefined ? {} : { respells }),
        ...(reuse === undefined ? {} : { reuse })
      })
    }
  }
  // Largest first within each group: long transfers start early instead of finishing last.
  const ordered = [
    ...uploads.filter(u => !u.replaces).sort(bySizeDescending),
    ...uploads.filter(u => u.replaces).sort(bySizeDescending)
  ]
  const reused = new Set(ordered.flatMap(u => (u.reuse === undefined ? [] : [u.reuse])))
  const localPaths = new Set(local.map(f => f.relPath))
  const localKeys = new Set(local.map(f => key(f.relPath)))
  const aliases = [...manifest.files.keys()]
    .filter(path => !localPaths.has(path) && localKeys.has(key(path)) && !staleSet.has(path))
    .sort()
  const deletes = options.delete
    ? [...manifest.files.keys()].filter(path => !localKeys.has(key(path)) && index.files.has(path)).sort()
    : []
  const mkdirs = neededDirs(ordered.map(u => u.file.relPath)).filter(dir => !index.dirs.has(dir))
  const forget = [
    ...ordered.map(u => u.file.relPath).filter(path => manifest.files.has(path) && !staleSet.has(path)),
    ...aliases
  ]
  const deleted = new Set(deletes)
  const kept = [
    ...[...manifest.files.keys()].filter(path => !staleSet.has(path) && !deleted.has(path)),
    ...adopt.map(a => a.file.relPath)
  ]
  const rmdirs =
    deletes.length > 0
      ? emptiedDirs(new Set([...manifest.dirs, ...mkdirs]), [...kept, ...ordered.map(u => u.file.relPath)], key)
      : []
  return {
    remoteRoot: options.remoteRoot,
    fileMode: options.fileMode,
    dirMode: options.dirMode,
    lock: options.lock === true,
    createRoot: remote.rootExists || ordered.length === 0 ? [] : rootChain(options.remoteRoot, options.home),
    // Every other abandoned temporary goes, recorded ones this run cannot use included.
    leftovers: [...remote.abandoned].filter(path => !reused.has(path)).sort(),
    mkdirs,
    forget,
    aliases,
    uploads: ordered,
    skip,
    adopt,
    deletes,
    rmdirs,
    stale,
    writeManifest:
      remote.restoreManifest === true ||
      // Its record of checked temporaries goes: each is renamed into place or removed.
      (remote.manifest.checked?.size ?? 0) > 0 ||
      ordered.length + adopt.length + deletes.length + stale.length + mkdirs.length + rmdirs.length + aliases.length > 0
  }
}

/** An adoption stands for this file: same size, and the same content where it was hashed already. */
function adoptable(file: HashedFile, adoption: Adoption | undefined): adoption is Adoption {
  return adoption !== undefined && adoption.size === file.size && (file.sha256 ?? adoption.sha256) === adoption.sha256
}

/** remote-dir and its parents below the login directory (or from / when outside it). */
function rootChain(remoteRoot: string, home: string): string[] {
  const homeChain = new Set(pathPrefixes(home))
  return pathPrefixes(remoteRoot).filter(dir => !homeChain.has(dir))
}

const depth = (p: string): number => p.split('/').length
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Directories this tool created that hold none of the files the manifest keeps: deepest first. */
export function emptiedDirs(
  createdDirs: Iterable<string>,
  keptFiles: Iterable<string>,
  key: (path: string) => string = path => path
): string[] {
  const occupied = new Set<string>()
  for (const file of keptFiles) for (const dir of parentDirs(file)) occupied.add(key(dir))
  return [...new Set(createdDirs)]
    .filter(dir => !occupied.has(key(dir)))
    .sort((a, b) => depth(b) - depth(a) || byName(b, a))
}

/** Every directory (remote-relative, parents first) the files need. */
export function neededDirs(paths: Iterable<string>): string[] {
  const dirs = new Set<string>()
  for (const path of paths) for (const dir of parentDirs(path)) dirs.add(dir)
  return [...dirs].sort((a, b) => depth(a) - depth(b) || byName(a, b))
}
