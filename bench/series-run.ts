/**
 * One series of the benchmark on one server (and link): every tool `repeats` times, each run
 * into a fresh target dir, first deploys and redeploys, results recorded into cells.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FtpServer } from '../__tests__/harness/servers.js'
import type { LatencyProxy } from './latency-proxy.js'
import { type Cell, median } from './report.js'
import type { Series } from './series.js'
import { type RunOutcome, timedRun } from './timed-run.js'
import type { Tool, ToolName } from './tool.js'

const log = (line: string): void => {
  process.stdout.write(line + '\n')
}

/** Runs every tool `repeats` times (tool order rotated per repeat), first deploys and redeploys. */
export async function runSeries(
  server: FtpServer,
  series: Series,
  allTools: Tool[],
  tmp: string,
  link: LatencyProxy | undefined
): Promise<Cell[]> {
  const { tree } = series
  const newCell = (tool: ToolName, workload: string): Cell => ({
    server: server.kind,
    workload,
    tool,
    status: 'ok',
    samples: [],
    files: tree.files,
    bytes: tree.bytes,
    rttMs: link?.rttMs
  })
  const first = new Map<ToolName, Cell>()
  const again = new Map<ToolName, Cell>()
  const runnable: Tool[] = []
  for (const tool of allTools) {
    if (series.key.startsWith('scale-') && !series.tools.includes(tool)) continue
    if (tool.syncOnly === true && series.sync !== true) continue
    const cells = [first.set(tool.name, newCell(tool.name, series.key)).get(tool.name)!]
    if (series.redeploy)
      cells.push(again.set(tool.name, newCell(tool.name, series.redeployKey ?? 'redeploy')).get(tool.name)!)
    const missing = tool.missing()
    const na = tool.notApplicable(series.shape, series.sync === true)
    if (missing !== undefined) cells.forEach(c => Object.assign(c, { status: 'not installed', reason: missing }))
    else if (na !== undefined) cells.forEach(c => Object.assign(c, { status: 'n/a', reason: na }))
    else runnable.push(tool)
  }

  for (let rep = 1; rep <= series.repeats; rep++) {
    const order = [...runnable.slice((rep - 1) % runnable.length), ...runnable.slice(0, (rep - 1) % runnable.length)]
    for (const tool of order) {
      const firstCell = first.get(tool.name)!
      const againCell = again.get(tool.name)
      const wanted = (series.recordFirst && firstCell.status === 'ok') || againCell?.status === 'ok'
      if (!wanted) continue
      const remoteName = `${tool.name}-${series.key}-${rep}`
      const at = link === undefined ? '' : ` RTT ${link.rttMs}`
      const label = `[${server.kind}${at}] ${series.key} ${rep}/${series.repeats} ${tool.name}`
      try {
        const firstLink = series.recordFirst ? link : undefined
        const outcome = await timedRun(tool, server, series, remoteName, false, tmp, firstLink)
        if (series.recordFirst) record(firstCell, outcome, label)
        else
          log(
            `${label} first deploy (untimed, straight to the server): ${outcome.ok ? outcome.detail : outcome.reason}`
          )
        if (againCell !== undefined && againCell.status === 'ok') {
          if (!outcome.ok) fail(againCell, `the first deploy failed (${outcome.reason})`)
          else {
            series.afterFirst?.(join(server.root, remoteName))
            const tree = series.checkout?.(join(tmp, 'checkout'))
            const outcome = await timedRun(tool, server, series, remoteName, true, tmp, link, tree)
            record(againCell, outcome, `${label} ${series.redeployKey ?? 'redeploy'}`)
          }
        }
      } finally {
        rmSync(join(server.root, remoteName), { recursive: true, force: true })
      }
    }
  }
  const cells = [...first.values()].filter(() => series.recordFirst).concat([...again.values()])
  for (const cell of cells) finish(cell)
  return cells
}

function record(cell: Cell, outcome: RunOutcome, label: string): void {
  if (!outcome.ok) {
    log(`${label}: ${outcome.wrong === undefined ? 'FAILED' : outcome.wrong.status.toUpperCase()}: ${outcome.reason}`)
    fail(cell, cell.samples.length > 0 ? `run ${cell.samples.length + 1}: ${outcome.reason}` : outcome.reason)
    // a result that is wrong, or a peer stopped by the timeout: its time is shown, never compared
    if (outcome.wrong !== undefined)
      Object.assign(cell, { status: outcome.wrong.status, wrongSeconds: outcome.wrong.seconds })
    return
  }
  cell.samples.push(outcome.sample)
  log(`${label}: ${outcome.detail}`)
}

function fail(cell: Cell, reason: string): void {
  cell.status = 'failed'
  cell.reason = reason
}

function finish(cell: Cell): void {
  if (cell.status !== 'ok') return
  if (cell.samples.length === 0) {
    fail(cell, 'no run completed')
    return
  }
  cell.medianSeconds = median(cell.samples.map(s => s.seconds))
  const rss = cell.samples.map(s => s.peakRssKiB).filter((k): k is number => k !== undefined)
  if (rss.length > 0) cell.peakRssKiB = Math.max(...rss)
  const uploaded = cell.samples.map(s => s.filesUploaded).filter((n): n is number => n !== undefined)
  if (cell.tool === 'ours' && cell.workload === 'everyday' && uploaded.length > 0) {
    cell.note = `uploaded ${uploaded.join('/')} files in its runs`
  } else if (cell.tool === 'ours' && cell.workload === 'redeploy' && uploaded.length > 0) {
    const skipped = cell.samples.map(s => s.filesSkipped ?? 0)
    const same = new Set(uploaded).size === 1 && new Set(skipped).size === 1
    const counts = same
      ? `uploaded ${uploaded[0]} and skipped ${skipped[0]} of ${cell.files} files${uploaded.length > 1 ? ' in each run' : ''}`
      : `uploaded ${uploaded.join('/')} and skipped ${skipped.join('/')} of ${cell.files} files in its runs`
    cell.note = counts + (Math.max(...uploaded) > 0 ? ': the no-change redeploy uploaded files again' : '')
  }
}
