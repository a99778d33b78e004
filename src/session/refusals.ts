/** Telling a server's refusal from a lost connection, and the best-effort steps built on that. */
import { DeployError, ReplyError } from '../core/errors.js'
import type { RemoteSession } from '../core/remote-session.js'

/** A refusal (5xx) of a rename, as opposed to a lost connection or a 4xx worth a retry. */
export function renameRefused(err: unknown): err is DeployError {
  return err instanceof DeployError && err.details.code !== undefined && err.details.code >= 500
}

/** Whether the server answered with a refusal (any reply code), rather than the connection failing. */
export const isRefusal = (err: unknown): boolean =>
  err instanceof ReplyError || (err instanceof DeployError && err.details.code !== undefined)

/**
 * True when done, false when the server refused (the file is not there, 550, or it would not):
 * for best-effort steps. A lost connection still throws.
 */
export async function quietly(action: Promise<void>): Promise<boolean> {
  return action.then(
    () => true,
    (err: unknown) => {
      if (isRefusal(err)) return false
      throw err
    }
  )
}

/** Creates one directory and, when this run created it, gives it `mode`. True if created. */
export async function makeDir(session: RemoteSession, path: string, mode: string | undefined): Promise<boolean> {
  const created = await session.makeDir(path)
  if (created && mode !== undefined) await session.chmod(path, mode)
  return created
}
