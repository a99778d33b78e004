/**
 * `max-delete`: the most files one run may delete. A plan over the limit, and over
 * DELETE_FLOOR files, fails before anything changes: the deploy of a wrong `local-dir` with
 * `delete: true` would otherwise empty the site. Pure: the plan's count against the manifest's.
 */
import { DeployError } from './errors.js'
import type { DeleteLimit } from './settings.js'

/** A plan may always delete this many files, whatever the limit says (a small site's cleanup). */
export const DELETE_FLOOR = 10

/** The limit in files, given how many the manifest lists; undefined: no limit (100%). */
export function deleteLimitOf(limit: DeleteLimit, listed: number): number | undefined {
  if ('count' in limit) return limit.count
  return limit.percent >= 100 ? undefined : Math.floor((limit.percent * listed) / 100)
}

/** Why a plan deleting `deletes` of the `listed` files may not go ahead, or undefined. */
export function overDeleteLimit(deletes: number, listed: number, limit: DeleteLimit): DeployError | undefined {
  const most = deleteLimitOf(limit, listed)
  if (most === undefined || deletes <= most || deletes <= DELETE_FLOOR) return undefined
  const allowed = 'count' in limit ? `${most}` : `${limit.percent}% of the ${listed} files the manifest lists: ${most}`
  return new DeployError(
    `The plan would delete ${deletes} files, more than max-delete allows (${allowed}); nothing was changed. ` +
      'Check local-dir and files, or raise max-delete (100% means no limit)',
    { transient: false }
  )
}
