/**
 * `cutover: swap`'s switch when its write is lost (the connection drops, the run is cancelled):
 * how far it went shows in which of remote-dir, the spare copy and the previous release exist
 * beside it, and the switch is finished or undone from there, so remote-dir is never left
 * missing by a run that can still reach the server. And the repair a later run makes when an
 * earlier one could not: remote-dir missing with both the spare copy and the previous release
 * beside it (a switch cut between its two renames) gets the previous release back.
 */
import { posix } from 'node:path'
import { CancelledError, DeployError, describeError } from '../core/errors.js'
import type { Log } from '../core/log.js'
import type { RemoteSession, Rename } from '../core/remote-session.js'
import type { SwapPaths } from '../core/swap-paths.js'
import type { SessionPool } from '../session/pool.js'
import { isRefusal } from '../session/refusals.js'

/** One switch: remote-dir (where it exists) goes `aside`, `back` becomes remote-dir. */
export interface Switch {
  p: SwapPaths
  aside: string
  back: string
  liveExists: boolean
}

/** A refusal the switch answered itself (nothing changed, or put back): final, not in doubt. */
class SwitchRefused extends DeployError {}

/** The names in remote-dir's parent (a refused listing: none). */
export async function namesIn(session: RemoteSession, parent: string): Promise<Set<string>> {
  try {
    return new Set((await session.list(parent)).map(e => e.name))
  } catch (err) {
    if (isRefusal(err)) return new Set<string>()
    throw err
  }
}

/** The switch's renames in one write; a refused second one is undone at once. Returns how many. */
export async function switchOnce(session: RemoteSession, s: Switch): Promise<number> {
  const { p, aside, back, liveExists } = s
  const renames: Rename[] = [
    ...(liveExists ? [{ from: p.live, to: aside, clearFirst: false }] : []),
    { from: back, to: p.live, clearFirst: false }
  ]
  const done = await session.commit({ renames })
  const [first, second] = liveExists ? done.renames : [undefined, done.renames[0]]
  if (first !== undefined) throw new SwitchRefused(`Could not switch releases: ${first.message}`, first.details)
  if (second !== undefined) {
    const refused = new SwitchRefused(
      `Could not switch releases: ${second.message} (${p.live} was put back as it was)`,
      second.details
    )
    // A lost connection here leaves remote-dir aside: `afterLost` puts it back.
    if (liveExists)
      await session.rename(aside, p.live).catch((err: unknown) => {
        throw isRefusal(err) ? err : new Undo(refused)
      })
    throw refused
  }
  return renames.length
}

/** The second rename refused, and the connection lost while remote-dir was put back: to be undone. */
class Undo extends Error {
  constructor(readonly refused: SwitchRefused) {
    super(refused.message)
  }
}

/** Whether a failed switch may have left things half done (its write lost), rather than refused. */
export const inDoubt = (err: unknown): boolean => !(err instanceof SwitchRefused)

/**
 * After a lost switch (`err`), on a new connection: done (both renames went), half done (remote-dir
 * aside, the new one not yet in place), or not begun. Finished from there, or undone where the run
 * was cancelled or the second rename refused; remote-dir exists again either way. Returns the
 * renames of a finished switch; throws (the switch's failure) when undone or not begun.
 */
export async function afterLost(session: RemoteSession, s: Switch, err: unknown, log: Log): Promise<number> {
  const { p, aside, back, liveExists } = s
  const undo = err instanceof Undo || err instanceof CancelledError
  // Thrown where the switch is not done: final, or a retry would undo it again.
  const failed =
    err instanceof Undo
      ? err.refused
      : err instanceof CancelledError
        ? err
        : new DeployError(`Could not switch releases: ${describeError(err)}`, { transient: false }, { cause: err })
  const names = await namesIn(session, p.parent)
  const has = (path: string): boolean => names.has(posix.basename(path))
  const renamed = liveExists ? 2 : 1
  const lost = `The connection was lost during the switch (${describeError(err)})`
  if (has(p.live) && !has(back) && (!liveExists || has(aside))) {
    log.info(`${lost}, after its renames: ${p.live} is switched`)
    return renamed
  }
  if (liveExists && !has(p.live) && has(aside) && has(back)) {
    if (undo) {
      await session.rename(aside, p.live)
      log.warning(`${lost}, between its two renames: undone, ${aside} renamed back to ${p.live}`)
      throw failed
    }
    await session.rename(back, p.live).catch(async (refusal: unknown) => {
      if (!isRefusal(refusal)) throw refusal
      // Refused now: remote-dir as it was rather than missing.
      await session.rename(aside, p.live)
      throw new DeployError(
        `Could not switch releases: ${describeError(refusal)} (${p.live} was put back as it was)`,
        { transient: false },
        { cause: refusal }
      )
    })
    log.warning(`${lost}, between its two renames: finished, ${back} renamed to ${p.live}`)
    return renamed
  }
  if (has(back) && !has(aside) && has(p.live) === liveExists) {
    if (undo) throw failed
    log.warning(`${lost}, before its renames: sending them again`)
    return switchOnce(session, s)
  }
  const seen = [p.live, p.next, p.prev].filter(has)
  throw new DeployError(
    `${lost}, and what it left is not a switch's state (${seen.length === 0 ? 'none' : seen.join(', ')} of ${p.live}, ${p.next}, ${p.prev} exist): ` +
      'look on the server and rename the release wanted to remote-dir',
    { transient: false }
  )
}

/**
 * remote-dir missing with both the spare copy and the previous release beside it: an earlier
 * switch was cut between its two renames (a deploy's or a rollback's). The previous release goes
 * back to remote-dir (the site visitors had, or the release a rollback asked for); the spare copy
 * stays. Checked before each try, so a retry after a lost reply renames nothing twice. Returns
 * the rename's time.
 */
export async function putBackCut(pool: SessionPool, p: SwapPaths, log: Log): Promise<number> {
  log.warning(
    `${p.live} is missing, with both ${p.next} and ${p.prev} beside it: an earlier switch was cut between its two renames. ` +
      `Putting ${p.prev} back as ${p.live} (${p.next} stays the spare copy)`
  )
  return pool.run(`Putting ${p.prev} back as ${p.live}`, async session => {
    if ((await namesIn(session, p.parent)).has(posix.basename(p.live))) return 0
    const started = performance.now()
    await session.rename(p.prev, p.live)
    return Math.round(performance.now() - started)
  })
}
