/** The size check after an upload: the server holds as many bytes as were sent. */
import { incomplete } from '../core/errors.js'
import type { RemoteSession } from '../core/remote-session.js'
import { isRefusal } from './refusals.js'

export { incomplete }

/** SIZE of `path` must be `sentSize`; a server without SIZE (500, 502) is not checked here. */
export async function sizeCheck(session: RemoteSession, name: string, sentSize: number, path: string): Promise<void> {
  const size = await session.size(path)
  if (size !== undefined && size !== sentSize) throw incomplete(name, size, sentSize)
}

/** SIZE of `path`, or undefined where the server does not say (no such file, no SIZE, a refusal). */
export async function sizeOf(session: RemoteSession, path: string): Promise<number | undefined> {
  try {
    return await session.size(path)
  } catch (err) {
    if (isRefusal(err)) return undefined
    throw err
  }
}
