/**
 * Issue 22's "everyday redeploy": a site of 2,000 files of mixed sizes (about 35 MB in 100
 * directories) deployed once, then deployed again from a fresh checkout, where every file's
 * mtime is new and a few files changed: 10 rewritten at the same size (only content tells them
 * apart), 10 resized, 5 added, 5 deleted, with deletion on. The redeploy is the timed run; the
 * bench makes a new checkout right before each one, so its mtimes are newer than the server's.
 */
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { listFiles } from './verify.js'
import { makeSmallTree, type Tree } from './workloads.js'

export const SITE_FILES = 2000
export const SITE_DIRS = 100
export const CHANGES = { sameSize: 10, resized: 10, added: 5, deleted: 5 } as const

/** File i's size: 1 KiB to 33 KiB, spread evenly (mean about 17.4 KB: 2,000 files make about 35 MB). */
export const siteFileBytes = (i: number): number => 1024 + ((i * 7919) % 32768)

/** The site as first deployed (`files` in files/20 directories: smaller with --site-files, to try the bench out). */
export function makeSiteTree(dir: string, files = SITE_FILES): Tree {
  return makeSmallTree(
    dir,
    files,
    files === SITE_FILES ? SITE_DIRS : Math.max(1, Math.round(files / 20)),
    siteFileBytes
  )
}

/**
 * Dates every file of the deployed site on the server's disk a day back, after the untimed first
 * deploy: the deploy being redeployed was an earlier day's. Otherwise the checkout, made seconds
 * after the first deploy, shares its minute, and lftp, which reads the server's times from LIST
 * to the minute (vsftpd does not let it set them), takes the same-size changes for unchanged.
 * Only times change; no tool's state (ours: the manifest; ftp-deploy: its state file) holds them.
 */
export function backdate(remoteDir: string): void {
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000)
  for (const rel of listFiles(remoteDir)) utimesSync(join(remoteDir, rel), dayAgo, dayAgo)
}

/**
 * A fresh checkout of `site` into `dir` (a copy: every mtime is now) with the changes above,
 * spread over the tree. The same files change in every checkout, with new random bytes.
 */
export function makeCheckout(site: Tree, dir: string): Tree {
  rmSync(dir, { recursive: true, force: true })
  const files = listFiles(site.dir).sort()
  for (const rel of files) {
    mkdirSync(join(dir, rel, '..'), { recursive: true })
    copyFileSync(join(site.dir, rel), join(dir, rel))
  }
  const { sameSize, resized, added, deleted } = CHANGES
  const step = Math.floor(files.length / (sameSize + resized + deleted))
  const pick = (n: number): string => files[n * step + 3]!
  let k = 0
  for (let i = 0; i < sameSize; i++, k++) {
    const rel = pick(k)
    writeFileSync(join(dir, rel), randomBytes(statSync(join(dir, rel)).size))
  }
  for (let i = 0; i < resized; i++, k++) {
    const rel = pick(k)
    writeFileSync(join(dir, rel), randomBytes(statSync(join(dir, rel)).size + 1000 + i))
  }
  for (let i = 0; i < deleted; i++, k++) unlinkSync(join(dir, pick(k)))
  for (let i = 0; i < added; i++) writeFileSync(join(dir, pick(i * 5 + 1) + `.new-${i}.bin`), randomBytes(5000 + i))
  const now = listFiles(dir)
  return {
    dir,
    files: now.length,
    dirs: site.dirs,
    bytes: now.reduce((sum, rel) => sum + statSync(join(dir, rel)).size, 0)
  }
}
