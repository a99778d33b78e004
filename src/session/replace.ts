/**
 * How a file is put on the server: to a temporary name, then renamed over the target (atomic),
 * with what this server turns out to allow: a rename over an existing file, or only after
 * deleting it, or no renames at all (pure-ftpd -G), in place then. Found out on first use and
 * said once; later uploads start from what was found.
 */
import { FTPError } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import { RemoteSession } from '../ftp/session.js'
import { Sent } from '../ftp/store.js'
import { Log } from '../core/log.js'
import { commitTogether } from './commit.js'
import { SessionPool } from './pool.js'
import { sizeCheck } from './size-check.js'
import { TempNamer } from '../core/temp-name.js'

export type ReplaceMode = 'rename' | 'delete-then-rename' | 'direct'

/** What an upload is checked against, and what the file gets before it appears. */
export interface UploadChecks {
  /** The file's name in errors (its path relative to the root). */
  name: string
  /** Throws when what was sent is not what was planned: before anything is renamed, no round trip. */
  sent(sent: Sent): void
  /** Compare the server's size of the stored file with the bytes sent (`verify`). */
  verifySize: boolean
  /** SITE CHMOD mode the file gets before it appears under its name (`file-mode`). */
  mode?: string
  /** A further check of the stored file (`verify: hash`): before the rename, so never pipelined. */
  stored?: (session: RemoteSession, path: string, sent: Sent) => Promise<void>
}

/** A refusal (5xx) of a rename, as opposed to a lost connection or a 4xx worth a retry. */
export function renameRefused(err: unknown): err is DeployError {
  return err instanceof DeployError && err.details.code !== undefined && err.details.code >= 500
}

/** Whether the server answered with a refusal (any reply code), rather than the connection failing. */
export const isRefusal = (err: unknown): boolean =>
  err instanceof FTPError || (err instanceof DeployError && err.details.code !== undefined)

/**
 * True when done, false when the server refused (the file is not there, 550, or it would not):
 * for best-effort steps. A lost connection still throws.
 */
export async function quietly(action: Promise<void>): Promise<boolean> {
  return action.then(
    () => true,
    (err: unknown) => {
      if (isRefusal(err)) return false
      throw err
    }
  )
}

export class Replacer {
  private found: ReplaceMode
  /** Once a file got its mode one command at a time, later ones send SITE CHMOD with the rename. */
  private chmodWorks = false
  /** This run's temporaries not yet renamed or removed: removed at the end (`cleanUp`). */
  private readonly temps = new Set<string>()

  constructor(
    private readonly atomic: boolean,
    readonly names: TempNamer,
    private readonly log: Log
  ) {
    this.found = atomic ? 'rename' : 'direct'
  }

  get mode(): ReplaceMode {
    return this.found
  }

  /** A temporary name for target, tracked until `settled`. */
  tempFor(target: string): string {
    const temp = this.names.pathFor(target)
    this.temps.add(temp)
    return temp
  }

  settled(temp: string): void {
    this.temps.delete(temp)
  }

  /**
   * Uploads source to target: atomically where the server allows, else in place. Where the
   * server takes pipelined commands, the checks, the rename and the next transfer's passive port
   * go in one write after the upload (the size is then read from the renamed file); else one at
   * a time, the temporary checked before it is renamed.
   */
  async put(session: RemoteSession, source: string | Buffer, target: string, checks: UploadChecks): Promise<void> {
    // The mode as this upload found it: another connection may learn more meanwhile.
    const mode = this.found
    if (mode !== 'direct') {
      const temp = this.tempFor(target)
      let replaced = false
      try {
        const sent = await session.upload(source, temp)
        checks.sent(sent)
        if (session.pipelines && checks.stored === undefined && (checks.mode === undefined || this.chmodWorks)) {
          const done = await commitTogether(session, { temp, target, mode, sent, checks })
          replaced = done.renamed || (await this.fallback(session, temp, target, mode, done.refusal))
        } else {
          await this.checkStored(session, checks, temp, sent)
          replaced = await this.replace(session, temp, target, mode)
        }
      } finally {
        if (replaced) this.settled(temp)
        else if (session.usable && (await quietly(session.remove(temp)))) this.settled(temp)
      }
      if (replaced) return
    }
    // In place. Where atomic was asked for but renames are refused, delete first: a server
    // that never overwrites (pure-ftpd -r) would otherwise keep the old file.
    if (this.atomic) await quietly(session.remove(target))
    const sent = await session.upload(source, target)
    checks.sent(sent)
    await this.checkStored(session, checks, target, sent)
  }

  private async checkStored(session: RemoteSession, checks: UploadChecks, path: string, sent: Sent): Promise<void> {
    if (checks.verifySize) await sizeCheck(session, checks.name, sent.size, path)
    await checks.stored?.(session, path, sent)
    if (checks.mode !== undefined) {
      await session.chmod(path, checks.mode)
      this.chmodWorks = true
    }
  }

  /** Moves temp over target; false when this server refuses renames (upload in place then). */
  private async replace(session: RemoteSession, temp: string, target: string, mode: ReplaceMode): Promise<boolean> {
    if (mode === 'delete-then-rename') await quietly(session.remove(target))
    try {
      await session.rename(temp, target)
      return true
    } catch (err) {
      // 4xx and lost connections: the pool retries the whole upload on a new connection.
      if (!renameRefused(err)) throw err
      return this.fallback(session, temp, target, mode, err)
    }
  }

  /** After a refused rename: over an existing file, or renames at all? False: upload in place. */
  private async fallback(
    session: RemoteSession,
    temp: string,
    target: string,
    mode: ReplaceMode,
    err: DeployError | undefined
  ): Promise<boolean> {
    if (err === undefined) return false
    if (mode === 'rename') {
      // Try once with the target gone.
      await quietly(session.remove(target))
      if (await quietly(session.rename(temp, target))) {
        this.refusedRenameOver(err.details.reply ?? err.message)
        return true
      }
    }
    this.refusedRenames(err.details.reply ?? err.message)
    return false
  }

  refusedRenameOver(reply: string): void {
    this.downgrade(
      'delete-then-rename',
      `the server refused to rename over an existing file (${reply}): replacing files by deleting them first`
    )
  }

  refusedRenames(reply: string): void {
    this.downgrade('direct', `the server refuses renames (${reply}): uploading in place, not atomically`)
  }

  private downgrade(mode: ReplaceMode, message: string): void {
    if (this.found === mode || this.found === 'direct') return
    this.log.warning(`atomic: ${message}`)
    this.found = mode
  }

  /** Removes this run's temporaries that failed attempts left behind (best effort). */
  async cleanUp(pool: SessionPool): Promise<void> {
    for (const temp of [...this.temps]) {
      await pool
        .run(`Removing ${temp}`, session => session.remove(temp), { always: true })
        .then(
          () => this.settled(temp),
          () => undefined
        )
    }
  }
}
