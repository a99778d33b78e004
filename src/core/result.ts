/** What a deploy returns: the outputs, the job summary and the report file are made from it. */
import { Step } from './plan-text.js'

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
}
