/** What a deploy hands back: step outputs and the job summary (pure functions of the result). */
import { DeployResult } from './deploy.js'
import { Outputs } from './inputs.js'

export function outputsOf(result: DeployResult): Record<string, string> {
  return {
    [Outputs.Listing]: JSON.stringify(result.listing),
    [Outputs.Uploaded]: JSON.stringify(result.uploaded),
    [Outputs.FilesUploaded]: String(result.uploaded.length),
    [Outputs.FilesSkipped]: String(result.filesSkipped),
    [Outputs.FilesDeleted]: String(result.deleted.length),
    [Outputs.BytesUploaded]: String(result.bytesUploaded),
    [Outputs.TlsFingerprint]: result.fingerprint
  }
}

/** Human-readable byte count: 1536 -> '1.5 KiB'. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ')

/** Caps the file table so a big deploy's summary stays readable. */
const MAX_ROWS = 50

export function summaryMarkdown(result: DeployResult, host: string): string {
  const seconds = result.durationMs / 1000
  const verb = result.dryRun ? 'would upload' : 'uploaded'
  const lines = [
    `## ${result.dryRun ? 'FTPS deploy plan (dry run)' : 'FTPS deploy'}: ${host}:${result.remoteRoot}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Files ${verb} | ${result.uploaded.length} |`,
    `| Files skipped (unchanged) | ${result.filesSkipped} |`,
    `| Files ${result.dryRun ? 'to delete' : 'deleted'} | ${result.deleted.length} |`,
    `| Bytes ${verb} | ${formatBytes(result.bytesUploaded)} (${result.bytesUploaded}) |`,
    `| Time | ${seconds.toFixed(1)} s |`,
    `| TLS | ${result.tlsVersion === '' ? 'none (plain FTP)' : result.tlsVersion} |`,
    `| Certificate SHA-256 | ${result.fingerprint === '' ? '-' : `\`${result.fingerprint}\``} |`,
    ''
  ]
  if (result.uploaded.length > 0) {
    lines.push(`### Files ${verb}`, '', '| path |', '| --- |')
    for (const path of result.uploaded.slice(0, MAX_ROWS)) lines.push(`| \`${escapeCell(path)}\` |`)
    if (result.uploaded.length > MAX_ROWS) lines.push(`| … and ${result.uploaded.length - MAX_ROWS} more |`)
    lines.push('')
  }
  if (result.deleted.length > 0) {
    lines.push(`### Files ${result.dryRun ? 'that would be deleted' : 'deleted'}`, '', '| path |', '| --- |')
    for (const path of result.deleted.slice(0, MAX_ROWS)) lines.push(`| \`${escapeCell(path)}\` |`)
    if (result.deleted.length > MAX_ROWS) lines.push(`| … and ${result.deleted.length - MAX_ROWS} more |`)
    lines.push('')
  }
  return lines.join('\n')
}

export function failureMarkdown(message: string): string {
  return `## FTPS deploy failed\n\n> ${escapeCell(message)}\n`
}
