/** Where the engine reports what it does: @actions/core in the action, stderr in the CLI. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  /** False when debug messages go nowhere: the protocol log is then not even formatted. */
  readonly debugEnabled?: boolean
  /** Runs fn inside a collapsible log group named `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** After each file: how far the transfer is (a live bar in a terminal; optional). */
  progress?(done: Progress): void
}

export interface Progress {
  files: number
  totalFiles: number
  bytes: number
  totalBytes: number
}

/** Replaces every occurrence of a secret with *** (a second line of defence after setSecret). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter(s => s.length > 0).reduce((out, secret) => out.split(secret).join('***'), text)
}
