/**
 * The manifest on the server: read (with the backup a server without rename-over may leave)
 * and written so that one whole copy is always there, whatever the server allows and wherever
 * a run is killed.
 */
import { posix } from 'node:path'
import { CancelledError, DeployError, describeError } from '../core/errors.js'
import { RemoteSession, Riding } from '../core/remote-session.js'
import { Log } from '../core/log.js'
import { Manifest, manifestBackupName, ManifestCorrupt, parseManifest } from '../core/manifest.js'
import { ManifestWriter, StagedWrite } from './manifest-store.js'
import { SessionPool } from '../session/pool.js'
import { quietly } from '../session/refusals.js'
import { Replacer } from '../session/replace.js'
import { sizeCheck } from '../session/size-check.js'

/** Runs work on a session outside the pool, one task at a time (the lock's heartbeat connection). */
export type SideRunner = <T>(what: string, fn: (session: RemoteSession) => Promise<T>) => Promise<T>

/**
 * A manifest no bigger than this is staged beside the pool: it holds the lock's heartbeat back
 * for a few round trips at most (a bigger one, over a slow link, could hold it back for long).
 */
export const ASIDE_MAX_BYTES = 1024 * 1024

export interface ReadManifest {
  manifest: Manifest
  /** Where it was read from: the manifest, its backup, or nowhere (a first deploy). */
  from: 'manifest' | 'backup' | 'none'
}

/**
 * A manifest takes about 150 bytes a file: 64 MiB is some 400,000 files. A bigger one is not
 * read into memory: the run fails, naming it (it is never taken for "no manifest").
 */
export const MANIFEST_MAX_BYTES = 64 * 1024 * 1024

/** Files already read (their bytes, undefined: not there), by path: not asked for again. */
export type ReadAlready = ReadonlyMap<string, Buffer | undefined>

async function readOne(
  pool: SessionPool,
  path: string,
  what: string,
  log: Log,
  known: ReadAlready
): Promise<Manifest | undefined> {
  // A transient failure (a short download included) is retried and then fails the run: it is
  // never taken for "no manifest", which would upload everything again and forget deletions.
  const data = known.has(path)
    ? known.get(path)
    : await pool.run(`Reading ${what}`, session => session.download(path, MANIFEST_MAX_BYTES))
  if (data === undefined) return undefined
  try {
    const { manifest, refused } = parseManifest(data.toString('utf8'))
    if (refused.length > 0) {
      log.warning(
        `The manifest ${path} has entries that would leave remote-dir, ignored (never trusted, never deleted): ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}`
      )
    }
    return manifest
  } catch (err) {
    if (!(err instanceof ManifestCorrupt)) throw err
    log.warning(`The manifest ${path} is corrupt (${err.message}): ignoring it`)
    return undefined
  }
}

/** The path of the backup a run killed while replacing the manifest at `path` leaves. */
export function backupPathOf(path: string): string {
  return posix.join(posix.dirname(path), manifestBackupName(posix.basename(path)))
}

/** The manifest, else (a run killed while replacing it) its backup, else none. `known`: read already. */
export async function readManifest(
  pool: SessionPool,
  path: string,
  log: Log,
  known: ReadAlready = new Map()
): Promise<ReadManifest> {
  const manifest = await readOne(pool, path, 'the manifest', log, known)
  if (manifest !== undefined) return { manifest, from: 'manifest' }
  const backupPath = backupPathOf(path)
  const backup = await readOne(pool, backupPath, "the manifest's backup", log, known)
  if (backup !== undefined) {
    log.warning(`Using the manifest's backup ${backupPath}: an earlier run stopped while replacing the manifest`)
    return { manifest: backup, from: 'backup' }
  }
  log.info(`No manifest at ${path}: every matched file is uploaded`)
  return { manifest: { files: new Map(), dirs: new Set() }, from: 'none' }
}

/**
 * Writes the manifest at `path`, replaced the way uploads are (the replacer's one strategy, from
 * the server record). Where the server renames over a file: temporary, then rename.
 * Where it does not: the old manifest is moved to the backup name first, so a run killed between
 * the two renames leaves the backup for the next run to read; the backup goes once the new one is
 * in place. Where it allows no renames: the backup is written in full first, then the manifest.
 * Either way the backup exists only while the manifest is being replaced.
 */
export function manifestWriter(
  pool: SessionPool,
  replacer: Replacer,
  path: string,
  options: { backupExists: boolean; exists?: boolean; aside?: SideRunner }
): ManifestWriter {
  const backup = posix.join(posix.dirname(path), manifestBackupName(posix.basename(path)))
  // A backup left by a killed run goes once the manifest is back in place.
  let staleBackup = options.backupExists
  // Whether the manifest is on the server, and whether this run renamed one over it.
  let exists = options.exists ?? false
  let overProven = false
  const put = (session: RemoteSession, data: Buffer, target: string): Promise<void> =>
    sizeCheck(session, 'the manifest', data.length, target)
  /** The text under a temporary name, its size checked (a new name each try; removed if that fails). */
  const stageOn = async (session: RemoteSession, data: Buffer): Promise<string> => {
    const temp = replacer.tempFor(path)
    try {
      await session.upload(data, temp)
      await put(session, data, temp)
      return temp
    } catch (err) {
      if (session.usable && (await quietly(session.remove(temp)))) replacer.settled(temp)
      throw err
    }
  }
  /** A checked temporary put live (where the server refuses, the text written in place). */
  const placeOn = async (session: RemoteSession, temp: string, data: Buffer): Promise<void> => {
    let placed = false
    try {
      // Where the server will not rename over a file, the old manifest is moved aside (not
      // deleted) first: a run killed before the rename leaves it for the next run to read.
      let movedAside = false
      placed = await replacer.replace(session, temp, path, async () => {
        if (await quietly(session.remove(backup))) staleBackup = false
        movedAside = await quietly(session.rename(path, backup))
      })
      if (placed) {
        if ((movedAside || staleBackup) && (await quietly(session.remove(backup)))) staleBackup = false
        // Renamed over the manifest (not moved aside first): renames over a file work here.
        overProven ||= exists && !movedAside && replacer.mode === 'rename'
        exists = true
        return
      }
    } finally {
      if (placed || (session.usable && (await quietly(session.remove(temp))))) replacer.settled(temp)
    }
    await writeInPlace(session, data)
  }
  /**
   * Where the lock's release may ride behind the rename (issue 22): renames over a file work (one
   * over the manifest went through in this run) and the server takes pipelined commands; no
   * backup to remove after it.
   */
  const mayRide = (): boolean => overProven && replacer.mode === 'rename' && pool.server.pipelining && !staleBackup
  /**
   * The rename and the changes riding behind it in one write: the server runs them in order. A
   * refused rename whose release went with it fails the run (written anew without the lock, it
   * could overwrite another run's); where the release was not done, the slow path's fallbacks.
   */
  const placeRiding = async (session: RemoteSession, temp: string, data: Buffer, rode: Riding): Promise<void> => {
    let done
    try {
      done = await session.commit({ renames: [{ from: temp, to: path, clearFirst: false }], then: rode.ops })
    } catch (err) {
      rode.done(undefined)
      throw err
    }
    rode.done(done.then)
    const refusal = done.renames[0]
    if (refusal === undefined) return replacer.settled(temp)
    if (done.then?.[0]?.done !== true) return placeOn(session, temp, data)
    if (session.usable && (await quietly(session.remove(temp)))) replacer.settled(temp)
    throw new DeployError(`${refusal.message} (the deploy lock was released in the same write)`, {
      ...refusal.details,
      transient: false
    })
  }
  /**
   * After a lost write that carried the rename and the release: where none of the release was
   * done (the lock still this run's), written anew; else the rename ran before it, and the
   * manifest must be what was sent.
   */
  const afterLostRide = async (session: RemoteSession, rode: Riding, data: Buffer): Promise<void> => {
    if (await rode.undone(session)) return write(session, data)
    const now = await session.download(path, MANIFEST_MAX_BYTES)
    if (now?.equals(data)) return
    throw new DeployError(
      `the write that renamed it and released the deploy lock was lost, and ${path} is not what was sent`,
      { transient: false }
    )
  }
  const writeInPlace = async (session: RemoteSession, data: Buffer): Promise<void> => {
    // Never over an existing file: a server may keep it and store the upload elsewhere (pure-ftpd -r).
    for (const target of [backup, path]) {
      await quietly(session.remove(target))
      await session.upload(data, target)
      await put(session, data, target)
    }
    await quietly(session.remove(backup))
  }
  const write = async (session: RemoteSession, data: Buffer): Promise<void> =>
    replacer.mode === 'direct' ? writeInPlace(session, data) : placeOn(session, await stageOn(session, data), data)
  const what = 'Writing the manifest'
  const { aside } = options
  // `always`: after a cancel, the manifest still records what was done.
  const onPool = <T>(work: (session: RemoteSession) => Promise<T>): Promise<T> => pool.run(what, work, { always: true })
  /**
   * `work` on the connection beside the pool (the lock's: the burst goes on meanwhile) where
   * there is one, free, and the text is small enough not to hold the heartbeat back for long;
   * else, or failed there, through the pool (a retry, as the pool would give it).
   */
  const besideOrPool = <T>(bytes: number, work: (session: RemoteSession) => Promise<T>): Promise<T> => {
    if (aside === undefined || bytes > ASIDE_MAX_BYTES) return onPool(work)
    return pool.bounded(what, aside(what, work)).catch((err: unknown) => {
      if (err instanceof CancelledError) throw err
      return onPool(work)
    })
  }
  const named = (err: unknown): never => {
    // A checkpoint that fails ends the run by the upload that was recorded: say what failed.
    if (err instanceof CancelledError) throw err
    throw new DeployError(
      `Writing the manifest ${path} failed: ${describeError(err)}`,
      err instanceof DeployError ? err.details : {},
      { cause: err }
    )
  }
  // Staged where the server renames: the temporary goes live by its rename alone.
  const stage = async (text: string, beside: boolean): Promise<StagedWrite> => {
    const data = Buffer.from(text)
    const work = (session: RemoteSession): Promise<string> => stageOn(session, data)
    const staged = beside ? besideOrPool(data.length, work) : onPool(work)
    const temp = await staged.catch(named)
    return {
      place: async ride => {
        // Asked for before a session is taken: the lock's last beat may need one of the pool's.
        const rode = mayRide() ? await ride?.() : undefined
        // Retried (the rename in doubt), it is written anew: a new temporary, checked, renamed;
        // after a lost write that carried the lock's release too, only where none of it was done.
        let tries = 0
        const work = (session: RemoteSession): Promise<void> => {
          if (tries++ > 0) return rode === undefined ? write(session, data) : afterLostRide(session, rode, data)
          return rode === undefined ? placeOn(session, temp, data) : placeRiding(session, temp, data, rode)
        }
        return onPool(work).catch(named)
      },
      // Not placed (the manifest was written anew): its temporary goes, as the run ends.
      drop: () =>
        onPool(async session => {
          if (await quietly(session.remove(temp))) replacer.settled(temp)
        })
    }
  }
  return {
    stage: replacer.mode === 'direct' ? undefined : stage,
    write: (text, beside = false) => {
      const data = Buffer.from(text)
      const work = async (session: RemoteSession): Promise<void> => {
        await write(session, data)
        // Beside the pool, the next write there (the final one, staged as the burst starts) finds
        // its passive port asked for already, if no other command came between (best effort).
        if (beside) await session.together([], { beforeTransfer: true }).catch(() => undefined)
      }
      return (beside ? besideOrPool(data.length, work) : onPool(work)).catch(named)
    }
  }
}
