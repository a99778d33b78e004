/**
 * Reads that ride in the login's write (issue 22) and lost the connection after the login went
 * through: openSession logs in once more without them.
 */
import { DeployError } from '../core/errors.js'
import type { ServerRecord } from '../core/server-record.js'
import type { BatchStopped } from './basic-ftp.js'
import { commandNamed } from './pipelining.js'

/**
 * The login went through and a read behind it lost the connection (a STAT reply too long for
 * the control connection, cut on the way): openSession logs in again without reads, listing
 * with LIST from then on where STAT's reply was too long, as the state read would have.
 */
export class LoginReadsLost extends DeployError {}

export function readsLost(err: BatchStopped, server: ServerRecord): LoginReadsLost {
  const message = `${commandNamed(err.command)} in the login's write: ${describeCause(err.cause)}`
  if (/exceeded maximum allowed size/.test(message)) server.statListsLost(message)
  return new LoginReadsLost(message, { command: commandNamed(err.command), transient: true }, { cause: err.cause })
}

const describeCause = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))
