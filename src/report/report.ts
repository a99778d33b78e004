/** What a deploy hands back: step outputs and the job summary (pure functions of the result). */
import { DeployResult } from '../core/result.js'
import { Outputs } from '../config/inputs.js'

/** The step outputs; `reportFile` is the report's path ('' when none was written). */
export function outputsOf(result: DeployResult, reportFile = ''): Record<string, string> {
  return {
    [Outputs.Listing]: JSON.stringify(result.listing),
    [Outputs.Uploaded]: JSON.stringify(result.uploaded),
    [Outputs.FilesUploaded]: String(result.uploaded.length),
    [Outputs.FilesSkipped]: String(result.filesSkipped),
    [Outputs.FilesDeleted]: String(result.deleted.length),
    [Outputs.BytesUploaded]: String(result.bytesUploaded),
    // Over SFTP the session's fingerprint is the host key's (SHA256:<base64>), not a certificate's.
    [Outputs.TlsFingerprint]: result.fingerprint.startsWith('SHA256:') ? '' : result.fingerprint,
    [Outputs.SshHostKey]: result.fingerprint.startsWith('SHA256:') ? result.fingerprint : '',
    [Outputs.ReportFile]: reportFile
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

function fileTable(title: string, paths: string[]): string[] {
  if (paths.length === 0) return []
  const rows = paths.slice(0, MAX_ROWS).map(path => `| \`${escapeCell(path)}\` |`)
  if (paths.length > MAX_ROWS) rows.push(`| … and ${paths.length - MAX_ROWS} more |`)
  return [`### ${title}`, '', '| path |', '| --- |', ...rows, '']
}

/** '1.5 MiB/s', from bytes over milliseconds. */
export function formatRate(bytes: number, ms: number): string {
  return ms <= 0 ? '-' : `${formatBytes(Math.round((bytes * 1000) / ms))}/s`
}

export function summaryMarkdown(result: DeployResult, host: string): string {
  const verb = result.dryRun ? 'would upload' : 'uploaded'
  return [
    `## ${result.dryRun ? 'FTPS deploy plan (dry run)' : 'FTPS deploy'}: ${host}:${result.remoteRoot}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Files ${verb} | ${result.uploaded.length} |`,
    `| Files skipped (unchanged) | ${result.filesSkipped} |`,
    ...(result.adopted.length > 0
      ? [
          `| Files ${result.dryRun ? 'to adopt' : 'adopted'} (already on the server; among the skipped) | ${result.adopted.length} |`
        ]
      : []),
    `| Files ${result.dryRun ? 'to delete' : 'deleted'} | ${result.deleted.length} |`,
    `| Bytes ${verb} | ${formatBytes(result.bytesUploaded)} (${result.bytesUploaded}) |`,
    `| Time | ${(result.durationMs / 1000).toFixed(1)} s |`,
    ...(result.dryRun
      ? [`| Steps planned | ${result.planned.length} |`]
      : [
          `| Throughput | ${formatRate(result.bytesUploaded, result.durationMs)} |`,
          `| Steps done | ${result.applied.length} of ${result.planned.length} planned |`
        ]),
    ...(result.cutover === undefined
      ? []
      : [`| Went live (cutover: ${result.cutover.mode}) | ${windowCell(result.cutover)} |`]),
    ...(result.fingerprint.startsWith('SHA256:')
      ? ['| Protocol | SFTP (SSH) |', `| SSH host key | \`${result.fingerprint}\` |`]
      : [
          `| TLS | ${result.tlsVersion === '' ? 'none (plain FTP)' : result.tlsVersion} |`,
          `| Certificate SHA-256 | ${result.fingerprint === '' ? '-' : `\`${result.fingerprint}\``} |`
        ]),
    '',
    ...fileTable(`Files ${verb}`, result.uploaded),
    ...fileTable(
      `Files ${result.dryRun ? 'that would be adopted' : 'adopted'} (already on the server)`,
      result.adopted
    ),
    ...fileTable(`Files ${result.dryRun ? 'that would be deleted' : 'deleted'}`, result.deleted)
  ].join('\n')
}

/** '12 file(s) renamed into place within 35 ms': the window visitors could see a mix of versions. */
function windowCell(cutover: NonNullable<DeployResult['cutover']>): string {
  if (cutover.windowMs === null) return 'nothing went live'
  return `${cutover.renamed} file(s) renamed into place within ${cutover.windowMs} ms`
}

export function failureMarkdown(message: string): string {
  return `## FTPS deploy failed\n\n> ${escapeCell(message)}\n`
}
