/**
 * The report's verdicts: issue 22's "Done when" targets (over the latency proxy and on
 * loopback), issue 5's targets and the scale table (loopback), each against peers of the same run.
 */
import type { ServerKind } from '../__tests__/harness/servers.js'
import { type Cell, fmtMiB, fmtSeconds, type Report, SERVER_LABEL } from './report.js'
import type { ToolName } from './tool.js'

export const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

const verdict = (ours: number, target: number, basis: string): string =>
  `${fmtSeconds(ours)} vs target ≤ ${fmtSeconds(target)} (${basis}): ` +
  (ours <= target ? '**met**' : `not met, ×${(ours / target).toFixed(1)} over`)

/**
 * Issue 22, per server and link: the first deploy of `small` at least 2× `lftp -P4` over latency
 * (1.2× the best peer on loopback), the no-change redeploy at most ½ the best peer's time, the
 * everyday redeploy at most ¼ the best correct peer's. Peers are everything but ours and
 * ours-base; an incorrect or timed-out peer is no basis.
 */
export function issue22Targets(results: Cell[]): string[] {
  const rows: string[] = []
  const keys = [...new Set(results.map(c => `${c.server}\u0000${c.rttMs ?? ''}`))]
  for (const key of keys) {
    const [server, rttText] = key.split('\u0000') as [ServerKind, string]
    const rtt = rttText === '' ? undefined : Number(rttText)
    const here = results.filter(c => c.server === server && c.rttMs === rtt)
    const judge = (workload: string, rule: (peers: Cell[]) => { target: number; basis: string } | string): string => {
      const cells = here.filter(c => c.workload === workload)
      if (cells.length === 0) return 'not run'
      const ours = cells.find(c => c.tool === 'ours')
      if (ours?.status !== 'ok' || ours.medianSeconds === undefined) return `ours ${ours?.status ?? 'not run'}`
      const peers = cells.filter(c => c.tool !== 'ours' && c.tool !== 'ours-base' && c.status === 'ok')
      const t = rule(peers.filter(c => c.medianSeconds !== undefined))
      return typeof t === 'string' ? t : verdict(ours.medianSeconds, t.target, t.basis)
    }
    const best = (peers: Cell[]): Cell | undefined =>
      peers.length === 0 ? undefined : peers.reduce((a, b) => (a.medianSeconds! <= b.medianSeconds! ? a : b))
    const share = (factor: number, what: string) => (peers: Cell[]) => {
      const b = best(peers)
      if (b === undefined) return `no ${what} completed`
      return { target: b.medianSeconds! / factor, basis: `${b.tool} ${fmtSeconds(b.medianSeconds!)} / ${factor}` }
    }
    const small =
      rtt === undefined
        ? judge('small', share(1.2, 'peer'))
        : judge('small', peers => {
            const l = peers.find(c => c.tool === 'lftp')
            return l === undefined
              ? 'lftp did not complete'
              : { target: l.medianSeconds! / 2, basis: `lftp ${fmtSeconds(l.medianSeconds!)} / 2` }
          })
    const cols = [small, judge('redeploy', share(2, 'peer')), judge('everyday', share(4, 'correct peer'))]
    if (cols.every(c => c === 'not run')) continue
    rows.push(`| ${SERVER_LABEL[server]} | ${rtt === undefined ? 'loopback' : `${rtt} ms`} | ${cols.join(' | ')} |`)
  }
  if (rows.length === 0) return []
  return [
    '## Targets (issue 22, "Done when")',
    '',
    '| server | RTT | small: ≥ 2× lftp -P4 (loopback: ≥ 1.2× the best peer) | redeploy: ≤ ½ the best peer | everyday: ≤ ¼ the best correct peer |',
    '| --- | --- | --- | --- | --- |',
    ...rows
  ]
}

export function scaleTable(report: Report, workloads: string[], tools: ToolName[]): string[] {
  const cells = report.results.filter(c => workloads.includes(c.workload))
  const peers = tools.filter(t => t !== 'ours' && cells.some(c => c.tool === t && c.status === 'ok'))
  const lines = [
    `## scale: many 4 KiB files, 20 per directory (median of ${report.scaleRepeats})`,
    '',
    `| server | files | ours | ours per 1000 files | ours peak RSS |${peers.map(p => ` ${p} |`).join('')}`,
    `| --- | ---: | ---: | ---: | ---: |${peers.map(() => ' ---: |').join('')}`
  ]
  const notes: string[] = []
  for (const server of [...new Set(cells.map(c => c.server))]) {
    const ours = cells.filter(c => c.server === server && c.tool === 'ours')
    for (const cell of ours) {
      const files = cell.files
      const ok = cell.status === 'ok' && cell.medianSeconds !== undefined
      const peerCells = peers.map(p => {
        const pc = cells.find(c => c.server === server && c.tool === p && c.workload === cell.workload)
        if (pc?.status !== 'ok' || pc.medianSeconds === undefined) return pc?.status ?? ''
        const ratio = ok ? ` (×${(pc.medianSeconds / cell.medianSeconds!).toFixed(2)})` : ''
        return fmtSeconds(pc.medianSeconds) + ratio
      })
      lines.push(
        `| ${SERVER_LABEL[server]} | ${files.toLocaleString('en-US')} | ${ok ? fmtSeconds(cell.medianSeconds!) : `${cell.status}: ${escapeCell(cell.reason ?? '')}`} | ` +
          `${ok ? fmtSeconds((cell.medianSeconds! / files) * 1000) : ''} | ${cell.peakRssKiB === undefined ? '' : fmtMiB(cell.peakRssKiB)} |` +
          peerCells.map(p => ` ${p} |`).join('')
      )
    }
    const done = ours.filter(c => c.status === 'ok' && c.medianSeconds !== undefined).sort((a, b) => a.files - b.files)
    if (done.length >= 2) {
      const [lo, hi] = [done[0]!, done[done.length - 1]!]
      const rss =
        lo.peakRssKiB !== undefined && hi.peakRssKiB !== undefined
          ? `, peak RSS ×${(hi.peakRssKiB / lo.peakRssKiB).toFixed(2)}`
          : ''
      notes.push(
        `${SERVER_LABEL[server]}: ${hi.files} vs ${lo.files} files (×${(hi.files / lo.files).toFixed(1)}): ` +
          `time ×${(hi.medianSeconds! / lo.medianSeconds!).toFixed(2)}${rss}.`
      )
    }
  }
  if (notes.length > 0) lines.push('', ...notes)
  return lines
}

/** Issue 5's targets, met or the measured gap, per server. */
export function targets(report: Report): string[] {
  // issue 5's targets are for loopback
  const cells = report.results.filter(c => c.rttMs === undefined)
  const find = (server: ServerKind, workload: string, tool: ToolName): Cell | undefined =>
    cells.find(c => c.server === server && c.workload === workload && c.tool === tool && c.status === 'ok')
  const judge = (
    server: ServerKind,
    workload: string,
    against: () => { target: number; basis: string } | string
  ): string => {
    if (!cells.some(c => c.workload === workload)) return 'not run'
    const ours = cells.find(c => c.server === server && c.workload === workload && c.tool === 'ours')
    if (ours?.status !== 'ok' || ours.medianSeconds === undefined) return `ours ${ours?.status ?? 'not run'}`
    const t = against()
    return typeof t === 'string' ? t : verdict(ours.medianSeconds, t.target, t.basis)
  }
  const servers = [...new Set(cells.filter(c => !c.workload.startsWith('scale-')).map(c => c.server))]
  const lines = [
    '## Targets (issue 5)',
    '',
    '| server | small: ≤ ½ the fastest peer that completes | large: ≤ curl | redeploy: ≤ ½ ftp-deploy |',
    '| --- | --- | --- | --- |'
  ]
  for (const server of servers) {
    const small = judge(server, 'small', () => {
      const peers = cells.filter(c => c.server === server && c.workload === 'small' && c.tool !== 'ours')
      const done = peers.filter(c => c.status === 'ok' && c.medianSeconds !== undefined)
      if (done.length === 0) return 'no peer completed'
      const best = done.reduce((a, b) => (a.medianSeconds! <= b.medianSeconds! ? a : b))
      return { target: best.medianSeconds! / 2, basis: `½ × ${best.tool} ${fmtSeconds(best.medianSeconds!)}` }
    })
    const large = judge(server, 'large', () => {
      const c = find(server, 'large', 'curl')
      return c === undefined ? 'curl did not complete' : { target: c.medianSeconds!, basis: 'curl' }
    })
    const redeploy = judge(server, 'redeploy', () => {
      const c = find(server, 'redeploy', 'ftp-deploy')
      return c === undefined
        ? 'ftp-deploy did not complete'
        : { target: c.medianSeconds! / 2, basis: `½ × ftp-deploy ${fmtSeconds(c.medianSeconds!)}` }
    })
    lines.push(`| ${SERVER_LABEL[server]} | ${small} | ${large} | ${redeploy} |`)
  }
  const scaleServers = [...new Set(cells.filter(c => c.workload.startsWith('scale-')).map(c => c.server))]
  for (const server of scaleServers) {
    const ours = cells
      .filter(c => c.server === server && c.workload.startsWith('scale-') && c.tool === 'ours')
      .sort((a, b) => a.files - b.files)
    const failed = ours.filter(c => c.status !== 'ok')
    const parts = [
      failed.length === 0
        ? `every scale run completed (up to ${ours[ours.length - 1]?.files.toLocaleString('en-US')} files)`
        : `did not complete: ${failed.map(c => `${c.files} files (${c.reason ?? c.status})`).join(', ')}`
    ]
    const done = ours.filter(c => c.status === 'ok' && c.medianSeconds !== undefined)
    if (done.length >= 2) {
      const [lo, hi] = [done[0]!, done[done.length - 1]!]
      const perLo = lo.medianSeconds! / lo.files
      const perHi = hi.medianSeconds! / hi.files
      parts.push(
        `time per file ${(perLo * 1000).toFixed(1)} → ${(perHi * 1000).toFixed(1)} ms (${perHi / perLo <= 1.15 ? 'linear' : 'not linear'})`
      )
      if (lo.peakRssKiB !== undefined && hi.peakRssKiB !== undefined) {
        const growth = hi.peakRssKiB / lo.peakRssKiB
        parts.push(
          `peak RSS ${fmtMiB(lo.peakRssKiB)} → ${fmtMiB(hi.peakRssKiB)} (×${growth.toFixed(2)}: ${growth <= 1.25 ? 'flat' : 'not flat'})`
        )
      }
    }
    lines.push('', `Scale on ${SERVER_LABEL[server]}: ${parts.join('; ')}.`)
  }
  return lines
}
