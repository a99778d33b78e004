/** The benchmark's results as Markdown: a table of medians with ratios per workload and RTT, then the verdicts. */
import { fmtSeconds, mbps, type Report, SERVER_LABEL } from './report.js'
import { roundTripTable, roundTripsPerFile } from './round-trips.js'
import { escapeCell, issue22Targets, scaleTable, targets } from './targets.js'
import type { ToolName } from './tool.js'

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
      'ours: above 1 means ours is faster. A run that fails is reported as failed and not timed; one that exits 0 ' +
      'but leaves a file missing, extra or different as incorrect, and one stopped by the timeout as "> S s", with ' +
      'their times but never compared (the reasons below the table); a tool that fails is not repeated on that server.',
    ''
  ]
  const workloads = [...new Set(report.results.map(c => c.workload))]
  const tools = [...new Set(report.results.map(c => c.tool))]
  const rtts = [...new Set(report.results.map(c => c.rttMs))]
  for (const workload of workloads.filter(w => !w.startsWith('scale-'))) {
    for (const rtt of rtts) out.push(...workloadTable(report, workload, rtt, tools), '')
  }
  const scale = workloads.filter(w => w.startsWith('scale-'))
  if (scale.length > 0) out.push(...scaleTable(report, scale, tools), '')
  out.push(...roundTripTable(report), '')
  out.push(...issue22Targets(report.results), '')
  if (rtts.includes(undefined)) out.push(...targets(report), '')
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

function workloadTable(report: Report, workload: string, rtt: number | undefined, tools: ToolName[]): string[] {
  const cells = report.results.filter(c => c.workload === workload && c.rttMs === rtt)
  if (cells.length === 0) return []
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
    `## ${workload}${rtt === undefined ? '' : ` at RTT ${rtt} ms`}: ${report.workloads[workload] ?? ''} (median of ${report.repeats})`,
    '',
    `| server | ${tools.join(' | ')} |`,
    `| --- | ${tools.map(() => '---:').join(' | ')} |`
  ]
  for (const server of servers) {
    const ours = cells.find(c => c.server === server && c.tool === 'ours')
    const row = tools.map(tool => {
      const cell = cells.find(c => c.server === server && c.tool === tool)
      if (cell === undefined) return ''
      if (cell.status === 'incorrect' || cell.status === 'timed out') {
        const ratio =
          ours?.medianSeconds === undefined ? '' : ` (×${(cell.wrongSeconds! / ours.medianSeconds).toFixed(2)})`
        const time =
          cell.status === 'incorrect' ? fmtSeconds(cell.wrongSeconds!) : `> ${fmtSeconds(cell.wrongSeconds!)}`
        const where = `${tool} on ${SERVER_LABEL[server]}: ${cell.reason ?? cell.status}`
        return `${cell.status}: ${time}${cell.status === 'timed out' ? ratio.replace('×', '> ×') : ''} ${footnote(where)}`
      }
      if (cell.status !== 'ok' || cell.medianSeconds === undefined) {
        // n/a and not-installed reasons are the same on every server: one footnote for all rows
        const where = cell.status === 'failed' ? ` on ${SERVER_LABEL[server]}` : ''
        return `${cell.status} ${footnote(`${tool}${where}: ${cell.reason ?? cell.status}`)}`
      }
      let text = fmtSeconds(cell.medianSeconds)
      if (workload === 'large' || workload === 'medium') text += `, ${mbps(cell.bytes, cell.medianSeconds)}`
      const trips = roundTripsPerFile(cell)
      if (trips !== undefined && !['large', 'medium', 'everyday'].includes(workload))
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
    `Through bench/latency-proxy.ts on ::1: RTT ${link.rttsMs.join(', ')} ms${rate} on the control port and every passive port ` +
    '(RT/file/conn = time × connections the tool uses / files / RTT: round trips each connection spends per file)'
  )
}
