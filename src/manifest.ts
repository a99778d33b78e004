/**
 * The sync state kept on the server: what each deployed file's content is (SHA-256, size) and
 * which directories this tool created. Written as the deploy goes (temp name, then rename), so
 * a deploy that dies resumes where it stopped. It never claims a file the server lacks.
 */
import { describeError } from './errors.js'
import { Log } from './log.js'

export interface ManifestEntry {
  sha256: string
  size: number
}

export interface Manifest {
  /** Remote-relative path -> content. */
  files: Map<string, ManifestEntry>
  /** Remote-relative directories this tool created (candidates for removal once empty). */
  dirs: Set<string>
}

export const emptyManifest = (): Manifest => ({ files: new Map(), dirs: new Set() })

export class ManifestCorrupt extends Error {}

const FORMAT = 'ftps-deploy-manifest'

export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return JSON.stringify({ format: FORMAT, version: 1, files, dirs: [...manifest.dirs].sort() }, null, 1) + '\n'
}

/** Parses a manifest; throws ManifestCorrupt naming what is wrong. */
export function parseManifest(text: string): Manifest {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new ManifestCorrupt(`not JSON (${describeError(err)})`)
  }
  const doc = data as { format?: unknown; version?: unknown; files?: unknown; dirs?: unknown }
  if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) throw new ManifestCorrupt(`not an ${FORMAT}`)
  if (doc.version !== 1) throw new ManifestCorrupt(`unknown version ${JSON.stringify(doc.version)}`)
  if (typeof doc.files !== 'object' || doc.files === null || !Array.isArray(doc.dirs)) {
    throw new ManifestCorrupt('files or dirs missing')
  }
  const files = new Map<string, ManifestEntry>()
  for (const [path, entry] of Object.entries(doc.files as Record<string, unknown>)) {
    const e = entry as { sha256?: unknown; size?: unknown }
    const valid = typeof e?.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256) && Number.isSafeInteger(e.size)
    if (!valid || path.split('/').includes('..') || /[\r\n\0\\]/.test(path)) {
      throw new ManifestCorrupt(`bad entry for ${JSON.stringify(path)}`)
    }
    files.set(path, { sha256: e.sha256 as string, size: e.size as number })
  }
  const dirs = new Set(
    (doc.dirs as unknown[]).filter((d): d is string => typeof d === 'string' && !d.split('/').includes('..'))
  )
  return { files, dirs }
}

/** Writes the manifest: to a temporary name, then renamed over the real one. */
export interface ManifestWriter {
  write(text: string): Promise<void>
}

export interface ManifestCadence {
  /** Changes before a write, at least. */
  every: number
  /** After the first write, at most one write per this many milliseconds (until the last). */
  minIntervalMs: number
  now: () => number
}

/**
 * Keeps the manifest as the deploy changes the server and writes it after `every` changes (or
 * a tenth of its entries if that is more, and no sooner than `minIntervalMs` after the last
 * write), and at the end, one write at a time. The tenth keeps the bytes written linear in the
 * tree's size: every 50 files, 20,000 files meant 400 writes of a manifest of up to 2 MB. A run
 * killed midway loses at most that much progress: those files are uploaded again next time.
 */
export class ManifestStore {
  private changes = 0
  private writing: Promise<void> = Promise.resolve()
  private dirty = false
  private lastWrite: number | undefined
  private readonly cadence: ManifestCadence

  constructor(
    readonly manifest: Manifest,
    private readonly writer: ManifestWriter,
    private readonly log: Log,
    cadence: Partial<ManifestCadence> = {}
  ) {
    this.cadence = { every: 50, minIntervalMs: 1000, now: () => Date.now(), ...cadence }
  }

  /** A file now on the server with this content. */
  recorded(path: string, entry: ManifestEntry): Promise<void> {
    this.manifest.files.set(path, entry)
    return this.changed()
  }

  /** A file no longer on the server. */
  forgotten(path: string): Promise<void> {
    this.manifest.files.delete(path)
    return this.changed()
  }

  /** Drops entries without counting them as progress; true if any was there. */
  forgetAll(paths: string[]): boolean {
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

  /** Writes now if anything changed since the last write. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return
      this.dirty = false
      this.changes = 0
      this.lastWrite = this.cadence.now()
      const text = serializeManifest(this.manifest)
      this.log.debug(`Writing the manifest (${this.manifest.files.size} files)`)
      await this.writer.write(text)
    })
    return this.writing
  }

  private changed(): Promise<void> {
    this.dirty = true
    this.changes += 1
    const { every, minIntervalMs, now } = this.cadence
    const due =
      this.changes >= Math.max(every, Math.floor(this.manifest.files.size / 10)) &&
      (this.lastWrite === undefined || now() - this.lastWrite >= minIntervalMs)
    return due ? this.flush() : Promise.resolve()
  }
}
