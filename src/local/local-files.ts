/**
 * The local side: glob patterns relative to local-dir -> regular files inside it, with their
 * remote-relative paths. The only module that globs and stats.
 */
import {
  closeSync,
  createReadStream,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  Stats,
  statSync
} from 'node:fs'
import { realpath } from 'node:fs/promises'
import nodePath, { PlatformPath } from 'node:path'
import { anchorPattern, checkRemoteName, isInside, relPathOf } from './local-paths.js'
import { Log } from '../core/log.js'
import type { LocalFile } from '../core/plan.js'
import type { LocalSource } from '../core/remote-session.js'
import type { NameEncoding } from '../core/settings.js'

export type { LocalFile }

export interface LocalFileOptions {
  localDir: string
  patterns: string[]
  followSymlinks: boolean
  encoding: NameEncoding
  /** The platform's path rules (node:path); a parameter so that tests can give path.win32. */
  path?: PlatformPath
}

/** Lists the regular files the patterns match, sorted by path. Symlinks per followSymlinks. */
export async function listLocalFiles(options: LocalFileOptions, log: Log): Promise<LocalFile[]> {
  const root = await realpath(options.localDir)
  const everything = options.patterns.length === 1 && options.patterns[0] === '**'
  const matches = everything
    ? walkEverything(options.localDir, options.followSymlinks, options.path)
    : await globMatches(options.localDir, options.patterns, options.followSymlinks, options.path)
  const files: LocalFile[] = []
  for (const match of matches) {
    const file = toLocalFile(match, options, root, log)
    if (file) files.push(file)
  }
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
  for (const file of files) checkRemoteName(file.relPath, options.encoding)
  return files
}

/** What @actions/glob matches: every path it yields (files, and links it does not follow). */
export async function globMatches(
  localDir: string,
  patterns: string[],
  followSymlinks: boolean,
  path: PlatformPath = nodePath
): Promise<string[]> {
  // Loaded only for patterns other than **: it brings @actions/core and its HTTP client along,
  // a noticeable part of the CLI's start.
  const glob = await import('@actions/glob')
  const globber = await glob.create(patterns.map(p => anchorPattern(localDir, p, path)).join('\n'), {
    followSymbolicLinks: followSymlinks,
    matchDirectories: false,
    implicitDescendants: true
  })
  return globber.glob()
}

/**
 * What @actions/glob yields for the default pattern `**`, walked synchronously: its walk
 * awaits an lstat per entry, 0.12 s per 1000 files here, a quarter of a no-change redeploy.
 * Same rules: lstat without followSymlinks (links are yielded, not entered); with it, stat
 * (broken links left out, linked directories entered unless that closes a cycle).
 */
export function walkEverything(localDir: string, followSymlinks: boolean, path: PlatformPath = nodePath): string[] {
  const start = path.resolve(localDir)
  const found: string[] = []
  const visit = (at: string, chain: string[]): void => {
    let info: Stats
    try {
      info = followSymlinks ? statSync(at) : lstatSync(at)
    } catch (err) {
      if (followSymlinks && (err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    if (!info.isDirectory()) {
      found.push(at)
      return
    }
    let below = chain
    if (followSymlinks) {
      const real = realpathSync.native(at)
      if (chain.includes(real)) return
      below = [...chain, real]
    }
    for (const name of readdirSync(at)) visit(path.join(at, name), below)
  }
  visit(start, [])
  return found
}

/** Synchronous stats: awaited one by one they cost a thread-pool round trip each. */
function toLocalFile(match: string, options: LocalFileOptions, root: string, log: Log): LocalFile | undefined {
  const path = options.path ?? nodePath
  const relPath = relPathOf(options.localDir, match, path)
  if (relPath === undefined) return undefined
  const info = lstatSync(match)
  if (info.isSymbolicLink() && !options.followSymlinks) {
    log.warning(`Skipped symbolic link ${relPath} (set follow-symlinks: true to upload its target)`)
    return undefined
  }
  // The real location must lie inside local-dir (a followed link, or a pattern through one).
  const real = realpathSync.native(match)
  if (!isInside(root, real, path)) {
    log.warning(`Skipped ${relPath}: it links to ${real}, outside local-dir`)
    return undefined
  }
  const target = info.isSymbolicLink() ? statSync(match) : info
  if (!target.isFile()) {
    if (!target.isDirectory()) log.warning(`Skipped ${relPath}: not a regular file`)
    return undefined
  }
  return { localPath: match, relPath, size: target.size }
}

/** Files up to this size are read in one call; larger ones are streamed in chunks of this size. */
export const CHUNK_BYTES = 1024 * 1024

/**
 * The whole file if it is at most CHUNK_BYTES, else undefined (stream it). One synchronous
 * read: for a small file the stream machinery cost more CPU than the read itself.
 */
export function readSmall(path: string): Buffer | undefined {
  const fd = openSync(path, 'r')
  try {
    const { size } = fstatSync(fd)
    if (size > CHUNK_BYTES) return undefined
    // One byte more than announced: a file growing right now shows as changed, not cut short.
    const buffer = Buffer.allocUnsafe(size + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null)
    }
    return buffer.subarray(0, length)
  } finally {
    closeSync(fd)
  }
}

/** A local file as an upload reads it (see RemoteSession.upload). */
export function localSource(path: string): LocalSource {
  return {
    path,
    readSmall: () => readSmall(path),
    stream: () => createReadStream(path, { highWaterMark: CHUNK_BYTES })
  }
}
