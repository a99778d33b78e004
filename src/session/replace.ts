/**
 * How a file is put on the server: to a temporary name, checked there (size, mode), then renamed
 * over the target, as this server allows (the record's `replace`: a rename over a file, or after
 * clearing it, or none (pure-ftpd -G): in place), found on first use and said once; a rename
 * refused for one file where renames work (IIS: a file in use) is that file's fallback.
 * Where the server takes pipelined commands, a checked temporary waits in `checked` and its
 * rename rides on the next write of any session, so nothing goes live before its checks are read;
 * `goLive` sends what is left when a phase ends (new files, then replacements). With `hold`
 * (`cutover: end`) no write carries them: `burst` puts them all in place at once.
 */
import { DeployError } from '../core/errors.js'
import type { ReplaceMode, ServerRecord } from '../core/server-record.js'
import { TempNamer } from '../core/temp-name.js'
import type { LocalSource, RemoteSession, Sent, TempCheck, UploadChecks } from '../core/remote-session.js'
import { SessionPool } from './pool.js'
import { quietly, renameRefused } from './refusals.js'
import { sizeCheck } from './size-check.js'
import { Listings, settleInDoubt } from './in-doubt.js'
import { Checked, ofFile, Pending, RENAME_TRIES } from './checked.js'
import { LiveGate, LiveWindow, putInPlace } from './burst.js'
import { RunTemps } from './temps.js'

export type { ReplaceMode, UploadChecks }

export class Replacer extends RunTemps {
  /** Checked, rename pending: carried by the next write (the state `cutover: end` holds longer). */
  private readonly checked: Checked[] = []
  /** A rename worked in this run: a later refusal is one file's, not the server's. */
  private renamed = false
  /** When files went live (the run reports it), and what comes before any does. */
  readonly window = new LiveWindow()
  readonly gate = new LiveGate()

  constructor(
    private readonly server: ServerRecord,
    names: TempNamer,
    /** Checked files wait for `burst` (`cutover: end`) instead of riding on the next write. */
    private readonly hold = false
  ) {
    super(names)
  }

  get mode(): ReplaceMode {
    return this.server.replace
  }

  /**
   * Uploads source to target: atomically where the server allows, else in place; `live` is
   * called once the file is in place under its name: before this returns, or, where the server
   * takes pipelined commands, when a later write has carried its rename. The checks (the bytes
   * sent, the size, a hash, the mode) are all made on the temporary before it is renamed.
   */
  async put(
    session: RemoteSession,
    source: LocalSource | Buffer,
    target: string,
    checks: UploadChecks,
    live: () => void = () => undefined,
    /** Called with its temporary when a checked file is held for the burst (`cutover: end`). */
    held: (temp: string) => void = () => undefined
  ): Promise<void> {
    // The mode as this upload found it: another connection may learn more meanwhile.
    if (this.server.replace !== 'direct') {
      const temp = this.tempFor(target)
      let kept: 'pending' | 'renamed' | undefined
      try {
        const sent = await session.upload(source, temp)
        checks.sent(sent)
        const pipelined =
          this.server.pipelining && checks.stored === undefined && (checks.mode === undefined || this.server.chmodWorks)
        if (pipelined) {
          const size = checks.verifySize ? sent.size : undefined
          await this.together(session, { path: temp, name: checks.name, mode: checks.mode, size })
        } else await this.checkStored(session, checks, temp, sent)
        if (pipelined || this.hold) {
          this.pend({ temp, source, target, checks, live, sent })
          kept = 'pending'
          if (this.hold) held(temp)
        } else {
          this.window.renaming()
          if (await this.replace(session, temp, target, undefined, checks.name)) kept = 'renamed'
        }
      } finally {
        if (kept === 'renamed') this.settled(temp)
        else if (kept === undefined && session.usable && (await quietly(session.remove(temp)))) this.settled(temp)
      }
      if (kept === 'renamed') this.window.live(true)
      if (kept === 'renamed') live()
      if (kept !== undefined) return
    }
    await this.inPlace(session, source, target, checks, live)
  }

  /** `cutover: end`: an earlier run's recorded checked temporary, held for the burst as if this run had checked it. */
  reuse(temp: string, source: LocalSource, target: string, sent: Sent, checks: UploadChecks, live: () => void): void {
    this.track(temp)
    this.pend({ temp, source, target, checks, live, sent })
  }

  /** Waits for the next write, or (`hold`) for the burst. */
  private pend({ temp, source, target, checks, live, sent }: Pending): void {
    const again: Checked['again'] = (on, how) =>
      how === 'anew' ? this.put(on, source, target, checks, live) : this.inPlace(on, source, target, checks, live)
    this.checked.push({ temp, target, name: checks.name, again, live, tries: 0, inDoubt: false, sent })
  }

  /** Sends the pending renames, one write at a time, till none is left: a phase ends, the next may go live. */
  async goLive(pool: SessionPool): Promise<void> {
    await this.gate.passed()
    while (this.checked.length > 0) {
      const names = this.checked.map(c => c.name)
      const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')
      await pool
        .run(`Putting ${shown} in place`, session => this.carry(session, this.checked))
        .catch((err: unknown) => {
          throw ofFile(err, names[0]!)
        })
    }
  }

  /** `cutover: end`: the held files `pick` chooses go live at once over `connections` sessions; files sent again anew, in another. */
  async burst(pool: SessionPool, pick: (target: string) => boolean, connections: number): Promise<void> {
    await this.gate.passed()
    for (let files = this.checked.filter(c => pick(c.target)); files.length > 0;) {
      for (const c of files) this.checked.splice(this.checked.indexOf(c), 1)
      await putInPlace(pool, files, connections, (session, queue) => this.carry(session, queue))
      files = this.checked.filter(c => pick(c.target))
    }
  }

  /** In place: where renames are refused (the run's mode, or this file's fallback). */
  private async inPlace(
    session: RemoteSession,
    source: LocalSource | Buffer,
    target: string,
    checks: UploadChecks,
    live: () => void
  ): Promise<void> {
    await this.gate.passed()
    // Where atomic was asked for but renames are refused, delete first: a server that never
    // overwrites (pure-ftpd -r) would otherwise keep the old file.
    if (this.server.atomic) await quietly(session.remove(target))
    const sent = await session.upload(source, target)
    checks.sent(sent)
    await this.checkStored(session, checks, target, sent)
    this.window.live(false)
    live()
  }

  private async checkStored(session: RemoteSession, checks: UploadChecks, path: string, sent: Sent): Promise<void> {
    if (checks.verifySize) await sizeCheck(session, checks.name, sent.size, path)
    await checks.stored?.(session, path, sent)
    if (checks.mode !== undefined) {
      await session.chmod(path, checks.mode)
      this.server.chmodWorks = true
    }
  }

  /** After an upload: `check` of its temporary, with the pending renames unless they are held. */
  private together(session: RemoteSession, check: TempCheck): Promise<void> {
    return this.carry(session, this.hold ? [] : this.checked, check)
  }

  /**
   * One write: the renames of the checked files in `queue`, then `check` of a temporary just
   * uploaded (with the next transfer's port). Each rename's outcome is its own file's (one to go
   * again stays in `queue`); the check's failure is thrown after them.
   */
  private async carry(session: RemoteSession, queue: Checked[], check?: TempCheck): Promise<void> {
    const riding = queue.splice(0)
    if (riding.length > 0) this.window.renaming()
    const clearFirst = this.server.replace === 'delete-then-rename'
    let done
    try {
      done = await session.commit({ renames: riding.map(c => ({ from: c.temp, to: c.target, clearFirst })), check })
    } catch (err) {
      // The write is lost: each rename may or may not have happened; the next write tells.
      for (const c of riding) c.inDoubt = true
      queue.unshift(...riding)
      throw err
    }
    const listings: Listings = new Map()
    for (const [i, c] of riding.entries()) {
      try {
        await this.renamedOrNot(session, c, done.renames[i], queue, listings)
      } catch (err) {
        // Where its fallback stopped is not known: it goes anew with a later write (or the run stops).
        c.inDoubt = true
        queue.unshift(...riding.slice(i))
        throw ofFile(err, c.name, i > 0)
      }
    }
    if (done.failure !== undefined) throw done.failure
  }

  private wentLive(c: Checked): void {
    this.settled(c.temp)
    this.window.live(true)
    c.live()
  }

  /** After a write carried c's rename: live, or again later (4xx), or its fallbacks (5xx). */
  private async renamedOrNot(
    session: RemoteSession,
    c: Checked,
    refusal: DeployError | undefined,
    queue: Checked[],
    listings: Listings
  ): Promise<void> {
    if (refusal === undefined) {
      this.renamed = true
      return this.wentLive(c)
    }
    if (!renameRefused(refusal as unknown)) {
      if (++c.tries >= RENAME_TRIES) throw new DeployError(refusal.message, { ...refusal.details, transient: false })
      queue.push(c)
      return
    }
    if (c.inDoubt) {
      // The lost write may have renamed it: live if the target holds the bytes sent (in-doubt.ts).
      const live = await settleInDoubt(session, c, refusal, listings, temp => this.settled(temp))
      return live ? this.wentLive(c) : c.again(session, 'anew')
    }
    const mode = this.server.replace
    if (mode !== 'direct' && (await this.afterRefusal(session, c.temp, c.target, mode, refusal, undefined, c.name))) {
      return this.wentLive(c)
    }
    if (await quietly(session.remove(c.temp))) this.settled(c.temp)
    await c.again(session, 'in place')
  }

  /**
   * Moves temp over target as the server allows: a rename over it, or the target cleared first
   * (`clear`: deleted, unless the caller moves it aside). False when the server refuses it (write
   * in place then); a 4xx or a lost connection throws, for the pool to retry.
   */
  async replace(
    session: RemoteSession,
    temp: string,
    target: string,
    clear: () => Promise<unknown> = () => quietly(session.remove(target)),
    name = target
  ): Promise<boolean> {
    const mode = this.server.replace
    if (mode === 'direct') return false
    if (mode === 'delete-then-rename') await clear()
    try {
      await session.rename(temp, target)
      this.renamed = true
      return true
    } catch (err) {
      if (!renameRefused(err)) throw err
      return this.afterRefusal(session, temp, target, mode, err, clear, name)
    }
  }

  /**
   * After a refused rename: over an existing file (the server's rule: cleared first from now on),
   * renames at all (none has worked in this run: the server's rule, in place from now on), or
   * this file only (renames work: a file in use on IIS). False: write this file in place.
   */
  private async afterRefusal(
    session: RemoteSession,
    temp: string,
    target: string,
    mode: Exclude<ReplaceMode, 'direct'>,
    err: DeployError,
    clear: () => Promise<unknown> = () => quietly(session.remove(target)),
    name = target
  ): Promise<boolean> {
    let refusal = err
    if (mode === 'rename') {
      // Once more with the target gone.
      await clear()
      try {
        await session.rename(temp, target)
        this.server.refusedRenameOver(replyOf(err))
        this.renamed = true
        return true
      } catch (again) {
        if (!renameRefused(again)) throw again
        refusal = again
      }
    }
    if (this.renamed) this.server.refusedRenameOf(name, replyOf(refusal))
    else this.server.refusedRenames(replyOf(refusal))
    return false
  }

  /** Removes this run's temporaries that failed attempts left behind, checked ones not yet live included (best effort). */
  override cleanUp(pool: SessionPool, keep?: ReadonlySet<string>): Promise<void> {
    this.checked.length = 0
    return super.cleanUp(pool, keep)
  }
}

const replyOf = (err: DeployError): string => err.details.reply ?? err.message
