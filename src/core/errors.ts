/** Bad input: the run ends with exit code 2 before any connection is made. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** What went wrong during a deploy, with the server's reply when there was one. */
export interface DeployErrorDetails {
  /** Local-relative path of the file being transferred, if any. */
  file?: string
  /** The FTP command that failed, e.g. `PROT P` or `STOR`. Never carries a password. */
  command?: string
  /** The server's reply code, e.g. 534. */
  code?: number
  /** The server's reply text. */
  reply?: string
  /** A retry on a fresh connection may succeed (a dropped connection, a timeout, a 4xx). */
  transient?: boolean
  /**
   * The run stops at once, whatever else it has in hand: no retry, no fallback, no further step
   * (a certificate that is not the pinned one on a data connection).
   */
  fatal?: boolean
  /**
   * The try got somewhere before it failed (renames in doubt settled): its retry is not counted
   * against `retries`, so a network that cuts every connection after a while still gets through.
   */
  progressed?: boolean
}

/** A deploy failure (exit code 1). The message names the file, command and reply. */
export class DeployError extends Error {
  readonly details: DeployErrorDetails

  constructor(message: string, details: DeployErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DeployError'
    this.details = details
  }
}

/** A step stopped by a cancel (or by the end of the time to clean up after one): final, said as it is. */
export class CancelledError extends DeployError {
  constructor(message: string) {
    super(message, { transient: false })
    this.name = 'CancelledError'
  }
}

/**
 * A server's refusal of a command (its reply code and text), as the transport reports it: the
 * layers above tell a refusal from a lost connection by this class, never by the protocol
 * library's own.
 */
export class ReplyError extends Error {
  constructor(
    readonly code: number,
    message: string
  ) {
    super(message)
    this.name = 'ReplyError'
  }
}

/** An upload the server holds fewer (or more) bytes of than were sent: worth a retry on a new connection. */
export function incomplete(name: string, held: number | string, sentSize: number): DeployError {
  return new DeployError(`Upload of ${name} is incomplete: the server holds ${held} of ${sentSize} bytes`, {
    file: name,
    command: 'SIZE',
    transient: true
  })
}

/** Turns anything thrown into a one-line message (a catch that also handles non-Errors). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message
  return typeof err === 'string' ? err : `Unexpected failure: ${JSON.stringify(err)}`
}
