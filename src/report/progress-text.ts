/**
 * Progress and the last lines in words a person reads at a glance, as rclone prints them:
 * files, bytes in binary units, the rate, the time left; then what the run did, in how long.
 * Pure: the CLI's log (src/cli-log.ts) decides when to print them.
 */
import type { Progress } from '../core/log.js'
import { notDone, stepNames } from '../core/plan-text.js'
import type { DeployResult } from '../core/result.js'
import { formatBytes, formatRate } from './report.js'

/** '850 ms', '12.3 s', '2 min 05 s', '1 h 02 min'. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

/** '177/400 files, 17.2 MiB of 24.5 MiB, 2.1 MiB/s, 4.0 s left' (no time left until a byte went). */
export function progressFigures(p: Progress, elapsedMs: number): string {
  const figures = [
    `${p.files}/${p.totalFiles} files`,
    `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`,
    formatRate(p.bytes, elapsedMs)
  ]
  if (p.files < p.totalFiles && p.bytes > 0 && elapsedMs > 0) {
    figures.push(`${formatDuration(((p.totalBytes - p.bytes) * elapsedMs) / p.bytes)} left`)
  }
  return figures.join(', ')
}

/** A bar of `width` cells, then the figures: '[#####.....] 177/400 files, ...'. */
export function progressBar(p: Progress, elapsedMs: number, width = 20): string {
  const part = p.totalBytes === 0 ? (p.totalFiles === 0 ? 1 : p.files / p.totalFiles) : p.bytes / p.totalBytes
  const filled = Math.min(width, Math.floor(part * width))
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${progressFigures(p, elapsedMs)}`
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Names shown in the not-done line before 'and N more'. */
const MAX_NAMED = 10

/** The run's last lines: what it did, in how long, at what rate; the cutover; what it left undone. */
export function lastLines(r: DeployResult): string[] {
  const size = formatBytes(r.bytesUploaded)
  const adopted = r.adopted.length > 0 ? ` (${r.adopted.length} of them adopted)` : ''
  if (r.dryRun) {
    return [
      `Dry run: would upload ${plural(r.uploaded.length, 'file')} (${size}), skip ${r.filesSkipped} unchanged${adopted}, ` +
        `delete ${r.deleted.length}; nothing was changed (${formatDuration(r.durationMs)})`
    ]
  }
  const lines = [
    `Uploaded ${plural(r.uploaded.length, 'file')} (${size}), skipped ${r.filesSkipped} unchanged${adopted}, ` +
      `deleted ${r.deleted.length}, in ${formatDuration(r.durationMs)} at ${formatRate(r.bytesUploaded, r.durationMs)}`
  ]
  if (r.cutover !== undefined) {
    const { mode, windowMs, renamed } = r.cutover
    const window = windowMs === null ? 'no switch-over window' : `switched over within ${formatDuration(windowMs)}`
    lines.push(`Cutover ${mode}: ${window}, ${plural(renamed, 'rename')}`)
  }
  const missing = notDone(r.planned, r.applied)
  if (missing.length > 0) lines.push(`Planned but not done: ${stepNames(missing, MAX_NAMED)}`)
  return lines
}
