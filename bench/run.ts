/**
 * `npm run bench`: issue 5's benchmark. Makes the workloads, starts the local test servers
 * through the test harness, runs our CLI bundle and the installed peers against each server,
 * verifies every result byte for byte on the server's disk, and reports medians and ratios.
 * See BENCHMARKS.md and `npm run bench -- --help`.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type FtpServer, serverMissing, startServer } from '../__tests__/harness/servers.js'
import { bundleFromRev, type OurBundle, prepareOurBundle, sha256 } from './bundles.js'
import { type LatencyProxy, startLatencyProxy } from './latency-proxy.js'
import { HELP, type Options, parseOptions } from './options.js'
import { type Cell, markdown, median, type Report, SERVER_LABEL } from './report.js'
import { describeWorkloads, makeTrees, type Series, seriesFor } from './series.js'
import { type RunOutcome, timedRun } from './timed-run.js'
import { baseBundle, ourBundle, ROOT, type Tool, type ToolName, TOOLS } from './tools.js'

const log = (line: string): void => {
  process.stdout.write(line + '\n')
}

export async function main(argv: string[]): Promise<number> {
  let options: Options | undefined
  try {
    options = parseOptions(argv)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}\n`)
    return 2
  }
  if (options === undefined) {
    log(HELP)
    return 0
  }
  const opts = options
  const startedAt = new Date()
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`
  const tmp = mkdtempSync(join(os.tmpdir(), 'ftps-bench-'))
  const active = new Set<FtpServer>()
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`\n${signal}: stopping ${active.size} server(s)`)
    void Promise.allSettled([...active].map(s => s.stop())).finally(() => {
      if (!opts.keep) rmSync(tmp, { recursive: true, force: true })
      process.exit(130)
    })
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const results: Cell[] = []
  const load = (): string =>
    os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')
  const notes: string[] = [`Load average (1/5/15 min) at start: ${load()}.`]
  let bundle: OurBundle | undefined
  let versions: Report['versions'] | undefined
  try {
    log(`${command}\nworkloads in ${tmp}`)
    bundle = prepareOurBundle(opts, join(tmp, 'ours-cli'))
    ourBundle.path = bundle.runPath
    log(`our CLI: ${bundle.label}, sha256 ${bundle.sha256}, run from ${bundle.runPath}`)
    if (opts.baseRev !== undefined) {
      const base = bundleFromRev(opts.baseRev, join(tmp, 'base-cli'))
      baseBundle.path = base.runPath
      log(`ours-base: ${base.label}, sha256 ${base.sha256}`)
    }
    versions = Object.fromEntries(
      opts.tools.map(t => [t, TOOLS[t].missing() === undefined ? TOOLS[t].version() : 'not installed'])
    )
    const trees = makeTrees(opts, tmp)
    const tools = opts.tools.map(name => TOOLS[name])
    const available = tools.filter(tool => {
      const missing = tool.missing()
      if (missing !== undefined) log(`skipping ${tool.name}: ${missing}`)
      return missing === undefined
    })
    if (!available.some(t => t.name === 'ours')) throw new Error(TOOLS.ours.missing())
    const servers = [...new Set([...opts.servers, ...(opts.workloads.includes('scale') ? opts.scaleServers : [])])]

    for (const kind of servers) {
      const series = seriesFor(kind, opts, trees, available)
      const missing = serverMissing(kind)
      if (missing !== undefined) {
        log(`skipping ${kind}: ${missing}`)
        notes.push(`Skipped ${SERVER_LABEL[kind]}: ${missing}`)
        continue
      }
      log(`\n== ${SERVER_LABEL[kind]}: starting`)
      const server = await startServer(kind)
      active.add(server)
      let link: LatencyProxy | undefined
      try {
        if (opts.rttMs !== undefined) {
          link = await startLatencyProxy({
            controlPort: server.port,
            passive: server.passivePorts,
            rttMs: opts.rttMs,
            rateBytesPerSecond: opts.rateBytesPerSecond
          })
          log(`through the latency proxy at [::1]:${link.port}, RTT ${opts.rttMs} ms${rateText(opts)}`)
        }
        for (const s of series) results.push(...(await runSeries(server, s, tools, tmp, link)))
      } finally {
        await link?.close()
        await server.stop()
        active.delete(server)
      }
    }
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    if (opts.keep) log(`kept ${tmp}`)
    else rmSync(tmp, { recursive: true, force: true })
  }

  notes.push(`Load average at the end: ${load()}.`)
  const report: Report = {
    command,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.versions.node
    },
    versions: versions ?? {},
    ourBundle: {
      path: bundle?.label ?? opts.ourCli,
      sha256: bundle?.sha256 ?? 'missing',
      changedDuringRun: bundle?.source !== undefined && sha256(bundle.source) !== bundle.sha256
    },
    repeats: opts.repeats,
    scaleRepeats: opts.scaleRepeats,
    invocations: Object.fromEntries(opts.tools.map(t => [t, TOOLS[t].invocation])),
    workloads: describeWorkloads(opts),
    notes,
    link: opts.rttMs === undefined ? undefined : { rttMs: opts.rttMs, rateBytesPerSecond: opts.rateBytesPerSecond },
    results
  }
  const md = markdown(report)
  log('\n' + md)
  writeResults(opts.outDir, report, md)
  const oursFailed = results.filter(c => c.tool === 'ours' && c.status === 'failed')
  if (oursFailed.length > 0) {
    log(
      `our deploy failed in ${oursFailed.length} series: ${oursFailed.map(c => `${c.server}/${c.workload}`).join(', ')}`
    )
    return 1
  }
  return 0
}

/** Runs every tool `repeats` times (tool order rotated per repeat), first deploys and redeploys. */
async function runSeries(
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
    bytes: tree.bytes
  })
  const first = new Map<ToolName, Cell>()
  const again = new Map<ToolName, Cell>()
  const runnable: Tool[] = []
  for (const tool of allTools) {
    if (series.key.startsWith('scale-') && !series.tools.includes(tool)) continue
    const cells = [first.set(tool.name, newCell(tool.name, series.key)).get(tool.name)!]
    if (series.redeploy)
      cells.push(again.set(tool.name, newCell(tool.name, series.redeployKey ?? 'redeploy')).get(tool.name)!)
    const missing = tool.missing()
    const na = tool.notApplicable(series.shape)
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
      const label = `[${server.kind}] ${series.key} ${rep}/${series.repeats} ${tool.name}`
      try {
        const outcome = await timedRun(tool, server, series, remoteName, false, tmp, link)
        if (series.recordFirst) record(firstCell, outcome, label)
        if (againCell !== undefined && againCell.status === 'ok') {
          if (!outcome.ok) fail(againCell, `the first deploy failed (${outcome.reason})`)
          else {
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
    log(`${label}: FAILED: ${outcome.reason}`)
    fail(cell, cell.samples.length > 0 ? `run ${cell.samples.length + 1}: ${outcome.reason}` : outcome.reason)
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

const rateText = (opts: Options): string =>
  opts.rateBytesPerSecond === undefined ? '' : `, ${opts.rateBytesPerSecond / 1e6} MB/s each way`

function writeResults(outDir: string, report: Report, md: string): void {
  const dir = resolve(ROOT, outDir)
  mkdirSync(dir, { recursive: true })
  const stamp = report.startedAt.replace(/[:.]/g, '-')
  const json = JSON.stringify(report, null, 2) + '\n'
  for (const name of [`bench-${stamp}`, 'latest']) {
    writeFileSync(join(dir, `${name}.json`), json)
    writeFileSync(join(dir, `${name}.md`), md)
  }
  log(`results written to ${join(dir, `bench-${stamp}.{md,json}`)} and latest.{md,json}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
      process.exit(1)
    }
  )
}
