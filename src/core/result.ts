/** What a deploy returns, and the seams it is given (so the local side can share them). */
import { SessionFactory } from '../ftp/session.js'
import { ListingEntry } from '../remote/listing.js'
import { listLocalFiles } from '../local/local-files.js'
import { LockTiming, RunIdentity } from '../lock/lock.js'
import { Step } from './plan-text.js'

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

export interface DeployDeps {
  openSession: SessionFactory
  listLocalFiles: typeof listLocalFiles
  now: () => number
  /** Who this run is, as the deploy lock names it (default: this machine, user and pid). */
  identity?: RunIdentity
  lockTiming?: LockTiming
  sleep?: (ms: number) => Promise<void>
}
