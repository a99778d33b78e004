/**
 * How a file is put on the server: to a temporary name, then renamed over the target (atomic),
 * with what this server turns out to allow (the server record's `replace`): a rename over an
 * existing file, or only after clearing it, or no renames at all (pure-ftpd -G), in place then.
 * Found out on first use and said once; every upload and every manifest write goes by it.
 */
import { DeployError } from '../core/errors.js'
import type { ReplaceMode, ServerRecord } from '../core/server-record.js'
import { TempNamer } from '../core/temp-name.js'
import type { LocalSource, RemoteSession, Sent, UploadChecks } from '../core/remote-session.js'
import { SessionPool } from './pool.js'
import { quietly, renameRefused } from './refusals.js'
import { sizeCheck } from './size-check.js'

export type { ReplaceMode, UploadChecks }

export class Replacer {
  /** This run's temporaries not yet renamed or removed: removed at the end (`cleanUp`). */
  private readonly temps = new Set<string>()

  constructor(
    private readonly server: ServerRecord,
    readonly names: TempNamer
  ) {}

  get mode(): ReplaceMode {
    return this.server.replace
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
  async put(session: RemoteSession, source: LocalSource | Buffer, target: string, checks: UploadChecks): Promise<void> {
    // The mode as this upload found it: another connection may learn more meanwhile.
    const mode = this.server.replace
    if (mode !== 'direct') {
      const temp = this.tempFor(target)
      let replaced = false
      try {
        const sent = await session.upload(source, temp)
        checks.sent(sent)
        if (
          this.server.pipelining &&
          checks.stored === undefined &&
          (checks.mode === undefined || this.server.chmodWorks)
        ) {
          const done = await session.commit({ temp, target, mode, sent, checks })
          replaced = done.renamed || (await this.afterRefusal(session, temp, target, mode, done.refusal))
        } else {
          await this.checkStored(session, checks, temp, sent)
          replaced = await this.replace(session, temp, target)
        }
      } finally {
        if (replaced) this.settled(temp)
        else if (session.usable && (await quietly(session.remove(temp)))) this.settled(temp)
      }
      if (replaced) return
    }
    // In place. Where atomic was asked for but renames are refused, delete first: a server
    // that never overwrites (pure-ftpd -r) would otherwise keep the old file.
    if (this.server.atomic) await quietly(session.remove(target))
    const sent = await session.upload(source, target)
    checks.sent(sent)
    await this.checkStored(session, checks, target, sent)
  }

  private async checkStored(session: RemoteSession, checks: UploadChecks, path: string, sent: Sent): Promise<void> {
    if (checks.verifySize) await sizeCheck(session, checks.name, sent.size, path)
    await checks.stored?.(session, path, sent)
    if (checks.mode !== undefined) {
      await session.chmod(path, checks.mode)
      this.server.chmodWorks = true
    }
  }

  /**
   * Moves temp over target as the server allows: a rename over it, or the target cleared first
   * (`clear`: deleted, unless the caller moves it aside). False when this server refuses renames
   * (write in place then); a 4xx or a lost connection throws, for the pool to retry.
   */
  async replace(
    session: RemoteSession,
    temp: string,
    target: string,
    clear: () => Promise<unknown> = () => quietly(session.remove(target))
  ): Promise<boolean> {
    const mode = this.server.replace
    if (mode === 'direct') return false
    if (mode === 'delete-then-rename') await clear()
    try {
      await session.rename(temp, target)
      return true
    } catch (err) {
      if (!renameRefused(err)) throw err
      return this.afterRefusal(session, temp, target, mode, err, clear)
    }
  }

  /** After a refused rename: over an existing file, or renames at all? False: write in place. */
  private async afterRefusal(
    session: RemoteSession,
    temp: string,
    target: string,
    mode: Exclude<ReplaceMode, 'direct'>,
    err: DeployError | undefined,
    clear: () => Promise<unknown> = () => quietly(session.remove(target))
  ): Promise<boolean> {
    if (err === undefined) return false
    let refusal = err
    if (mode === 'rename') {
      // Once more with the target gone.
      await clear()
      try {
        await session.rename(temp, target)
        this.server.refusedRenameOver(err.details.reply ?? err.message)
        return true
      } catch (again) {
        if (!renameRefused(again)) throw again
        refusal = again
      }
    }
    this.server.refusedRenames(refusal.details.reply ?? refusal.message)
    return false
  }

  /** This run's temporaries still on the server as far as it knows (after `cleanUp`: those it could not remove). */
  get unsettled(): string[] {
    return [...this.temps]
  }

  /** Removes this run's temporaries that failed attempts left behind (best effort). */
  async cleanUp(pool: SessionPool): Promise<void> {
    for (const temp of [...this.temps]) {
      await pool
        // A refusal (550) says it is not there (pure-ftpd removes an upload over quota itself).
        .run(`Removing ${temp}`, session => quietly(session.remove(temp)), { always: true })
        .then(
          () => this.settled(temp),
          () => undefined
        )
    }
  }
}
