/**
 * The CLI's log on stderr. On a terminal one progress bar (files, bytes, rate, time left),
 * redrawn at most REDRAW_MS apart, with other lines printed above it; without one (CI logs,
 * pipes) a progress line every LINE_MS and at the end. Levels: --quiet keeps warnings, errors
 * and the last lines; the default adds phases and steps (a terminal shows the bar in place of
 * the per-file steps); --verbose shows every step on a terminal too, and the protocol log.
 */
import { Log, Progress, redact } from './core/log.js'
import { progressBar, progressFigures } from './report/progress-text.js'

/** A terminal redraws its bar at most 4 times a second. */
export const REDRAW_MS = 250
/** Without a terminal, a progress line at most this often (and once at the end). */
export const LINE_MS = 5000

export type Level = 'quiet' | 'normal' | 'verbose'

/** The words a finished step's line starts with (plan-text.ts): on a terminal the bar says it. */
const STEP_LINE = /^(uploaded|adopted|deleted|created directory|removed directory|removed leftover|wrote the manifest) /

export interface CliLog extends Log {
  /** An error or a last line: shown at every level, below the bar, which it clears. */
  always(line: string): void
  /** Stops the redraws and clears the bar. */
  end(): void
}

export function cliLog(
  level: Level,
  secrets: () => string[],
  out: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now
): CliLog {
  const live = out.isTTY === true
  let barShown = false
  let last: Progress | undefined
  let started = 0
  let drawnAt = -Infinity
  let ticker: NodeJS.Timeout | undefined
  const clean = (line: string): string => redact(line, secrets())
  const clearBar = (): void => {
    if (barShown) out.write('\r\x1b[K')
    barShown = false
  }
  const draw = (): void => {
    if (last === undefined) return
    drawnAt = now()
    if (live) {
      // One row: a bar that wrapped would leave its first row behind at each redraw.
      const bar = progressBar(last, drawnAt - started)
      out.write(`\r\x1b[K${out.columns > 1 ? bar.slice(0, out.columns - 1) : bar}`)
      barShown = true
    } else out.write(`Progress: ${progressFigures(last, drawnAt - started)}\n`)
  }
  const write = (line: string): void => {
    const wasShown = barShown
    clearBar()
    out.write(clean(line) + '\n')
    // Back below the line, within the redraw limit (else the clock's next tick draws it).
    if (wasShown && now() - drawnAt >= REDRAW_MS) draw()
  }
  const stop = (): void => {
    if (ticker !== undefined) clearInterval(ticker)
    ticker = undefined
  }
  const progress = (p: Progress): void => {
    if (last === undefined) {
      started = now()
      // Without a terminal, the first line after LINE_MS: '0/400 files' says nothing yet.
      if (!live) drawnAt = started
      // The figures move on while a big file goes: the clock keeps rate and time left current.
      ticker = setInterval(() => now() - drawnAt >= (live ? REDRAW_MS : LINE_MS) && draw(), live ? REDRAW_MS : LINE_MS)
      ticker.unref()
    }
    last = p
    if (p.files < p.totalFiles) {
      if (now() - drawnAt >= (live ? REDRAW_MS : LINE_MS)) draw()
      return
    }
    // The end: the last figures stay in the log, above what follows.
    stop()
    draw()
    if (live) out.write('\n')
    barShown = false
    last = undefined
  }
  return {
    info: message => {
      if (level === 'quiet' || (level === 'normal' && live && STEP_LINE.test(message))) return
      write(message)
    },
    progress: level === 'quiet' ? undefined : progress,
    warning: message => write(`warning: ${message}`),
    debug: message => {
      if (level === 'verbose') write(`debug: ${message}`)
    },
    debugEnabled: level === 'verbose',
    group: async (name, fn) => {
      if (level !== 'quiet') write(`== ${name}`)
      return fn()
    },
    always: line => {
      stop()
      clearBar()
      out.write(clean(line) + '\n')
    },
    end: () => {
      stop()
      clearBar()
    }
  }
}
