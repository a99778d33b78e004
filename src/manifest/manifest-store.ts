/**
 * The manifest as the deploy changes the server, written as it goes: a run that dies midway
 * loses at most the progress since the last write (those files are uploaded again next time).
 */
import { Log } from '../core/log.js'
import { allLive, CheckedEntry, Manifest, ManifestEntry, Removals, serializeManifest } from '../core/manifest.js'
import type { Riding } from '../core/remote-session.js'

/** Puts the manifest's text on the server (manifest-file.ts). */
export interface ManifestWriter {
  /** `aside`: beside the pool where it can (the uploads go on meanwhile). */
  write(text: string, aside?: boolean): Promise<void>
  /**
   * The text uploaded under a temporary name and checked, not live yet (`aside`: beside the pool,
   * which is busy); absent where the server allows no renames.
   */
  stage?(text: string, aside: boolean): Promise<StagedWrite>
}

/** Changes to ride behind the final rename, in its write (the lock's release), where they can. */
export type RideAlong = () => Promise<Riding | undefined>

/** A write whose temporary is uploaded and checked: `place` puts it live (its rename, `ride` behind it). */
export interface StagedWrite {
  place(ride?: RideAlong): Promise<void>
  /** Removes the temporary (the manifest was written anew instead). */
  drop(): Promise<void>
}

/** The final write begun (`ManifestStore.stage`): `place` once the run's last check passed, else `discard`. */
export interface FinalWrite {
  place(ride?: RideAlong): Promise<void>
  /** Not placed (the check failed): the state stays to write; the temporary is removed with the run's. */
  discard(): Promise<void>
}

export interface ManifestCadence {
  /** Changes before a write, at least. */
  every: number
  /**
   * After the first write, at most one write per this many milliseconds (until the last), or
   * per WRITE_SHARE times as long as the last write took, if that is more.
   */
  minIntervalMs: number
  now: () => number
}

/**
 * Checkpoints take at most about a twentieth of one connection's time: over a slow link a write
 * costs some six round trips, which a write every second would take from the uploads. A run
 * killed midway loses what it did since (at most twenty writes' time).
 */
const WRITE_SHARE = 20

/**
 * Writes after `every` changes (or a tenth of its entries if that is more, so the bytes written
 * stay linear in the tree's size), no sooner than `minIntervalMs` after the last write, and on
 * `flush`; one write at a time. A failed write leaves the state dirty: the next flush retries.
 */
export class ManifestStore {
  private changes = 0
  /** Changes left before the run's final write (undefined: not known): the last one writes no checkpoint. */
  private remaining: number | undefined
  /** Changes left that write no checkpoint (`quiet`). */
  private quietLeft = 0
  private writing: Promise<void> = Promise.resolve()
  private dirty = false
  private lastWrite: number | undefined
  /** How long the last write took (ms). */
  private lastTook = 0
  /** A write of recorded checked temporaries waiting for the interval to pass. */
  private later: ReturnType<typeof setTimeout> | undefined
  private readonly cadence: ManifestCadence
  /** The final write is begun (`stage`): no checkpoint of checked temporaries comes before it. */
  private staged = false

  constructor(
    readonly manifest: Manifest,
    private readonly writer: ManifestWriter,
    private readonly log: Log,
    cadence: Partial<ManifestCadence> = {}
  ) {
    this.cadence = { every: 50, minIntervalMs: 1000, now: () => Date.now(), ...cadence }
  }

  /** A write was made in this run: checked temporaries wait for the interval (the first is recorded at once). */
  get written(): boolean {
    return this.lastWrite !== undefined
  }

  /** A file now on the server with this content (`temp`: renamed from that checked temporary, no longer one). */
  recorded(path: string, entry: ManifestEntry, temp?: string): Promise<void> {
    this.manifest.files.set(path, entry)
    if (temp !== undefined) this.manifest.checked?.delete(temp)
    return this.changed()
  }

  /**
   * A temporary uploaded and checked, held for the burst (`cutover: end`): recorded with the next
   * write, which comes no later than `minIntervalMs` after the last (not counted as progress: the
   * file goes live, and is counted, in the burst). A run killed before its burst leaves them for
   * the next run, which renames those still as recorded instead of uploading them again.
   */
  checkedTemp(temp: string, entry: CheckedEntry): Promise<void> {
    this.manifest.checked ??= new Map()
    this.manifest.checked.set(temp, entry)
    this.dirty = true
    // The final write is begun (staged as the last uploads are checked): it records them.
    if (this.staged) return Promise.resolve()
    const { now } = this.cadence
    const wait = (): number => (this.lastWrite === undefined ? 0 : this.lastWrite + this.interval() - now())
    if (wait() <= 0) return this.flush()
    // Written once the interval has passed, if no other write comes first (a flush clears it):
    // the interval as known then (a write still going when the timer was set may have made it longer).
    const later = (): void => {
      this.later = undefined
      if (wait() <= 0) void this.flush().catch(() => undefined)
      else this.later = setTimeout(later, wait())
      this.later?.unref?.()
    }
    if (this.later === undefined) {
      this.later = setTimeout(later, wait())
      this.later.unref?.()
    }
    return Promise.resolve()
  }

  /** Checked temporaries no longer on the server (removed): no longer recorded. */
  uncheckedAll(temps: Iterable<string>): void {
    for (const temp of temps) if (this.manifest.checked?.delete(temp) === true) this.dirty = true
  }

  /**
   * Files found on the server as recorded (adopted): written with the next write, not counted
   * as progress (a large adoption would otherwise rewrite a growing manifest many times).
   */
  recordAll(entries: Iterable<[string, ManifestEntry]>): void {
    for (const [path, entry] of entries) {
      this.manifest.files.set(path, entry)
      this.dirty = true
    }
  }

  /** A file no longer on the server (or no longer as recorded). */
  forgotten(path: string): Promise<void> {
    this.manifest.files.delete(path)
    return this.changed()
  }

  /** Drops entries without counting them as progress; true if any was there. */
  forgetAll(paths: Iterable<string>): boolean {
    let any = false
    for (const path of paths) any = this.manifest.files.delete(path) || any
    if (any) this.dirty = true
    return any
  }

  dirCreated(path: string): void {
    this.manifest.dirs.add(path)
    this.dirty = true
  }

  dirRemoved(path: string): void {
    this.manifest.dirs.delete(path)
    this.dirty = true
  }

  /** The run will make `count` more changes and then flush: a checkpoint right before that would be written twice. */
  expectChanges(count: number): void {
    this.remaining = count
  }

  /**
   * The final write begun: the manifest as it is now, uploaded under a temporary name and checked
   * while the run's last check goes on, live only by `place` (after the check passed); no write
   * of the run comes between. `ahead`: staged as the manifest will be once every checked
   * temporary (and each file `ahead.live` names) is live and what `ahead` names is removed, while
   * the last checks, the burst and the deletions go on; placed only if it then is exactly that. Undefined where the writer cannot stage (then `flush`).
   */
  stage(ahead?: Removals): FinalWrite | undefined {
    const { writer } = this
    if (writer.stage === undefined) return undefined
    clearTimeout(this.later)
    this.later = undefined
    this.staged = true
    // Ahead: as it will be once every checked temporary is live (the burst to come), beside it.
    const text = serializeManifest(ahead ? allLive(this.manifest, ahead) : this.manifest)
    this.dirty = false
    const staging = this.writing.catch(() => undefined).then(() => writer.stage!(text, ahead !== undefined))
    staging.catch(() => undefined) // awaited by `place`
    let settle = (): void => undefined
    this.writing = new Promise<void>(resolve => (settle = resolve))
    return {
      place: async ride => {
        try {
          // Placed only as it is now: else (a change not foreseen) written anew.
          if (serializeManifest(this.manifest) === text) await (await staging).place(ride)
          else {
            await writer.write(serializeManifest(this.manifest))
            // The staged temporary is not left behind (a change not foreseen: a directory kept).
            await (await staging.catch(() => undefined))?.drop()
          }
        } catch (err) {
          this.dirty = true
          throw err
        } finally {
          this.staged = false
          settle()
        }
      },
      discard: async () => {
        this.dirty = true
        this.staged = false
        // Its temporary is in place (or not) before the run's cleanup looks for it.
        await staging.catch(() => undefined)
        settle()
      }
    }
  }

  /** The next `count` changes write no checkpoint (a burst of renames: a few round trips, then recorded as one). */
  quiet(count: number): void {
    this.quietLeft = count
    // Nor a checkpoint of checked temporaries waiting for its time: they are renamed now.
    clearTimeout(this.later)
    this.later = undefined
  }

  /** The next flush writes, changed or not (the plan said the manifest is written). */
  touch(): void {
    this.dirty = true
  }

  /** Writes now if anything changed since the last write that succeeded (`aside`: beside the pool where it can). */
  flush(aside = false): Promise<void> {
    clearTimeout(this.later)
    this.later = undefined
    // After a failed write the chain goes on: a later flush writes again (the failure path must
    // still be able to record the uploads that succeeded).
    const write = this.writing.catch(() => undefined).then(() => this.writeIfDirty(aside))
    this.writing = write
    return write
  }

  private async writeIfDirty(aside: boolean): Promise<void> {
    if (!this.dirty) return
    this.dirty = false
    this.changes = 0
    const started = this.cadence.now()
    this.lastWrite = started
    const text = serializeManifest(this.manifest)
    this.log.debug(`Writing the manifest (${this.manifest.files.size} files)`)
    try {
      await this.writer.write(text, aside)
    } catch (err) {
      this.dirty = true
      throw err
    } finally {
      this.lastTook = this.cadence.now() - started
    }
  }

  /** The least time from one write's start to the next checkpoint's (none with a minIntervalMs of 0). */
  private interval(): number {
    const { minIntervalMs } = this.cadence
    return minIntervalMs === 0 ? 0 : Math.max(minIntervalMs, WRITE_SHARE * this.lastTook)
  }

  private changed(): Promise<void> {
    this.dirty = true
    this.changes += 1
    if (this.remaining !== undefined && --this.remaining <= 0) return Promise.resolve()
    if (this.quietLeft > 0) {
      this.quietLeft -= 1
      return Promise.resolve()
    }
    const { every, now } = this.cadence
    const due =
      this.changes >= Math.max(every, Math.floor(this.manifest.files.size / 10)) &&
      (this.lastWrite === undefined || now() - this.lastWrite >= this.interval())
    return due ? this.flush() : Promise.resolve()
  }
}
