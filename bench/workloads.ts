/**
 * The benchmark's local trees, made fresh in a temp dir on every run from random bytes (so no
 * compression or dedup anywhere can flatter a tool).
 */
import { randomBytes, randomFillSync } from 'node:crypto'
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export const SMALL_FILE_BYTES = 4096
export const MEDIUM_FILE_BYTES = 2 ** 20
/** Files per directory in the scale trees (as in the 1000-file tree: 1000 files in 50 dirs). */
export const FILES_PER_DIR = 20

export interface Tree {
  /** Absolute local dir holding the files. */
  dir: string
  files: number
  dirs: number
  bytes: number
}

/**
 * `files` random files of `fileBytes` in `dirs` directories, two levels deep like a site's
 * assets: a fifth of the dirs at the top (dir-00 ...), the rest spread below them (dir-00/sub-0 ...),
 * files dealt round-robin over all of them.
 */
export function makeSmallTree(
  dir: string,
  files: number,
  dirs: number,
  fileBytes: number | ((i: number) => number) = SMALL_FILE_BYTES
): Tree {
  const size = typeof fileBytes === 'number' ? () => fileBytes : fileBytes
  let bytes = 0
  const tops = Math.max(1, Math.round(dirs / 5))
  const all: string[] = []
  for (let t = 0; t < tops; t++) all.push(`dir-${pad(t, tops)}`)
  for (let s = 0; all.length < dirs; s++) all.push(`${all[s % tops]}/sub-${Math.floor(s / tops)}`)
  for (const d of all) mkdirSync(join(dir, d), { recursive: true })
  for (let i = 0; i < files; i++) {
    bytes += size(i)
    writeFileSync(join(dir, all[i % all.length]!, `file-${pad(i, files)}.bin`), randomBytes(size(i)))
  }
  return { dir, files, dirs: all.length, bytes }
}

/** One file of `bytes` random bytes, written in 4 MiB chunks. */
export function makeLargeTree(dir: string, bytes: number): Tree {
  mkdirSync(dir, { recursive: true })
  const fd = openSync(join(dir, 'large.bin'), 'w')
  try {
    const chunk = Buffer.alloc(4 * 1024 * 1024)
    for (let left = bytes; left > 0; left -= chunk.length) {
      const n = Math.min(left, chunk.length)
      randomFillSync(chunk, 0, n)
      writeSync(fd, chunk, 0, n)
    }
  } finally {
    closeSync(fd)
  }
  return { dir, files: 1, dirs: 0, bytes }
}

const pad = (n: number, count: number): string => String(n).padStart(String(Math.max(1, count - 1)).length, '0')
