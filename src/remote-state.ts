/**
 * What the server holds before the deploy: the manifest (absent, or corrupt and so treated as
 * absent with a warning) and a listing of the directories the manifest's files live in.
 */
import { FileInfo, FileType, FTPError } from 'basic-ftp'
import { posix } from 'node:path'
import { DeployError, describeError } from './errors.js'
import { Log } from './log.js'
import { emptyManifest, Manifest, ManifestCorrupt, parseManifest } from './manifest.js'
import { forEachLimited, SessionPool } from './pool.js'
import { RemoteIndex } from './sync-plan.js'

/** Temporary names this tool uploads to before renaming (atomic uploads, manifest writes). */
export const TEMP_NAME = /^\.ftps-deploy\..+\.tmp$/

export interface RemoteState {
  manifest: Manifest
  /** False on a first deploy (no manifest, or a corrupt one). */
  hadManifest: boolean
  index: RemoteIndex
  /** Temporary files left by a run that died (remote-relative). */
  leftovers: string[]
}

async function readManifest(pool: SessionPool, path: string, log: Log): Promise<Manifest | undefined> {
  // A transient failure is retried by the pool and then fails the run: it is never taken for
  // "no manifest", which would upload everything again.
  const data = await pool.run('Reading the manifest', session => session.download(path))
  if (data === undefined) {
    log.info(`No manifest at ${path}: every matched file is uploaded`)
    return undefined
  }
  try {
    return parseManifest(data.toString('utf8'))
  } catch (err) {
    if (!(err instanceof ManifestCorrupt)) throw err
    log.warning(
      `The manifest ${path} is corrupt (${err.message}): treating it as absent, so every matched file is uploaded`
    )
    return undefined
  }
}

/** Lists a remote directory (absolute path); undefined when there is no such directory. */
export type Lister = (absPath: string) => Promise<FileInfo[] | undefined>

export function poolLister(pool: SessionPool): Lister {
  return absPath =>
    pool.run(`Listing ${absPath}`, async session => {
      try {
        return await session.list(absPath)
      } catch (err) {
        // 450/550: no such directory; its files are simply not there.
        if (err instanceof FTPError && (err.code === 450 || err.code === 550)) return undefined
        throw err
      }
    })
}

/**
 * For the checks, which need only names, types and sizes: STAT <dir> on the control connection
 * where the server lists that way (vsftpd, pure-ftpd and ProFTPD do), else LIST/MLSD. STAT
 * needs no data connection: no TLS handshake, and none of the 40 ms pure-ftpd waits before its
 * final TLS record on every data connection it closes (measured here).
 * Where STAT shows nothing or is refused, LIST decides; once such a directory turns out to
 * exist (a server whose STAT <dir> gives an empty status), or a reply is too long for the
 * control connection, the rest of the run lists with LIST.
 */
export function checkLister(pool: SessionPool): Lister {
  const viaList = poolLister(pool)
  let statWorks = true
  return async absPath => {
    if (statWorks) {
      try {
        const infos = await pool.run(`Listing ${absPath}`, session => session.statList(absPath))
        if (infos !== undefined) return infos
      } catch (err) {
        // A reply too long for the control connection lets LIST decide; a lost connection was
        // retried already.
        if (!tooLong(err)) throw err
        statWorks = false
      }
    }
    const infos = await viaList(absPath)
    // vsftpd lists a missing directory as empty: only entries prove STAT missed them.
    if (infos !== undefined && infos.length > 0) statWorks = false
    return infos
  }
}

/** basic-ftp closes a session whose reply exceeds 64 KiB (a STAT of a large directory). */
function tooLong(err: unknown): boolean {
  return err instanceof Error && /exceeded maximum allowed size/.test(err.message)
}

/** Lists the given directories (remote-relative, '' for the root) into one index. */
export async function indexDirs(list: Lister, remoteRoot: string, dirs: string[], concurrency: number) {
  const index: RemoteIndex = { files: new Map(), dirs: new Set() }
  const leftovers: string[] = []
  await forEachLimited(dirs, concurrency, async dir => {
    const infos = await list(dir === '' ? remoteRoot : posix.join(remoteRoot, dir))
    if (infos === undefined) return
    if (dir !== '') index.dirs.add(dir)
    for (const info of infos) {
      if (info.name === '.' || info.name === '..') continue
      const rel = dir === '' ? info.name : `${dir}/${info.name}`
      if (info.type === FileType.Directory) index.dirs.add(rel)
      else if (TEMP_NAME.test(info.name)) leftovers.push(rel)
      else index.files.set(rel, info.size)
    }
  })
  return { index, leftovers }
}

/**
 * Where the given files stand on the server: their directories are listed, and files a listing
 * does not show (servers that hide dotfiles) are asked for one by one with SIZE.
 */
export async function indexFiles(
  pool: SessionPool,
  list: Lister,
  remoteRoot: string,
  paths: string[],
  concurrency: number
) {
  const dirs = new Set([''])
  for (const path of paths) {
    for (let dir = posix.dirname(path); dir !== '.'; dir = posix.dirname(dir)) dirs.add(dir)
  }
  const { index, leftovers } = await indexDirs(list, remoteRoot, [...dirs], concurrency)
  const unseen = paths.filter(path => !index.files.has(path))
  await forEachLimited(unseen, concurrency, async path => {
    const size = await pool.run(`SIZE ${path}`, async session => {
      try {
        return await session.size(posix.join(remoteRoot, path))
      } catch (err) {
        if (err instanceof FTPError && err.code === 550) return undefined
        throw err
      }
    })
    if (size !== undefined) index.files.set(path, size)
  })
  return { index, leftovers }
}

export async function readRemoteState(
  pool: SessionPool,
  list: Lister,
  remoteRoot: string,
  manifestName: string,
  concurrency: number,
  log: Log
): Promise<RemoteState> {
  const manifestPath = posix.join(remoteRoot, manifestName)
  let previous: Manifest | undefined
  try {
    previous = await readManifest(pool, manifestPath, log)
  } catch (err) {
    throw new DeployError(`Could not read the manifest ${manifestPath}: ${describeError(err)}`, {}, { cause: err })
  }
  const manifest = previous ?? emptyManifest()
  const { index, leftovers } = await indexFiles(pool, list, remoteRoot, [...manifest.files.keys()], concurrency)
  return { manifest, hadManifest: previous !== undefined, index, leftovers }
}
