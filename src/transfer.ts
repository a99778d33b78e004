/**
 * The side effects of a deploy: directories, uploads (atomic and verified), deletions, with
 * the manifest kept current as the server changes.
 */
import { FTPError } from 'basic-ftp'
import { randomBytes } from 'node:crypto'
import { posix } from 'node:path'
import { DeployError, describeError } from './errors.js'
import { RemoteSession } from './ftp/session.js'
import { Sent } from './ftp/store.js'
import { Log } from './log.js'
import { ManifestStore, ManifestWriter } from './manifest.js'
import { forEachLimited, SessionPool } from './pool.js'
import { indexFiles, Lister } from './remote-state.js'
import { pathPrefixes } from './plan.js'
import { emptiedDirs, HashedFile, neededDirs, RemoteIndex, SyncPlan } from './sync-plan.js'

export interface TransferOptions {
  remoteRoot: string
  concurrency: number
  atomic: boolean
  verify: boolean
  /** Temporary files an interrupted run left behind, removed first. */
  leftovers: string[]
  /** How the final check lists directories (as the checks before the plan did). */
  list: Lister
}

export interface TransferResult {
  uploaded: HashedFile[]
  deleted: string[]
  bytesUploaded: number
}

/** Tells this run's temporary names from another run's; a counter tells them apart within it. */
const RUN_TAG = randomBytes(4).toString('hex')
let tempCount = 0

/** '/www/a/b.js' -> '/www/a/.ftps-deploy.b.js.1a2b3c4d-7.tmp' (matches remote-state's TEMP_NAME). */
export function tempPathFor(remotePath: string): string {
  return posix.join(
    posix.dirname(remotePath),
    `.ftps-deploy.${posix.basename(remotePath)}.${RUN_TAG}-${++tempCount}.tmp`
  )
}

/** Checks a file after its upload, with what was really sent. */
export type UploadCheck = (path: string, sent: Sent) => Promise<void>

/**
 * How replacing a file works on this server, found out on first use and said once:
 * rename over the target; or, where the server refuses to rename over an existing file,
 * delete it first; or, where it refuses renames at all (pure-ftpd -G), upload in place.
 * Temporary files of attempts that failed are removed at the end (`cleanUp`).
 */
export class ReplaceStrategy {
  mode: 'rename' | 'delete-then-rename' | 'direct'
  private readonly temps = new Set<string>()

  constructor(
    private readonly atomic: boolean,
    private readonly log: Log
  ) {
    this.mode = atomic ? 'rename' : 'direct'
  }

  async put(session: RemoteSession, source: string | Buffer, target: string, check: UploadCheck): Promise<void> {
    // The mode as this upload found it: another connection may change it meanwhile.
    const mode = this.mode
    if (mode !== 'direct') {
      const temp = tempPathFor(target)
      this.temps.add(temp)
      let replaced = false
      try {
        await check(temp, await session.upload(source, temp))
        replaced = await this.replace(session, temp, target, mode)
      } finally {
        if (replaced) this.temps.delete(temp)
        else if (session.usable)
          await session.remove(temp).then(
            () => this.temps.delete(temp),
            () => undefined
          )
      }
      if (replaced) return
    }
    // In place. Where atomic was asked for but renames are refused, delete first: a server
    // that never overwrites (pure-ftpd -r) would otherwise keep the old file.
    if (this.atomic) await session.remove(target).catch(() => undefined)
    await check(target, await session.upload(source, target))
  }

  /** Moves temp over target; false when this server refuses renames (upload in place then). */
  private async replace(session: RemoteSession, temp: string, target: string, mode: ReplaceStrategy['mode']) {
    if (mode === 'delete-then-rename') await session.remove(target).catch(() => undefined)
    try {
      await session.rename(temp, target)
      return true
    } catch (err) {
      // 4xx and lost connections: the pool retries the whole upload on a new connection.
      if (!(err instanceof DeployError) || err.details.code === undefined || err.details.code < 500) throw err
      if (mode === 'rename') {
        // Refused: over an existing file, or renames at all? Try once with the target gone.
        await session.remove(target).catch(() => undefined)
        const renamed = await session.rename(temp, target).then(
          () => true,
          () => false
        )
        if (renamed) {
          this.fallback(
            'delete-then-rename',
            `the server refused to rename over an existing file (${err.details.reply}): replacing files by deleting them first`
          )
          return true
        }
      }
      this.fallback('direct', `the server refuses renames (${err.details.reply}): uploading in place, not atomically`)
      return false
    }
  }

  private fallback(mode: ReplaceStrategy['mode'], message: string): void {
    if (this.mode === mode || this.mode === 'direct') return
    this.log.warning(`atomic: ${message}`)
    this.mode = mode
  }

  /** Removes temporary files that failed attempts left behind (best effort). */
  async cleanUp(pool: SessionPool): Promise<void> {
    for (const temp of [...this.temps]) {
      await pool
        .run(`Removing ${temp}`, session => session.remove(temp), { always: true })
        .then(
          () => this.temps.delete(temp),
          () => undefined
        )
    }
  }
}

/** The manifest goes to a temporary name, then replaces the old one, like any upload. */
export function manifestWriter(pool: SessionPool, strategy: ReplaceStrategy, path: string): ManifestWriter {
  return {
    write: text => {
      const data = Buffer.from(text)
      // `always`: after a cancel, the manifest still records what was done.
      return pool.run(
        'Writing the manifest',
        session => strategy.put(session, data, path, path => sizeCheck(session, 'the manifest', data.length, path)),
        { always: true }
      )
    }
  }
}

/** The server holds as many bytes as were sent (TLS 1.3 servers are known to lose final bytes). */
async function sizeCheck(session: RemoteSession, name: string, sentSize: number, path: string): Promise<void> {
  const size = await session.size(path)
  if (size !== undefined && size !== sentSize) {
    // Transient: a retry on a new connection may not lose them.
    throw new DeployError(`Upload of ${name} is incomplete: the server holds ${size} of ${sentSize} bytes`, {
      file: name,
      command: 'SIZE',
      transient: true
    })
  }
}

/** After a file's upload: what was sent is what was hashed, and the server holds all of it. */
function fileCheck(session: RemoteSession, file: HashedFile, verify: boolean): UploadCheck {
  return async (path, sent) => {
    if (sent.size !== file.size || (file.sha256 !== undefined && sent.sha256 !== file.sha256)) {
      // Final: the file is being written locally; its upload would not match the manifest.
      throw new DeployError(
        `${file.relPath} changed while it was being uploaded (${file.size} bytes found, ${sent.size} bytes sent): run the deploy again once it is complete`,
        { file: file.relPath, transient: false }
      )
    }
    if (verify) await sizeCheck(session, file.relPath, sent.size, path)
  }
}

function uploadFailure(file: HashedFile, remotePath: string, err: unknown): DeployError {
  if (err instanceof DeployError && err.details.file !== undefined) return err
  if (err instanceof DeployError) {
    return new DeployError(
      `Upload of ${file.relPath} to ${remotePath} failed: ${err.message}`,
      { ...err.details, file: file.relPath },
      { cause: err }
    )
  }
  if (err instanceof FTPError) {
    return new DeployError(
      `Upload of ${file.relPath} failed: the server answered STOR ${remotePath} with ${err.message}`,
      {
        file: file.relPath,
        command: 'STOR',
        code: err.code,
        reply: err.message
      }
    )
  }
  return new DeployError(
    `Upload of ${file.relPath} to ${remotePath} failed: ${describeError(err)}`,
    { file: file.relPath, command: 'STOR' },
    { cause: err }
  )
}

async function createDirs(
  pool: SessionPool,
  files: HashedFile[],
  index: RemoteIndex,
  store: ManifestStore,
  remoteRoot: string,
  rootExists: boolean
) {
  const missing = neededDirs(files).filter(dir => !index.dirs.has(dir))
  if (rootExists && missing.length === 0) return
  await pool.run('Creating directories', async session => {
    if (!rootExists) {
      for (const dir of rootChain(remoteRoot, session.home)) await session.ensureDir(dir)
    }
    for (const dir of missing) {
      if (await session.ensureDir(posix.join(remoteRoot, dir))) store.dirCreated(dir)
    }
  })
}

/** remote-dir and its parents below the login directory (or from / when outside it). */
function rootChain(remoteRoot: string, home: string): string[] {
  const homeChain = new Set(pathPrefixes(home))
  return pathPrefixes(remoteRoot).filter(dir => !homeChain.has(dir))
}

export async function transfer(
  pool: SessionPool,
  plan: SyncPlan,
  index: RemoteIndex,
  rootExists: boolean,
  store: ManifestStore,
  strategy: ReplaceStrategy,
  options: TransferOptions,
  log: Log
): Promise<TransferResult> {
  const result: TransferResult = { uploaded: [], deleted: [], bytesUploaded: 0 }
  try {
    await forEachLimited(options.leftovers, options.concurrency, async path => {
      await pool.run(`Removing ${path}`, session => session.remove(posix.join(options.remoteRoot, path)))
      log.info(`removed ${path}, left by an interrupted run`)
    })
    await createDirs(pool, plan.upload, index, store, options.remoteRoot, rootExists)
    // Before a file is replaced the manifest stops vouching for it: a run that dies midway must
    // not leave an entry for content the server no longer has (same size, other bytes).
    if (store.forgetAll(plan.upload.map(f => f.relPath))) await store.flush()
    // Largest first: the long transfers start early instead of finishing last on one connection.
    const queue = [...plan.upload].sort((a, b) => b.size - a.size)
    const totalBytes = queue.reduce((sum, f) => sum + f.size, 0)
    await forEachLimited(queue, options.concurrency, async file => {
      const remotePath = posix.join(options.remoteRoot, file.relPath)
      // The manifest records the hash of the bytes that went: most files are hashed only then.
      let sha256 = ''
      try {
        await pool.run(`Upload of ${file.relPath}`, session =>
          strategy.put(session, file.localPath, remotePath, async (path, sent) => {
            await fileCheck(session, file, options.verify)(path, sent)
            sha256 = sent.sha256
          })
        )
      } catch (err) {
        throw uploadFailure(file, remotePath, err)
      }
      result.uploaded.push(file)
      result.bytesUploaded += file.size
      log.info(`uploaded ${file.relPath} (${file.size} bytes)`)
      log.progress?.({
        files: result.uploaded.length,
        totalFiles: queue.length,
        bytes: result.bytesUploaded,
        totalBytes
      })
      await store.recorded(file.relPath, { sha256, size: file.size })
    })
    await forEachLimited(plan.remove, options.concurrency, async path => {
      await pool.run(`Deleting ${path}`, async session => {
        try {
          await session.remove(posix.join(options.remoteRoot, path))
        } catch (err) {
          if (!(err instanceof FTPError && err.code === 550)) throw err
        }
      })
      result.deleted.push(path)
      log.info(`deleted ${path}`)
      await store.forgotten(path)
    })
    if (plan.remove.length > 0) await removeEmptiedDirs(pool, store, options.remoteRoot, log)
    if (options.verify) await verifyUploaded(pool, result.uploaded, store, options)
  } catch (err) {
    await strategy.cleanUp(pool)
    // Whatever happened, the server's state so far is recorded: the next run resumes from it.
    await store
      .flush()
      .catch(flushErr =>
        log.warning(`Could not record the deploy's progress in the manifest: ${describeError(flushErr)}`)
      )
    throw err
  }
  await strategy.cleanUp(pool)
  try {
    await store.flush()
  } catch (err) {
    throw new DeployError(`Could not write the manifest: ${describeError(err)}`, {}, { cause: err })
  }
  return result
}

/** At the end: every file this run claims to have uploaded is on the server at its size. */
async function verifyUploaded(
  pool: SessionPool,
  uploaded: HashedFile[],
  store: ManifestStore,
  options: TransferOptions
) {
  if (uploaded.length === 0) return
  const paths = uploaded.map(f => f.relPath)
  const { index } = await indexFiles(pool, options.list, options.remoteRoot, paths, options.concurrency)
  const wrong = uploaded.filter(f => index.files.get(f.relPath) !== f.size)
  if (wrong.length === 0) return
  for (const file of wrong) await store.forgotten(file.relPath)
  const shown = wrong
    .slice(0, 10)
    .map(f => `${f.relPath} (${index.files.get(f.relPath) ?? 'missing'} of ${f.size} bytes)`)
  throw new DeployError(
    `${wrong.length} uploaded file(s) are not on the server as sent: ${shown.join(', ')}${wrong.length > 10 ? ', …' : ''}`,
    { file: wrong[0].relPath, command: 'LIST' }
  )
}

async function removeEmptiedDirs(pool: SessionPool, store: ManifestStore, remoteRoot: string, log: Log): Promise<void> {
  for (const dir of emptiedDirs(store.manifest.dirs, store.manifest.files.keys())) {
    await pool.run(`Removing ${dir}`, async session => {
      try {
        await session.removeDir(posix.join(remoteRoot, dir))
        store.dirRemoved(dir)
        log.info(`removed empty directory ${dir}`)
      } catch (err) {
        // Not empty: it holds files this tool never deployed, which it never touches.
        if (!(err instanceof FTPError)) throw err
        log.debug(`Kept ${dir}: ${err.message}`)
      }
    })
  }
}
