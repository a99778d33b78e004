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

/**
 * The forms a secret takes in what the run emits: as sent, and as a Markdown table cell or a
 * one-line message shows it (`|` escaped, line breaks as spaces), which the runner's mask of
 * the raw value no longer matches.
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return []
  const forms = [secret, secret.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' '), secret.replace(/[\r\n]/g, ' ')]
  return [...new Set(forms)].sort((a, b) => b.length - a.length)
}

/** A log whose every line has the secrets replaced (server replies may echo a password). */
export function redactingLog(log: Log, secrets: readonly string[]): Log {
  const forms = secrets.flatMap(secretForms)
  if (forms.length === 0) return log
  const clean = (message: string): string => redact(message, forms)
  return {
    ...log,
    info: message => log.info(clean(message)),
    warning: message => log.warning(clean(message)),
    debug: message => log.debug(clean(message)),
    group: (name, fn) => log.group(clean(name), fn)
  }
}

/** Tells the connections' protocol logs apart. */
export function prefixed(log: Log, prefix: string): Log {
  return { ...log, debug: message => log.debug(prefix + message) }
}
