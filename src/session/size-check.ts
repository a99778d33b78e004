/** The size check after an upload: the server holds as many bytes as were sent. */
import { incomplete } from '../core/errors.js'
import type { RemoteSession } from '../core/remote-session.js'

export { incomplete }

/** SIZE of `path` must be `sentSize`; a server without SIZE (500, 502) is not checked here. */
export async function sizeCheck(session: RemoteSession, name: string, sentSize: number, path: string): Promise<void> {
  const size = await session.size(path)
  if (size !== undefined && size !== sentSize) throw incomplete(name, size, sentSize)
}
