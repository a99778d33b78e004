/**
 * `cutover: swap` and `rollback` on the server: the probe that the server renames directories
 * (before anything is uploaded), the spare copy made ready (the previous release reused), and the
 * switch itself: `remote-dir` to `<remote-dir>.ftps-deploy-prev` and the spare copy to
 * `remote-dir` in one write (RNFR, RNTO, RNFR, RNTO where the server takes commands together).
 */
import { posix } from 'node:path'
import { DeployError, describeError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import { emptyManifest } from '../core/manifest.js'
import { planDeploy } from '../core/plan.js'
import { DeployResult, ListingEntry, resultOf } from '../core/result.js'
import type { Settings } from '../core/settings.js'
import type { SwapPaths } from '../core/swap-paths.js'
import type { SessionPool } from '../session/pool.js'
import { isRefusal, quietly } from '../session/refusals.js'
import { afterLost, inDoubt, namesIn, putBackCut, Switch, switchOnce } from './swap-doubt.js'

type Cutover = NonNullable<DeployResult['cutover']>

/** Which of remote-dir, the spare copy and the previous release exist (names in remote-dir's parent). */
async function present(pool: SessionPool, p: SwapPaths): Promise<(path: string) => boolean> {
  const names = await pool.run(`Listing ${p.parent}`, session => namesIn(session, p.parent))
  return path => names.has(posix.basename(path))
}

/**
 * Before any upload: the server must rename a directory (a probe beside remote-dir, made and
 * removed), and the spare copy is made ready: the previous release becomes it where there is no
 * spare copy yet, so only what differs goes over the wire. Says whether remote-dir exists.
 */
export async function prepareSwap(pool: SessionPool, p: SwapPaths, tag: string, log: Log): Promise<boolean> {
  await pool.run('Checking that the server renames directories', async session => {
    const probe = posix.join(p.parent, `.ftps-deploy-probe.${tag}`)
    await session.makeDir(probe)
    try {
      await session.rename(probe, `${probe}.moved`)
    } catch (err) {
      await quietly(session.removeDir(probe)).catch(() => false)
      if (!isRefusal(err)) throw err
      throw new DeployError(
        `cutover: swap needs a server that renames directories, and this one refused (${describeError(err)}); ` +
          'nothing was uploaded. Use cutover: end instead',
        { transient: false }
      )
    }
    await quietly(session.removeDir(`${probe}.moved`))
  })
  let exists = await present(pool, p)
  if (!exists(p.live) && exists(p.next) && exists(p.prev)) {
    await putBackCut(pool, p, log)
    exists = await present(pool, p)
  }
  if (exists(p.next) && exists(p.prev)) {
    throw new DeployError(
      `cutover: swap found both ${p.next} and ${p.prev}: remove the one not wanted (nothing was changed)`,
      { transient: false }
    )
  }
  if (!exists(p.next) && exists(p.prev)) {
    log.info(`The previous release ${p.prev} becomes the spare copy ${p.next}, brought up to date by this run`)
    await pool.run('Reusing the previous release', session => session.rename(p.prev, p.next), { retries: 0 })
  }
  return exists(p.live)
}

/**
 * A dry run's account of what `prepareSwap` would change before any upload, changing nothing:
 * remote-dir put back where a cut switch left it missing, the previous release made the spare
 * copy, or the stop where both are there.
 */
export async function dryRunSwap(pool: SessionPool, p: SwapPaths, log: Log): Promise<void> {
  const exists = await present(pool, p)
  if (!exists(p.live) && exists(p.next) && exists(p.prev)) {
    log.warning(
      `${p.live} is missing, with both ${p.next} and ${p.prev} beside it: an earlier switch was cut between its two renames. ` +
        `Would put ${p.prev} back as ${p.live} (${p.next} stays the spare copy)`
    )
  } else if (exists(p.next) && exists(p.prev)) {
    log.warning(`cutover: swap found both ${p.next} and ${p.prev}: a real run would stop (remove the one not wanted)`)
  } else if (!exists(p.next) && exists(p.prev)) {
    log.info(`Would make the previous release ${p.prev} the spare copy ${p.next}, brought up to date by the run`)
  }
}

/**
 * The switch, in one write: remote-dir (where it exists) becomes the previous release, the spare
 * copy becomes remote-dir. Where the second rename is refused, the first is undone at once. A
 * lost write is not sent blindly again: what exists tells how far it went, and it is finished (or
 * undone, after a cancel) on a new connection (swap-doubt.ts). The window is the time from the
 * write to its last reply (or to the end of that repair): remote-dir is missing at most that long.
 */
export async function switchReleases(
  pool: SessionPool,
  p: SwapPaths,
  liveExists: boolean,
  log: Log,
  rollback = false
): Promise<Cutover> {
  const [aside, back] = rollback ? [p.next, p.prev] : [p.prev, p.next]
  const s: Switch = { p, aside, back, liveExists }
  const what = rollback ? 'Putting the previous release back' : 'Switching releases'
  let started = performance.now()
  let renamed
  let oneWrite = true
  try {
    renamed = await pool.run(
      what,
      session => {
        started = performance.now()
        return switchOnce(session, s)
      },
      { retries: 0 }
    )
  } catch (err) {
    if (!inDoubt(err)) throw err
    oneWrite = false
    // Within the time a cancel leaves to clean up: remote-dir must not stay missing.
    renamed = await pool.run(`${what} after a lost connection`, session => afterLost(session, s, err, log), {
      always: true
    })
  }
  const windowMs = Math.round(performance.now() - started)
  log.info(
    `Switched ${p.live} to ${rollback ? 'the previous release' : 'the new release'}: ${renamed} rename(s)${oneWrite ? ' in one write' : ''}, ${windowMs} ms`
  )
  return { mode: 'swap' as const, windowMs, renamed }
}

/** rollback: the previous release back in one write; fails, changing nothing, without one. */
export async function rollBack(
  pool: SessionPool,
  p: SwapPaths,
  log: Log,
  dryRun: boolean
): Promise<Cutover | undefined> {
  const exists = await present(pool, p)
  if (!exists(p.prev)) {
    throw new DeployError(
      `rollback: there is no previous release to put back (${p.prev} does not exist); nothing was changed`,
      {
        transient: false
      }
    )
  }
  if (!exists(p.live) && exists(p.next)) {
    // A switch cut between its renames: putting the previous release back is the rollback.
    if (dryRun) log.info(`Would put the previous release ${p.prev} back as ${p.live} (it is missing)`)
    return dryRun ? undefined : { mode: 'swap', windowMs: await putBackCut(pool, p, log), renamed: 1 }
  }
  if (exists(p.next)) {
    throw new DeployError(
      `rollback: the spare copy ${p.next} is in the way (remove it to roll back); nothing was changed`,
      {
        transient: false
      }
    )
  }
  if (dryRun) {
    log.info(`Would put the previous release ${p.prev} back as ${p.live}`)
    return undefined
  }
  return switchReleases(pool, p, exists(p.live), log, true)
}

/** A rollback's result: nothing uploaded, skipped or deleted; the switch back, and the listing after it. */
export function rolledBack(r: {
  settings: Pick<Settings, 'dryRun'>
  first: { tlsVersion: string; fingerprint: string }
  remoteRoot: string
  listing: ListingEntry[]
  cutover: Cutover | undefined
  durationMs: number
}): DeployResult {
  const nothing = { manifest: emptyManifest(), index: { files: new Map(), dirs: new Set<string>() }, rootExists: true }
  const plan = planDeploy(
    [],
    { ...nothing, abandoned: [] },
    { sync: 'changed', delete: false, remoteRoot: r.remoteRoot, home: '' }
  )
  const done = { steps: [], uploaded: [], adopted: [], deleted: [], bytesUploaded: 0, cutover: r.cutover }
  return resultOf({ ...r, dryRun: r.settings.dryRun, plan, done, planned: [], applied: [] })
}
