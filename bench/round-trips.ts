/**
 * Round trips read from the times (issue 22 item 7): per server and tool, the round trips on a
 * run's critical path, per file and fixed, for ours and the peers alike (no tool's protocol log
 * is needed). A run's round trips are the seconds its median time grows by per second of RTT:
 * the slope of the time over the RTTs of the run (`--rtt 50,100,200`; CPU time and the tool's
 * start cancel out). With a single RTT it is time / RTT, which counts CPU time as round trips.
 * The first deploys of two trees of 4 KiB files split them: `few` (n files in one directory) and
 * `small` (N files, N/20 directories), per connection and file P = (S(N) − S(n)) × connections
 * / (N − n), fixed F = S(n) − P × n / connections (per-directory costs count as per file).
 */
import { type Cell, type Report, SERVER_LABEL } from './report.js'

/** Time × connections / files / RTT: the round trips each connection spends per file. */
export function roundTripsPerFile(cell: Cell): number | undefined {
  const connections = cell.samples[0]?.connections
  if (cell.rttMs === undefined || cell.rttMs === 0 || connections === undefined) return undefined
  if (cell.medianSeconds === undefined) return undefined
  return (cell.medianSeconds * connections) / cell.files / (cell.rttMs / 1000)
}

/** Seconds of run time per second of RTT over the ok cells given (one per RTT). */
export function slope(cells: Cell[]): { trips: number; points: number } | undefined {
  const points = cells
    .filter(c => c.status === 'ok' && c.medianSeconds !== undefined && c.rttMs !== undefined)
    .map(c => ({ x: c.rttMs! / 1000, y: c.medianSeconds! }))
  if (points.length === 0) return undefined
  if (points.length === 1) return points[0]!.x === 0 ? undefined : { trips: points[0]!.y / points[0]!.x, points: 1 }
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length
  const my = points.reduce((a, p) => a + p.y, 0) / points.length
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0)
  if (sxx === 0) return undefined
  return { trips: points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx, points: points.length }
}

const SPLIT = ['few', 'small'] as const
const WHOLE = ['redeploy', 'everyday'] as const

/** The table, when the run went through the latency proxy. */
export function roundTripTable(report: Report): string[] {
  const cells = report.results.filter(c => c.rttMs !== undefined && c.rttMs > 0)
  if (cells.length === 0) return []
  const rtts = [...new Set(report.results.map(c => c.rttMs).filter((r): r is number => r !== undefined))]
  const sized = (w: string): number | undefined => cells.find(c => c.workload === w)?.files
  const shown = [...SPLIT, ...WHOLE].filter(w => sized(w) !== undefined)
  const split = SPLIT.every(w => sized(w) !== undefined)
  const lines = [
    `## Round trips (issue 22 item 7): from the times at RTT ${rtts.join(', ')} ms`,
    '',
    rtts.filter(r => r > 0).length > 1
      ? "Round trips on each run's critical path = the slope of its median time over the RTTs (seconds per second of RTT)."
      : 'Round trips on each run = its median time / RTT (one RTT: CPU time and the tool starting count too).',
    split
      ? 'RT/file/conn and fixed RT split the first deploys of `few` and `small`: ' +
        'RT/file/conn = (RT small − RT few) × connections / (files small − files few), fixed RT = RT few − RT/file/conn × files few / connections.'
      : 'RT/file/conn and fixed RT need the first deploys of both `few` and `small` (`--workloads few,small,...`).',
    '',
    `| server | tool | conns | ${shown.map(w => `RT in all: ${w} (${sized(w)} files)`).join(' | ')} | RT/file/conn | fixed RT |`,
    `| --- | --- | ---: | ${shown.map(() => '---:').join(' | ')} | ---: | ---: |`
  ]
  const servers = [...new Set(cells.map(c => c.server))]
  const tools = [...new Set(cells.map(c => c.tool))]
  for (const server of servers) {
    for (const tool of tools) {
      const of = (w: string): Cell[] => cells.filter(c => c.server === server && c.tool === tool && c.workload === w)
      const trips = new Map(shown.map(w => [w, slope(of(w))]))
      if ([...trips.values()].every(t => t === undefined)) continue
      const conns = cells.find(c => c.server === server && c.tool === tool)?.samples[0]?.connections
      const [few, small] = [trips.get('few'), trips.get('small')]
      const [n, N] = [sized('few'), sized('small')]
      let perFile = ''
      let fixed = ''
      if (
        few !== undefined &&
        small !== undefined &&
        conns !== undefined &&
        n !== undefined &&
        N !== undefined &&
        N > n
      ) {
        const p = ((small.trips - few.trips) * conns) / (N - n)
        perFile = p.toFixed(1)
        fixed = (few.trips - (p * n) / conns).toFixed(0)
      }
      const row = shown.map(w => {
        const t = trips.get(w)
        if (t !== undefined) return t.trips.toFixed(0)
        const bad = of(w).find(c => c.status !== 'ok')
        return bad === undefined ? '' : bad.status
      })
      lines.push(`| ${SERVER_LABEL[server]} | ${tool} | ${conns ?? ''} | ${row.join(' | ')} | ${perFile} | ${fixed} |`)
    }
  }
  return lines
}
