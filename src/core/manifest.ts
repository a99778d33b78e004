/**
 * The sync state kept on the server: what each deployed file's content is (SHA-256, size) and
 * which directories this tool created. Written as the deploy goes (see manifest-store.ts and
 * manifest-file.ts), so a deploy that dies resumes where it stopped.
 */
import { describeError } from './errors.js'
import { posix } from 'node:path'
import { unsafePathReason } from './remote-path.js'
import { TEMP_NAME } from './temp-name.js'

export interface ManifestEntry {
  sha256: string
  size: number
}

/** A temporary uploaded and checked (`cutover: end`) but not yet renamed into place: what it holds and for which file. */
export interface CheckedEntry extends ManifestEntry {
  /** The file it stands for (remote-relative, in the temporary's directory). */
  target: string
}

export interface Manifest {
  /** Remote-relative path -> content. */
  files: Map<string, ManifestEntry>
  /** Remote-relative directories this tool created (candidates for removal once empty). */
  dirs: Set<string>
  /**
   * Checked temporaries (remote-relative temporary path -> content) of a run that had not yet
   * put them in place: the next run may rename one instead of uploading its file again.
   */
  checked?: Map<string, CheckedEntry>
}

export const emptyManifest = (): Manifest => ({ files: new Map(), dirs: new Set() })

/** A copy that later changes to either side do not reach. */
export const copyManifest = (m: Manifest): Manifest => ({
  files: new Map(m.files),
  dirs: new Set(m.dirs),
  ...(m.checked === undefined ? {} : { checked: new Map(m.checked) })
})

export class ManifestCorrupt extends Error {}

const FORMAT = 'ftps-deploy-manifest'

/**
 * The second copy kept beside the manifest while a server cannot replace it in one rename:
 * it holds the last complete manifest whenever the manifest itself is missing or partial.
 */
export const manifestBackupName = (manifest: string): string => `${manifest}.previous`

export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const checked = [...(manifest.checked ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  // Written only while there are some: a manifest with none reads as before (older versions ignore the key).
  const pending = checked.length > 0 ? { checked: Object.fromEntries(checked) } : {}
  return (
    JSON.stringify({ format: FORMAT, version: 1, files, dirs: [...manifest.dirs].sort(), ...pending }, null, 1) + '\n'
  )
}

export interface ParsedManifest {
  manifest: Manifest
  /** Entries refused as unsafe (absolute, '..', backslashes, CR/LF/NUL), with why: never acted on. */
  refused: string[]
}

/**
 * Parses a manifest; throws ManifestCorrupt when it is not one. Entries whose path could leave
 * remote-dir are dropped and named in `refused`: the run neither trusts nor deletes them.
 */
export function parseManifest(text: string): ParsedManifest {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new ManifestCorrupt(`not JSON (${describeError(err)})`)
  }
  const doc = data as { format?: unknown; version?: unknown; files?: unknown; dirs?: unknown; checked?: unknown }
  if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) throw new ManifestCorrupt(`not an ${FORMAT}`)
  if (doc.version !== 1) throw new ManifestCorrupt(`unknown version ${JSON.stringify(doc.version)}`)
  if (typeof doc.files !== 'object' || doc.files === null || Array.isArray(doc.files) || !Array.isArray(doc.dirs)) {
    throw new ManifestCorrupt('files or dirs missing')
  }
  const refused: string[] = []
  const safe = (path: string): boolean => {
    const reason = unsafePathReason(path)
    if (reason !== undefined) refused.push(`${JSON.stringify(path)} (${reason})`)
    return reason === undefined
  }
  const files = new Map<string, ManifestEntry>()
  for (const [path, entry] of Object.entries(doc.files as Record<string, unknown>)) {
    const e = entry as { sha256?: unknown; size?: unknown } | null
    if (!validEntry(e)) throw new ManifestCorrupt(`bad entry for ${JSON.stringify(path)}`)
    if (safe(path)) files.set(path, { sha256: e.sha256, size: e.size })
  }
  const dirs = new Set<string>()
  for (const dir of doc.dirs as unknown[]) {
    if (typeof dir !== 'string') throw new ManifestCorrupt(`bad directory ${JSON.stringify(dir)}`)
    if (safe(dir)) dirs.add(dir)
  }
  const checked = parseChecked(doc.checked, safe)
  return { manifest: { files, dirs, ...(checked.size > 0 ? { checked } : {}) }, refused }
}

const validEntry = (e: { sha256?: unknown; size?: unknown } | null): e is ManifestEntry =>
  typeof e?.sha256 === 'string' &&
  /^[0-9a-f]{64}$/.test(e.sha256) &&
  Number.isSafeInteger(e.size) &&
  (e.size as number) >= 0

/**
 * The checked temporaries a run recorded. One that is not this tool's temporary name beside its
 * target is dropped (never trusted, so never renamed); the run then treats it as any temporary.
 */
function parseChecked(data: unknown, safe: (path: string) => boolean): Map<string, CheckedEntry> {
  const checked = new Map<string, CheckedEntry>()
  if (data === undefined) return checked
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ManifestCorrupt('checked is not a map')
  for (const [temp, entry] of Object.entries(data as Record<string, unknown>)) {
    const e = entry as { sha256?: unknown; size?: unknown; target?: unknown } | null
    const target = e?.target
    if (!validEntry(e) || typeof target !== 'string') throw new ManifestCorrupt(`bad checked ${JSON.stringify(temp)}`)
    const beside = posix.dirname(temp) === posix.dirname(target) && TEMP_NAME.test(posix.basename(temp))
    if (beside && safe(temp) && safe(target)) checked.set(temp, { sha256: e.sha256, size: e.size, target })
  }
  return checked
}

/** What the run will remove before its final write (remote-relative), and what goes live besides. */
export interface Removals {
  files: readonly string[]
  dirs: readonly string[]
  /** Files sent and still being checked, live by the final write if their checks pass. */
  live?: ReadonlyMap<string, ManifestEntry>
}

/** The manifest once every checked temporary it records (and `gone.live`) is live under its target, and `gone` removed. */
export function allLive(manifest: Manifest, gone: Removals): Manifest {
  const files = new Map(manifest.files)
  for (const entry of manifest.checked?.values() ?? [])
    files.set(entry.target, { sha256: entry.sha256, size: entry.size })
  for (const [path, entry] of gone.live ?? []) files.set(path, entry)
  for (const path of gone.files) files.delete(path)
  const dirs = new Set(manifest.dirs)
  for (const dir of gone.dirs) dirs.delete(dir)
  return { files, dirs }
}
