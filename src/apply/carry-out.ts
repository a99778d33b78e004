/**
 * A real run's apply, set up: the replacer (the one replace strategy, from the server record),
 * the manifest as the run starts it (stale entries dropped) and its writer, then the plan
 * carried out. A dry run's outcome is the plan itself (`asPlanned`).
 */
import { copyManifest } from '../core/manifest.js'
import type { Log } from '../core/log.js'
import type { Plan } from '../core/plan.js'
import { remotePathOf } from '../core/remote-path.js'
import type { Settings } from '../core/settings.js'
import type { TempNamer } from '../core/temp-name.js'
import { manifestWriter, type SideRunner } from '../manifest/manifest-file.js'
import type { RideAlong } from '../manifest/manifest-store.js'
import { ManifestStore } from '../manifest/manifest-store.js'
import type { Lister } from '../remote/remote-listing.js'
import type { RemoteState } from '../remote/remote-state.js'
import type { SessionPool } from '../session/pool.js'
import { Replacer } from '../session/replace.js'
import type { Applied } from '../core/result.js'
import { applyPlan, type ApplyContext } from './apply.js'
import { HashCheck } from './verify-hash.js'

export interface CarryOut {
  pool: SessionPool
  state: RemoteState
  list: Lister
  names: TempNamer
  remoteRoot: string
  settings: Pick<Settings, 'manifest' | 'concurrency' | 'verify' | 'verifyHash' | 'cutover'>
  log: Log
  /** Where the manifest's checkpoints go, off the uploads' connections (the lock's connection), if anywhere. */
  aside?: SideRunner
  /** Called once every change but the manifest's is made (the listing output may start then). */
  changesMade?: ApplyContext['changesMade']
  /** The lock's release, to ride behind the final manifest's rename where it can. */
  release?: RideAlong
}

export function carryOut(plan: Plan, c: CarryOut): Promise<Applied> {
  const { pool, settings, log } = c
  const replacer = new Replacer(pool.server, c.names, settings.cutover === 'end')
  const manifest = copyManifest(c.state.manifest)
  for (const path of plan.stale) manifest.files.delete(path)
  // An earlier run's checked temporaries stay recorded only where this run renames them (the rest it removes).
  const reused = new Set(plan.uploads.map(u => u.reuse))
  for (const temp of manifest.checked?.keys() ?? []) if (!reused.has(temp)) manifest.checked!.delete(temp)
  const writer = manifestWriter(pool, replacer, remotePathOf(c.remoteRoot, settings.manifest), {
    backupExists: c.state.manifestFrom === 'backup',
    exists: c.state.manifestFrom === 'manifest',
    aside: c.aside
  })
  return applyPlan(plan, {
    pool,
    store: new ManifestStore(manifest, writer, log),
    replacer,
    list: c.list,
    // SFTP: several files in flight on each connection.
    concurrency: pool.shares.tasks(settings.concurrency),
    verify: settings.verify,
    hashes: settings.verifyHash ? new HashCheck(log) : undefined,
    cutover: settings.cutover,
    changesMade: c.changesMade,
    release: c.release,
    log
  })
}

/** What a dry run reports: the plan's uploads, adoptions and deletions, as if done; no step applied. */
export function asPlanned(plan: Plan): Applied {
  return {
    steps: [],
    uploaded: plan.uploads.map(u => u.file),
    adopted: plan.adopt.map(a => a.file.relPath),
    deleted: plan.deletes,
    bytesUploaded: plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
  }
}
