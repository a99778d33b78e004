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

/** Turns anything thrown into a one-line message (a catch that also handles non-Errors). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message
  return typeof err === 'string' ? err : `Unexpected failure: ${JSON.stringify(err)}`
}
