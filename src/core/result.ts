/** What a deploy returns: the outputs, the job summary and the report file are made from it. */
import type { HashedFile, Plan } from './plan.js'
import { Step } from './plan-text.js'
import type { RemoteEntry } from './remote-session.js'

/** One entry of the listing output. */
export interface ListingEntry {
  path: string
  type: 'file' | 'dir' | 'link'
  size: number
  /** ISO 8601 when the server's listing gives a time, else null. */
  modifiedAt: string | null
}

export interface DeployResult {
  dryRun: boolean
  /** Remote paths relative to remote-dir that were (or, in a dry run, would be) uploaded. */
  uploaded: string[]
  bytesUploaded: number
  /** Remote paths of matched files left alone: the manifest shows them unchanged. */
  skipped: string[]
  filesSkipped: number
  /** Remote paths of files found on the server as they are here and recorded in the manifest (adopt); also in skipped. */
  adopted: string[]
  /** Remote paths deleted (or that would be). */
  deleted: string[]
  listing: ListingEntry[]
  tlsVersion: string
  fingerprint: string
  /** Absolute remote target directory. */
  remoteRoot: string
  durationMs: number
  /** Every remote change the plan holds, in order. */
  planned: Step[]
  /** The steps carried out (none in a dry run), in the order they finished. */
  applied: Step[]
  /**
   * How the files went live (none in a dry run): `windowMs` from the first rename of a real name
   * sent to the last file in place (null when none went live), `renamed` the files renamed into place.
   */
  cutover?: { mode: 'end' | 'file' | 'swap'; windowMs: number | null; renamed: number }
}

/** What carrying out a plan did (or, in a dry run, would do). */
export interface Applied {
  /** Every step carried out, in the order they finished. */
  steps: Step[]
  uploaded: HashedFile[]
  /** Files recorded as already on the server (adopt). */
  adopted: string[]
  deleted: string[]
  bytesUploaded: number
  /** How the files went live (a real run's). */
  cutover?: DeployResult['cutover']
  /** The directories the final check listed once every change was made (remote-relative, '' is remote-dir). */
  listed?: ReadonlyMap<string, RemoteEntry[]>
}

/** The result, built once: from what apply returned (or the plan, in a dry run), and the run's facts. */
export function resultOf(r: {
  dryRun: boolean
  plan: Plan
  done: Applied
  planned: Step[]
  applied: Step[]
  listing: ListingEntry[]
  first: { tlsVersion: string; fingerprint: string }
  remoteRoot: string
  durationMs: number
}): DeployResult {
  const skipped = [...r.plan.skip.map(f => f.relPath), ...r.done.adopted]
  return {
    dryRun: r.dryRun,
    uploaded: r.done.uploaded.map(f => f.relPath).sort(),
    bytesUploaded: r.done.bytesUploaded,
    skipped: skipped.sort(),
    filesSkipped: skipped.length,
    adopted: [...r.done.adopted].sort(),
    deleted: [...r.done.deleted].sort(),
    listing: r.listing,
    tlsVersion: r.first.tlsVersion,
    fingerprint: r.first.fingerprint,
    remoteRoot: r.remoteRoot,
    durationMs: r.durationMs,
    planned: r.planned,
    applied: r.applied,
    ...(r.done.cutover === undefined ? {} : { cutover: r.done.cutover })
  }
}
