/** The size check after an upload: the server holds as many bytes as were sent. */
import { DeployError } from '../core/errors.js'
import { RemoteSession } from '../ftp/session.js'

/** An upload the server holds fewer (or more) bytes of than were sent: worth a retry on a new connection. */
export function incomplete(name: string, held: number | string, sentSize: number): DeployError {
  return new DeployError(`Upload of ${name} is incomplete: the server holds ${held} of ${sentSize} bytes`, {
    file: name,
    command: 'SIZE',
    transient: true
  })
}

/** SIZE of `path` must be `sentSize`; a server without SIZE (500, 502) is not checked here. */
export async function sizeCheck(session: RemoteSession, name: string, sentSize: number, path: string): Promise<void> {
  const size = await session.size(path)
  if (size !== undefined && size !== sentSize) throw incomplete(name, size, sentSize)
}
