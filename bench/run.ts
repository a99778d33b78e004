/**
 * `npm run bench`: issue 5's benchmark. Makes the workloads, starts the local test servers
 * through the test harness, runs our CLI bundle and the installed peers against each server,
 * verifies every result byte for byte on the server's disk, and reports medians and ratios.
 * See BENCHMARKS.md and `npm run bench -- --help`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type FtpServer, serverMissing, startServer } from '../__tests__/harness/servers.js'
import { bundleFromRev, type OurBundle, prepareOurBundle, sha256 } from './bundles.js'
import { type LatencyProxy, startLatencyProxy } from './latency-proxy.js'
import { HELP, type Options, parseOptions } from './options.js'
import { markdown } from './markdown.js'
import { type Cell, type Report, SERVER_LABEL } from './report.js'
import { describeWorkloads, makeTrees, seriesFor } from './series.js'
import { runSeries } from './series-run.js'
import { baseBundle, ourBundle, ROOT, TOOLS } from './tools.js'

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
      try {
        // Loopback, or each RTT in turn through its own latency proxy
        for (const rttMs of opts.rtts.length === 0 ? [undefined] : opts.rtts) {
          let link: LatencyProxy | undefined
          try {
            if (rttMs !== undefined) {
              link = await startLatencyProxy({
                controlPort: server.port,
                passive: server.passivePorts,
                rttMs,
                rateBytesPerSecond: opts.rateBytesPerSecond
              })
              log(`through the latency proxy at [::1]:${link.port}, RTT ${rttMs} ms${rateText(opts)}`)
            }
            for (const s of series) results.push(...(await runSeries(server, s, tools, tmp, link)))
          } finally {
            await link?.close()
          }
        }
      } finally {
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
    link: opts.rtts.length === 0 ? undefined : { rttsMs: opts.rtts, rateBytesPerSecond: opts.rateBytesPerSecond },
    results
  }
  const md = markdown(report)
  log('\n' + md)
  writeResults(opts.outDir, report, md)
  const oursFailed = results.filter(c => c.tool === 'ours' && ['failed', 'incorrect', 'timed out'].includes(c.status))
  if (oursFailed.length > 0) {
    log(
      `our deploy failed in ${oursFailed.length} series: ${oursFailed.map(c => `${c.server}/${c.workload}`).join(', ')}`
    )
    return 1
  }
  return 0
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
