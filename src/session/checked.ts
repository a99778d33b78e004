/**
 * A file checked under its temporary name whose rename has not been carried yet: the state
 * between "uploaded and checked" and "live" (the replacer's `checked`; `cutover: end` will hold
 * files in it until its burst). And how a failure on its way to live is named after it.
 */
import { DeployError, describeError, ReplyError } from '../core/errors.js'
import type { LocalSource, RemoteSession, Sent, UploadChecks } from '../core/remote-session.js'

/** Writes carrying one file's rename that may be answered 4xx before its failure is final. */
export const RENAME_TRIES = 3

/** A file checked under its temporary name: live once a write carries its rename. */
export interface Checked {
  temp: string
  target: string
  name: string
  /** Writes the file again: in place (its rename refused), or anew (its rename in doubt). */
  again(session: RemoteSession, how: 'in place' | 'anew'): Promise<void>
  /** Called once, when the file is live under its name. */
  live(): void
  /** Writes that answered its rename with a 4xx. */
  tries: number
  /** A write that carried its rename was lost: the rename may have happened. */
  inDoubt: boolean
  /** What was sent (and checked under the temporary name): its size and SHA-256. */
  sent: Sent
}

/** What a checked file is made of: how to send it again. */
export interface Pending {
  temp: string
  source: LocalSource | Buffer
  target: string
  checks: UploadChecks
  live: () => void
  /** What was sent (and checked under the temporary name). */
  sent: Sent
}

/** A failure while putting a checked file in place, named after that file (not the upload whose write carried it). */
export function ofFile(err: unknown, name: string, progressed = false): unknown {
  if (err instanceof DeployError && err.details.file !== undefined && !progressed) return err
  const details =
    err instanceof DeployError ? err.details : err instanceof ReplyError ? { code: err.code, reply: err.message } : {}
  const message = err instanceof DeployError && err.details.file !== undefined ? err.message : undefined
  return new DeployError(
    message ?? `Putting ${name} in place failed: ${describeError(err)}`,
    { ...details, file: details.file ?? name, ...(progressed && { progressed }) },
    { cause: err }
  )
}
