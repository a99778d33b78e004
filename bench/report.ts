/** The benchmark's results: Markdown tables of medians with ratios, and the raw JSON. */
import type { ServerKind } from '../__tests__/harness/servers.js'
import type { ToolName } from './tools.js'

export interface Sample {
  seconds: number
  peakRssKiB?: number
  /** Ours only, from its --json output. */
  filesUploaded?: number
  filesSkipped?: number
  /** Control connections the tool uses at once. */
  connections?: number
  /** With --rtt: data connections that went through the latency proxy. */
  dataConnections?: number
}

export type Status = 'ok' | 'failed' | 'n/a' | 'not installed' | 'server missing'

export interface Cell {
  server: ServerKind
  /** 'small', 'large', 'redeploy' or 'scale-<files>'. */
  workload: string
  tool: ToolName
  status: Status
  /** Why it failed, is n/a, or is missing. */
  reason?: string
  /** A remark on a successful result (e.g. what our redeploy uploaded). */
  note?: string
  samples: Sample[]
  medianSeconds?: number
  /** The largest peak RSS over the runs. */
  peakRssKiB?: number
  files: number
  bytes: number
}

export interface Report {
  command: string
  startedAt: string
  finishedAt: string
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string }
  versions: Partial<Record<ToolName, string>>
  /** Our CLI bundle: its path, sha256 when the run started (runs use a copy), whether it was rebuilt meanwhile. */
  ourBundle: { path: string; sha256: string; changedDuringRun: boolean }
  repeats: number
  scaleRepeats: number
  invocations: Partial<Record<ToolName, string>>
  workloads: Record<string, string>
  notes: string[]
  /** With --rtt: the emulated link. */
  link?: { rttMs: number; rateBytesPerSecond?: number }
  results: Cell[]
}

export const SERVER_LABEL: Record<ServerKind, string> = {
  vsftpd: 'vsftpd 3.0.3 (TLS 1.3)',
  'vsftpd-tls12': 'vsftpd 3.0.3 (TLS 1.2)',
  'pure-ftpd': 'pure-ftpd 1.0.50',
  proftpd: 'ProFTPD',
  'vsftpd-implicit': 'vsftpd (implicit TLS)',
  'vsftpd-plain': 'vsftpd (plain)',
  'vsftpd-limited': 'vsftpd 3.0.3 (max_per_ip=2, dotfiles hidden)',
  'pure-ftpd-limited': 'pure-ftpd 1.0.50 (-C 2)',
  'proftpd-limited': 'ProFTPD (MaxClientsPerHost 2)',
  pyftpdlib: 'pyftpdlib 1.5.7',
  'windows-like': 'pyftpdlib 1.5.7 as a Windows server'
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fmtSeconds = (s: number): string => (s < 10 ? s.toFixed(2) : s.toFixed(1)) + ' s'
export const fmtMiB = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`
const mbps = (bytes: number, s: number): string => `${(bytes / 1e6 / s).toFixed(0)} MB/s`

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

/** One table per workload, one row per server, one column per tool. */
export function markdown(report: Report): string {
  const out: string[] = [
    '# ftps-deploy benchmark results',
    '',
    `Command: \`${report.command}\``,
    '',
    `Run ${report.startedAt} to ${report.finishedAt} on ${report.machine.cpus} × ${report.machine.cpuModel}, ` +
      `${report.machine.memoryGiB} GiB RAM, ${report.machine.os}, Node ${report.machine.node}. ` +
      linkText(report) +
      ', explicit FTPS with PROT P on every server.',
    '',
    'Each cell is the median wall time of the runs (spawn to exit, the whole tool process), each run into a fresh ' +
      "target dir and verified byte for byte on the server's disk afterwards. `×r` is the peer's time divided by " +
      'ours: above 1 means ours is faster. A run that fails or leaves a file missing or different is reported as ' +
      'failed (with the reason below the table) and not timed; a tool that fails is not repeated on that server.',
    ''
  ]
  const workloads = [...new Set(report.results.map(c => c.workload))]
  const tools = [...new Set(report.results.map(c => c.tool))]
  for (const workload of workloads.filter(w => !w.startsWith('scale-'))) {
    out.push(...workloadTable(report, workload, tools), '')
  }
  const scale = workloads.filter(w => w.startsWith('scale-'))
  if (scale.length > 0) out.push(...scaleTable(report, scale, tools), '')
  out.push(...targets(report), '')
  out.push('## Tools', '', '| tool | version | invocation |', '| --- | --- | --- |')
  for (const tool of tools) {
    out.push(`| ${tool} | ${escapeCell(report.versions[tool] ?? '')} | ${escapeCell(report.invocations[tool] ?? '')} |`)
  }
  out.push('')
  const rebuilt = report.ourBundle.changedDuringRun
    ? ' (rebuilt during the run; the runs used a copy taken at start)'
    : ''
  out.push(`Our bundle: ${report.ourBundle.path}, sha256 \`${report.ourBundle.sha256}\`${rebuilt}.`, '')
  for (const note of report.notes) out.push(`- ${note}`)
  return out.join('\n').trimEnd() + '\n'
}

function workloadTable(report: Report, workload: string, tools: ToolName[]): string[] {
  const cells = report.results.filter(c => c.workload === workload)
  const servers = [...new Set(cells.map(c => c.server))]
  const notes: string[] = []
  const noteIndex = new Map<string, number>()
  const footnote = (text: string): string => {
    let n = noteIndex.get(text)
    if (n === undefined) {
      notes.push(text)
      n = notes.length
      noteIndex.set(text, n)
    }
    return `[${n}]`
  }
  const lines = [
    `## ${workload}: ${report.workloads[workload] ?? ''} (median of ${report.repeats})`,
    '',
    `| server | ${tools.join(' | ')} |`,
    `| --- | ${tools.map(() => '---:').join(' | ')} |`
  ]
  for (const server of servers) {
    const ours = cells.find(c => c.server === server && c.tool === 'ours')
    const row = tools.map(tool => {
      const cell = cells.find(c => c.server === server && c.tool === tool)
      if (cell === undefined) return ''
      if (cell.status !== 'ok' || cell.medianSeconds === undefined) {
        // n/a and not-installed reasons are the same on every server: one footnote for all rows
        const where = cell.status === 'failed' ? ` on ${SERVER_LABEL[server]}` : ''
        return `${cell.status} ${footnote(`${tool}${where}: ${cell.reason ?? cell.status}`)}`
      }
      let text = fmtSeconds(cell.medianSeconds)
      if (workload === 'large' || workload === 'medium') text += `, ${mbps(cell.bytes, cell.medianSeconds)}`
      const trips = roundTripsPerFile(report, cell)
      if (trips !== undefined && workload !== 'large' && workload !== 'medium')
        text += `, ${trips.toFixed(1)} RT/file/conn`
      if (tool !== 'ours' && ours?.status === 'ok' && ours.medianSeconds !== undefined) {
        text += ` (×${(cell.medianSeconds / ours.medianSeconds).toFixed(2)})`
      }
      if (cell.note !== undefined) text += ` ${footnote(`${tool} on ${SERVER_LABEL[server]}: ${cell.note}`)}`
      return text
    })
    lines.push(`| ${SERVER_LABEL[server]} | ${row.join(' | ')} |`)
  }
  if (notes.length > 0) lines.push('', ...notes.map((n, i) => `${i + 1}. ${escapeCell(n)}`))
  return lines
}

function linkText(report: Report): string {
  const link = report.link
  if (link === undefined) return 'Loopback (127.0.0.1)'
  const rate = link.rateBytesPerSecond === undefined ? '' : `, ${link.rateBytesPerSecond / 1e6} MB/s each way`
  return (
    `Through bench/latency-proxy.ts on ::1: RTT ${link.rttMs} ms${rate} on the control port and every passive port ` +
    '(RT/file/conn = time × connections the tool uses / files / RTT: round trips each connection spends per file)'
  )
}

/** Time × connections / files / RTT: the round trips each connection spends per file. */
export function roundTripsPerFile(report: Report, cell: Cell): number | undefined {
  const connections = cell.samples[0]?.connections
  if (report.link === undefined || report.link.rttMs === 0 || connections === undefined) return undefined
  if (cell.medianSeconds === undefined) return undefined
  return (cell.medianSeconds * connections) / cell.files / (report.link.rttMs / 1000)
}

function scaleTable(report: Report, workloads: string[], tools: ToolName[]): string[] {
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
function targets(report: Report): string[] {
  const cells = report.results
  const find = (server: ServerKind, workload: string, tool: ToolName): Cell | undefined =>
    cells.find(c => c.server === server && c.workload === workload && c.tool === tool && c.status === 'ok')
  const verdict = (ours: number, target: number, basis: string): string =>
    `${fmtSeconds(ours)} vs target ≤ ${fmtSeconds(target)} (${basis}): ` +
    (ours <= target ? '**met**' : `not met, ×${(ours / target).toFixed(1)} over`)
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
