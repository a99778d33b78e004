/**
 * Carries out a plan over the session pool: retries and fallbacks (in the pool and the
 * replacer), progress, the manifest kept current as the server changes, and a report of every
 * step done in the plan's own words.
 */
import { localSource } from '../local/local-files.js'
import { posix } from 'node:path'
import { quietly } from '../session/refusals.js'
import { createDirs, removeFile, removeThenList } from './dirs.js'
import { outOfSpace } from '../core/retry.js'
import { checkedDirs, checkUploaded, sentAsPlanned, uploadFailure } from './checks.js'
import { DeployError, describeError } from '../core/errors.js'
import type { RemoteEntry, RemoteSession, Sent } from '../core/remote-session.js'
import { Log } from '../core/log.js'
import { FinalWrite, ManifestStore, RideAlong } from '../manifest/manifest-store.js'
import { Plan, Upload } from '../core/plan.js'
import type { Applied } from '../core/result.js'
import {
  adoptStep,
  applySteps,
  dirDetail,
  doneText,
  forgetDetail,
  Step,
  stepText,
  uploadStep
} from '../core/plan-text.js'
import { forEachLimited } from '../core/concurrency.js'
import { SessionPool } from '../session/pool.js'
import { Lister } from '../remote/remote-listing.js'
import { remotePathOf } from '../core/remote-path.js'
import { Replacer } from '../session/replace.js'
import { HashCheck } from './verify-hash.js'
import type { CutoverMode } from '../core/settings.js'

export interface ApplyContext {
  pool: SessionPool
  store: ManifestStore
  replacer: Replacer
  /** How the final check lists directories (as the reading of the remote state did). */
  list: Lister
  concurrency: number
  verify: boolean
  /** verify: hash: the server's hash of each upload is compared too. */
  hashes?: HashCheck
  /** When files go live: `end` holds them all for one burst (the replacer holds them), `file` each when checked. */
  cutover: CutoverMode
  /** Called once every change but the manifest's is made. */
  changesMade?: (listed?: Promise<ReadonlyMap<string, RemoteEntry[]> | undefined>) => void
  /** The lock's release, behind the final manifest's rename in its write where it can (issue 22). */
  release?: RideAlong
  log: Log
}

export type { Applied }

export async function applyPlan(plan: Plan, ctx: ApplyContext): Promise<Applied> {
  const { pool, store, replacer, log } = ctx
  const done: Applied = { steps: [], uploaded: [], adopted: [], deleted: [], bytesUploaded: 0 }
  const did = (step: Step): void => {
    done.steps.push(step)
    log.info(stepText(step, 'done'))
  }
  const at = (path: string): string => remotePathOf(plan.remoteRoot, path)
  let final: FinalWrite | undefined
  try {
    await forEachLimited(plan.leftovers, ctx.concurrency, async path => {
      // Already gone (another run removed it): nothing left to do.
      await pool.run(`Removing ${path}`, session => quietly(session.remove(at(path))))
      did({ kind: 'remove leftover', path })
    })
    if (plan.createRoot.length + plan.mkdirs.length > 0) {
      const detail = dirDetail(plan)
      const created = await createDirs(pool, [...plan.createRoot, ...plan.mkdirs.map(at)], plan.dirMode, log)
      plan.createRoot.forEach(dir => did({ kind: 'create root directory', path: dir, detail }))
      plan.mkdirs.forEach((dir, i) => {
        if (created[plan.createRoot.length + i]) store.dirCreated(dir)
        did({ kind: 'create directory', path: dir, detail })
      })
    }
    // Before a file is replaced the manifest stops vouching for it: a run that dies midway must
    // not leave an entry for content the server no longer has (same size, other bytes).
    // Under `cutover: end` nothing is replaced before the burst: the uploads to temporary names
    // go on while it is written (beside the pool where it can), the burst waits for it.
    let vouched: Promise<void> | undefined
    if (store.forgetAll(plan.forget)) {
      const forgot = (): void => did({ kind: 'write manifest', path: '', detail: forgetDetail(plan) })
      vouched = store.flush(ctx.cutover === 'end').then(forgot)
      vouched.catch(() => undefined) // awaited before anything goes live
      replacer.gate.after(vouched)
      if (ctx.cutover !== 'end' || replacer.mode === 'direct') await vouched
    }
    // Already on the server as they are here: only the manifest learns of them (the final write).
    store.recordAll(plan.adopt.map(a => [a.file.relPath, { sha256: a.sha256, size: a.file.size }]))
    for (const adopted of plan.adopt) {
      done.adopted.push(adopted.file.relPath)
      did(adoptStep(adopted))
    }
    // The last upload or deletion is followed by the final write: no checkpoint just before it.
    store.expectChanges(plan.uploads.length + plan.deletes.length)
    const totalBytes = plan.uploads.reduce((sum, u) => sum + u.file.size, 0)
    // The bar appears, and its clock starts, as the first upload begins.
    if (plan.uploads.length > 0) log.progress?.({ files: 0, totalFiles: plan.uploads.length, bytes: 0, totalBytes })
    // Records of files that went live, awaited by the upload that saw them go (a checkpoint may
    // write the manifest): a file goes live when a later write carries its rename.
    const records: Promise<void>[] = []
    const checked = { files: 0, bytes: 0 }
    // Under `cutover: end` the final manifest is staged once the last upload is sent (its checks
    // go on meanwhile): as it will be once every file is live and every removal made. Not before
    // the run's first write, which records the first checked temporaries at once.
    const sentAll = new Map(plan.uploads.flatMap(u => (u.reuse === undefined ? [] : [[u.file.relPath, u.file]])))
    const early = ctx.cutover === 'end' && ctx.verify && plan.writeManifest
    const wentAll = (): void => {
      if (!early || sentAll.size < plan.uploads.length || !store.written) return
      const live = new Map([...sentAll].map(([path, f]) => [path, { sha256: f.sha256!, size: f.size }]))
      final ??= store.stage({ files: plan.deletes, dirs: plan.rmdirs, live })
    }
    const recorded = async (): Promise<void> => {
      for (const record of records.splice(0)) await record
    }
    const upload = async (planned: Upload): Promise<void> => {
      const { file, respells, reuse } = planned
      const remotePath = at(file.relPath)
      // The manifest records the hash of the bytes that went: most files are hashed only then.
      let sha256 = reuse === undefined ? '' : file.sha256!
      // Its checked temporary (remote-relative) while held for the burst: recorded until it goes live.
      let heldAs = reuse
      const live = (): void => {
        done.uploaded.push(file)
        if (reuse === undefined) done.bytesUploaded += file.size
        did(uploadStep(planned, plan))
        const record = store.recorded(file.relPath, { sha256, size: file.size }, heldAs)
        record.catch(() => undefined) // awaited by `recorded`
        records.push(record)
      }
      const checks = {
        name: file.relPath,
        sent: (sent: Sent) => {
          sentAsPlanned(file, sent)
          sha256 = sent.sha256
          sentAll.set(file.relPath, { ...file, sha256 })
          wentAll()
        },
        verifySize: ctx.verify,
        // verify: hash: the server's own hash of the bytes.
        stored:
          ctx.hashes && ((on: RemoteSession, path: string, sent: Sent) => ctx.hashes!.check(on, file, path, sent)),
        // While it has its temporary name: the file appears with its mode.
        mode: plan.fileMode
      }
      // Held for the burst: recorded (with the hash of the bytes that went), so a killed run's next run reuses it.
      const held = (temp: string): void => {
        heldAs = posix.join(posix.dirname(file.relPath), posix.basename(temp))
        const record = store.checkedTemp(heldAs, { target: file.relPath, sha256, size: file.size })
        record.catch(() => undefined) // awaited by `recorded`
        records.push(record)
      }
      // An earlier run's checked temporary, found as recorded: renamed in the burst, not sent again.
      if (reuse !== undefined)
        replacer.reuse(at(reuse), localSource(file.localPath), remotePath, { size: file.size, sha256 }, checks, live)
      else
        try {
          await pool.run(`Upload of ${file.relPath}`, async session => {
            // In place, a STOR onto another spelling keeps that spelling (NTFS): the old name goes first.
            if (respells !== undefined && replacer.mode === 'direct') {
              await replacer.gate.passed()
              await quietly(session.remove(at(respells)))
            }
            return replacer.put(session, localSource(file.localPath), remotePath, checks, live, held)
          })
        } catch (err) {
          throw uploadFailure(file, remotePath, err)
        }
      // Progress counts files uploaded and checked (under `end` none is live before the burst).
      checked.files += 1
      checked.bytes += file.size
      log.progress?.({ files: checked.files, totalFiles: plan.uploads.length, bytes: checked.bytes, totalBytes })
      await recorded()
    }
    /** The checked files whose renames are pending go live: a phase ends. */
    const goLive = async (): Promise<void> => {
      await replacer.goLive(pool)
      await recorded()
    }
    // Every new file is there before the first replacement: a replaced page may link to them.
    if (ctx.cutover === 'end') {
      // All uploaded and checked first; then one burst of renames, new files first.
      await forEachLimited(plan.uploads, ctx.concurrency, upload)
      await vouched
      // The records of the burst and the deletions are written together once they are over: no
      // checkpoint comes between.
      store.quiet(plan.uploads.length + plan.deletes.length)
      // The final manifest's temporary goes up beside them, as the manifest will be once every
      // file is live and every deletion made (placed only if it then is exactly that, once the
      // final check passed).
      if (early) final ??= store.stage({ files: plan.deletes, dirs: plan.rmdirs })
      const fresh = new Set(plan.uploads.filter(u => !u.replaces).map(u => at(u.file.relPath)))
      await replacer.burst(pool, target => fresh.has(target), ctx.concurrency)
      await recorded()
      await replacer.burst(pool, () => true, ctx.concurrency)
      await recorded()
      log.info(windowText(replacer))
    } else {
      await forEachLimited(
        plan.uploads.filter(u => !u.replaces),
        ctx.concurrency,
        upload
      )
      await goLive()
      await forEachLimited(
        plan.uploads.filter(u => u.replaces),
        ctx.concurrency,
        upload
      )
      await goLive()
    }
    done.cutover = { mode: ctx.cutover, windowMs: replacer.window.ms, renamed: replacer.window.renamed }
    // Together in one write where the server takes it, with the final check's listings behind
    // them (read after every removal); what that leaves, one at a time, and then listed anew.
    const checking = ctx.verify && done.uploaded.length > 0
    const dirs = checking ? checkedDirs(done.uploaded, plan.remoteRoot) : []
    const removals = await removeThenList(pool, plan.deletes.map(at), plan.rmdirs.map(at), dirs, log)
    await forEachLimited(plan.deletes, ctx.concurrency, async path => {
      if (!removals.gone.has(at(path))) await removeFile(pool, at(path))
      done.deleted.push(path)
      did({ kind: 'delete', path })
      await store.forgotten(path)
    })
    for (const dir of plan.rmdirs) {
      // Not empty: it holds files this tool never deployed, which it never touches.
      if (removals.removed.has(at(dir)) || (await pool.run(`Removing ${dir}`, s => quietly(s.removeDir(at(dir)))))) {
        store.dirRemoved(dir)
        did({ kind: 'remove directory', path: dir })
      } else log.info(`kept directory ${dir}: not empty (it holds files this tool did not deploy)`)
    }
    // The final write's temporary goes up (and its size is read) while the final check reads
    // the server; it goes live, by its rename, only once the check passed.
    if (checking && plan.writeManifest) final ??= store.stage()
    const check = { ...ctx, remoteRoot: plan.remoteRoot, ahead: removals.listed }
    const listed = checking ? checkUploaded(done.uploaded, check) : undefined
    listed?.catch(() => undefined) // awaited below
    ctx.changesMade?.(listed)
    done.listed = await listed
  } catch (err) {
    await final?.discard()
    log.info(`Stopped after ${done.steps.length} of the plan's ${applySteps(plan).length} steps`)
    // Whatever happened, the server's state so far is recorded: the next run resumes from it.
    const saved = await store.flush().then(
      () => true,
      (flushErr: unknown) => {
        log.warning(`Could not record the deploy's progress in the manifest: ${describeError(flushErr)}`)
        return false
      }
    )
    // Checked temporaries the manifest now records stay for the next run, which renames them
    // instead of uploading their files again (nobody sees them: they carry no real name); the rest go.
    // Not on a full disk: the space they hold is given back.
    const keep = saved && !outOfSpace(err)
    const recordedTemps = new Set([...(keep ? (store.manifest.checked?.keys() ?? []) : [])].map(at))
    await cleanUpAfterFailure(replacer, pool, log, recordedTemps)
    throw err
  }
  if (plan.writeManifest) {
    try {
      if (final !== undefined) await final.place(ctx.release)
      else {
        store.touch()
        await store.flush()
      }
    } catch (err) {
      throw new DeployError(`Could not write the manifest: ${describeError(err)}`, {}, { cause: err })
    }
    did({ kind: 'write manifest', path: '', detail: 'final' })
  }
  // After the final write: a checkpoint still on its way (one its timer started) has its temporary in use till then.
  await replacer.cleanUp(pool)
  log.info(`Done: ${doneText(applySteps(plan), done.steps)}`)
  return done
}

/** The burst in the log: how many files went live and how long visitors could see a mix. */
function windowText(replacer: Replacer): string {
  const { ms, renamed } = replacer.window
  return ms === null ? 'Nothing went live' : `Went live: ${renamed} file(s) renamed into place within ${ms} ms`
}

/** Removes this run's temporaries; those it cannot (no time left after a cancel, no server), the next run removes. */
async function cleanUpAfterFailure(replacer: Replacer, pool: SessionPool, log: Log, keep: Set<string>): Promise<void> {
  if (keep.size > 0) log.info(`Kept ${keep.size} checked temporary file(s) for the next run, recorded in the manifest`)
  await replacer.cleanUp(pool, keep)
  const left = replacer.unsettled
  if (left.length > 0) {
    log.warning(
      `Could not remove ${left.length} temporary file(s) of this run (the next run removes them): ${left.slice(0, 3).join(', ')}${left.length > 3 ? ', …' : ''}`
    )
  }
}
