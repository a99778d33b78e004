/**
 * The sync state kept on the server: what each deployed file's content is (SHA-256, size) and
 * which directories this tool created. Written as the deploy goes (see manifest-store.ts and
 * manifest-file.ts), so a deploy that dies resumes where it stopped.
 */
import { describeError } from './errors.js'
import { unsafePathReason } from './remote-path.js'

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

/** A copy that later changes to either side do not reach. */
export const copyManifest = (m: Manifest): Manifest => ({ files: new Map(m.files), dirs: new Set(m.dirs) })

export class ManifestCorrupt extends Error {}

const FORMAT = 'ftps-deploy-manifest'

/**
 * The second copy kept beside the manifest while a server cannot replace it in one rename:
 * it holds the last complete manifest whenever the manifest itself is missing or partial.
 */
export const manifestBackupName = (manifest: string): string => `${manifest}.previous`

export function serializeManifest(manifest: Manifest): string {
  const files = Object.fromEntries([...manifest.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return JSON.stringify({ format: FORMAT, version: 1, files, dirs: [...manifest.dirs].sort() }, null, 1) + '\n'
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
  const doc = data as { format?: unknown; version?: unknown; files?: unknown; dirs?: unknown }
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
    const valid =
      typeof e?.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(e.sha256) &&
      Number.isSafeInteger(e.size) &&
      (e.size as number) >= 0
    if (!valid) throw new ManifestCorrupt(`bad entry for ${JSON.stringify(path)}`)
    if (safe(path)) files.set(path, { sha256: e.sha256 as string, size: e.size as number })
  }
  const dirs = new Set<string>()
  for (const dir of doc.dirs as unknown[]) {
    if (typeof dir !== 'string') throw new ManifestCorrupt(`bad directory ${JSON.stringify(dir)}`)
    if (safe(dir)) dirs.add(dir)
  }
  return { manifest: { files, dirs }, refused }
}
