/** The report file: the whole result of a run as JSON, for what does not fit in step outputs. */
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DeployResult, ListingEntry } from '../core/result.js'
import { Step } from '../core/plan-text.js'
import { VERSION } from '../config/version.js'

export interface Report {
  /** The layout of this file; raised when a field changes meaning or goes away. */
  format: 1
  tool: string
  dryRun: boolean
  host: string
  remoteRoot: string
  tlsVersion: string
  fingerprint: string
  counts: {
    uploaded: number
    skipped: number
    adopted: number
    deleted: number
    bytesUploaded: number
    listing: number
  }
  /** Remote paths relative to remote-dir, as in the outputs of the same names, never cut. */
  uploaded: string[]
  /** Skipped includes the adopted files: left alone, found on the server as they are here. */
  skipped: string[]
  adopted: string[]
  deleted: string[]
  listing: ListingEntry[]
  /** Every remote change the plan held, and the steps carried out (none in a dry run). */
  planned: Step[]
  applied: Step[]
  /** How the files went live: the cutover, its window in ms (null: nothing went live) and the files renamed. */
  cutover: DeployResult['cutover'] | null
  timings: { startedAt: string; finishedAt: string; durationMs: number }
}

export function reportOf(result: DeployResult, host: string, startedAt: Date, finishedAt: Date): Report {
  return {
    format: 1,
    tool: `ftps-deploy ${VERSION}`,
    dryRun: result.dryRun,
    host,
    remoteRoot: result.remoteRoot,
    tlsVersion: result.tlsVersion,
    fingerprint: result.fingerprint,
    counts: {
      uploaded: result.uploaded.length,
      skipped: result.skipped.length,
      adopted: result.adopted.length,
      deleted: result.deleted.length,
      bytesUploaded: result.bytesUploaded,
      listing: result.listing.length
    },
    uploaded: result.uploaded,
    skipped: result.skipped,
    adopted: result.adopted,
    deleted: result.deleted,
    listing: result.listing,
    planned: result.planned,
    applied: result.applied,
    cutover: result.cutover ?? null,
    timings: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: result.durationMs
    }
  }
}

/** The action's report when no report-file is given: a new name under the runner's temp dir. */
export function defaultReportPath(tempDir: string): string {
  return join(tempDir, `ftps-deploy-report-${randomUUID()}.json`)
}

/** Writes the report, making its directory as needed. */
export function writeReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(report) + '\n')
}
