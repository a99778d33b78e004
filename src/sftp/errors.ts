/**
 * The SFTP transport's boundary for errors: an SFTP status (RFC draft-ietf-secsh-filexfer-02,
 * section 7) becomes core's ReplyError with the FTP reply code the layers above already read
 * (550: no such file, refused; session.ts says 452 for a full disk), so the engine tells a refusal from a lost
 * connection the same way over both protocols. Anything else (the channel or the connection
 * gone) becomes a transient DeployError: a new session may get past it.
 */
import { DeployError, ReplyError } from '../core/errors.js'

/** SFTP status codes (SSH_FX_*). */
export const FX = {
  EOF: 1,
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  BAD_MESSAGE: 5,
  NO_CONNECTION: 6,
  CONNECTION_LOST: 7,
  OP_UNSUPPORTED: 8
} as const

const NAMES: Record<number, string> = {
  1: 'SSH_FX_EOF',
  2: 'SSH_FX_NO_SUCH_FILE',
  3: 'SSH_FX_PERMISSION_DENIED',
  4: 'SSH_FX_FAILURE',
  5: 'SSH_FX_BAD_MESSAGE',
  6: 'SSH_FX_NO_CONNECTION',
  7: 'SSH_FX_CONNECTION_LOST',
  8: 'SSH_FX_OP_UNSUPPORTED'
}

/** The SFTP status of a failed request, or undefined when the failure was not a status. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'number' && code >= 1 && code <= 31 ? code : undefined
}

/** A status reply as the text the layers above show: the server's words and the status name. */
export function statusText(err: Error, status: number): string {
  return `${err.message} (${NAMES[status] ?? `SFTP status ${status}`})`
}

/**
 * `err` as the layers above read it: a status as a ReplyError (550, 502 for an unsupported
 * request), a lost channel or connection as a transient DeployError naming `what`.
 */
export function translated(err: unknown, what: string): unknown {
  if (err instanceof DeployError || err instanceof ReplyError) return err
  const status = statusOf(err)
  if (status !== undefined && status !== FX.NO_CONNECTION && status !== FX.CONNECTION_LOST) {
    const text = statusText(err as Error, status)
    return new ReplyError(status === FX.OP_UNSUPPORTED ? 502 : 550, text)
  }
  const message = err instanceof Error ? err.message : String(err)
  return new DeployError(`${what}: ${message}`, { command: what.split(' ')[0], transient: true }, { cause: err })
}

/** A translated SSH_FX_NO_SUCH_FILE. */
export function noSuchFile(err: unknown): boolean {
  return err instanceof ReplyError && /SSH_FX_NO_SUCH_FILE/.test(err.message)
}
