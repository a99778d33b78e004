/**
 * `npm run bench`: issue 5's benchmark. Makes the workloads, starts the local test servers
 * through the test harness, runs our CLI bundle and the installed peers against each server,
 * verifies every result byte for byte on the server's disk, and reports medians and ratios.
 * See BENCHMARKS.md and `npm run bench -- --help`.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type FtpServer, type ServerKind, serverMissing, startServer } from '../__tests__/harness/servers.js'
import { execute, tail } from './exec.js'
import { HELP, type Options, parseOptions, type Workload } from './options.js'
import { type Cell, fmtMiB, fmtSeconds, markdown, median, type Report, type Sample, SERVER_LABEL } from './report.js'
import { baseBundle, ourBundle, ROOT, type RunSpec, type Shape, type Tool, type ToolName, TOOLS } from './tools.js'
import { makeLargeTree, makeSmallTree, type Tree } from './workloads.js'
import { listFiles, verifyTree } from './verify.js'

interface Series {
  /** Result key: 'small', 'large', 'scale-<n>'. */
  key: string
  tree: Tree
  shape: Shape
  tools: Tool[]
  repeats: number
  timeoutS: number
  /** Also time a no-change redeploy after each first deploy, under the key 'redeploy'. */
  redeploy: boolean
  /** Record the first deploys (false when only the redeploy was asked for). */
  recordFirst: boolean
  /** --concurrency for our CLI, when given. */
  concurrency: number | undefined
  maxRssMiB: number
}

type RunOutcome = { ok: true; sample: Sample; detail: string } | { ok: false; reason: string }

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
        for (const s of series) results.push(...(await runSeries(server, s, tools, tmp)))
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

interface OurBundle {
  /** What the report calls it. */
  label: string
  sha256: string
  /** The copy the runs use. */
  runPath: string
  /** The file it was copied from (none for a git revision). */
  source?: string
}

/**
 * Copies our CLI bundle into `dir` and runs it from there: the bundle may be rebuilt while the
 * benchmark runs (the engine is being worked on), and a run must not mix engines. With
 * --our-rev, the committed bundle of that revision is taken from git instead of the working tree.
 * The bundle's dir holds a package.json ({"type": "module"}) and a chunk loaded on demand
 * (@actions/glob), which must come along.
 */
function prepareOurBundle(opts: Options, dir: string): OurBundle {
  if (opts.ourRev !== undefined) return bundleFromRev(opts.ourRev, dir)
  mkdirSync(dir, { recursive: true })
  const source = resolve(ROOT, opts.ourCli)
  cpSync(dirname(source), dir, { recursive: true })
  return { label: relative(ROOT, source), sha256: sha256(source), runPath: join(dir, basename(source)), source }
}

/** dist/cli/ as committed in a git revision, copied into dir. */
function bundleFromRev(rev: string, dir: string): OurBundle {
  mkdirSync(dir, { recursive: true })
  const git = (args: string[]): Buffer =>
    execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 })
  const commit = git(['rev-parse', '--verify', `${rev}^{commit}`])
    .toString()
    .trim()
  const files = git(['ls-tree', '--name-only', commit, 'dist/cli/']).toString().trim().split('\n')
  for (const file of files) writeFileSync(join(dir, basename(file)), git(['show', `${commit}:${file}`]))
  const runPath = join(dir, 'index.js')
  return {
    label: `dist/cli/index.js as committed in ${rev} (${commit.slice(0, 12)})`,
    sha256: sha256(runPath),
    runPath
  }
}

function makeTrees(opts: Options, tmp: string): Map<string, Tree> {
  const trees = new Map<string, Tree>()
  const started = Date.now()
  if (opts.workloads.includes('small') || opts.workloads.includes('redeploy')) {
    trees.set('small', makeSmallTree(join(tmp, 'small'), opts.smallFiles, opts.smallDirs))
  }
  if (opts.workloads.includes('large')) trees.set('large', makeLargeTree(join(tmp, 'large'), opts.largeBytes))
  if (opts.workloads.includes('scale')) {
    for (const n of opts.scaleSizes) {
      trees.set(`scale-${n}`, makeSmallTree(join(tmp, `scale-${n}`), n, Math.max(1, Math.round(n / 20))))
    }
  }
  const summary = [...trees].map(([k, t]) => `${k}: ${t.files} files, ${t.dirs} dirs, ${t.bytes} bytes`).join('; ')
  log(`made workloads in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`)
  return trees
}

function describeWorkloads(opts: Options): Record<string, string> {
  const d: Record<string, string> = {
    small: `${opts.smallFiles.toLocaleString('en-US')} files × 4 KiB of random bytes in ${opts.smallDirs} directories`,
    redeploy: `the same ${opts.smallFiles.toLocaleString('en-US')} files deployed again into the same target, nothing changed`,
    large: `one file of ${(opts.largeBytes / 1e6).toLocaleString('en-US')} MB of random bytes`
  }
  for (const n of opts.scaleSizes) d[`scale-${n}`] = `${n} files × 4 KiB in ${Math.round(n / 20)} directories`
  return d
}

function seriesFor(kind: ServerKind, opts: Options, trees: Map<string, Tree>, tools: Tool[]): Series[] {
  const series: Series[] = []
  const want = (w: Workload): boolean => opts.workloads.includes(w)
  if (opts.servers.includes(kind) && (want('small') || want('redeploy'))) {
    series.push({
      key: 'small',
      tree: trees.get('small')!,
      shape: 'tree',
      tools,
      repeats: opts.repeats,
      timeoutS: Math.max(opts.timeouts.small, opts.timeouts.redeploy),
      redeploy: want('redeploy'),
      recordFirst: want('small'),
      concurrency: opts.concurrency,
      maxRssMiB: opts.maxRssMiB
    })
  }
  if (opts.servers.includes(kind) && want('large')) {
    series.push({
      key: 'large',
      tree: trees.get('large')!,
      shape: 'single',
      tools,
      repeats: opts.repeats,
      timeoutS: opts.timeouts.large,
      redeploy: false,
      recordFirst: true,
      concurrency: opts.concurrency,
      maxRssMiB: opts.maxRssMiB
    })
  }
  if (opts.scaleServers.includes(kind) && want('scale')) {
    for (const n of opts.scaleSizes) {
      series.push({
        key: `scale-${n}`,
        tree: trees.get(`scale-${n}`)!,
        shape: 'tree',
        tools: opts.scalePeers ? tools : tools.filter(t => t.name === 'ours'),
        repeats: opts.scaleRepeats,
        timeoutS: opts.timeouts.scale,
        redeploy: false,
        recordFirst: true,
        concurrency: opts.concurrency,
        maxRssMiB: opts.maxRssMiB
      })
    }
  }
  return series
}

/** Runs every tool `repeats` times (tool order rotated per repeat), first deploys and redeploys. */
async function runSeries(server: FtpServer, series: Series, allTools: Tool[], tmp: string): Promise<Cell[]> {
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
    if (series.redeploy) cells.push(again.set(tool.name, newCell(tool.name, 'redeploy')).get(tool.name)!)
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
        const outcome = await timedRun(tool, server, series, remoteName, false, tmp)
        if (series.recordFirst) record(firstCell, outcome, label)
        if (againCell !== undefined && againCell.status === 'ok') {
          if (!outcome.ok) fail(againCell, `the first deploy failed (${outcome.reason})`)
          else record(againCell, await timedRun(tool, server, series, remoteName, true, tmp), label + ' redeploy')
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
  if (cell.tool === 'ours' && cell.workload === 'redeploy' && uploaded.length > 0) {
    const skipped = cell.samples.map(s => s.filesSkipped ?? 0)
    const same = new Set(uploaded).size === 1 && new Set(skipped).size === 1
    const counts = same
      ? `uploaded ${uploaded[0]} and skipped ${skipped[0]} of ${cell.files} files${uploaded.length > 1 ? ' in each run' : ''}`
      : `uploaded ${uploaded.join('/')} and skipped ${skipped.join('/')} of ${cell.files} files in its runs`
    cell.note = counts + (Math.max(...uploaded) > 0 ? ': the no-change redeploy uploaded files again' : '')
  }
}

async function timedRun(
  tool: Tool,
  server: FtpServer,
  series: Series,
  remoteName: string,
  redeploy: boolean,
  tmp: string
): Promise<RunOutcome> {
  const workDir = join(tmp, 'runs', `${server.kind}-${remoteName}${redeploy ? '-redeploy' : ''}`)
  mkdirSync(workDir, { recursive: true })
  const spec: RunSpec = {
    server,
    localDir: series.tree.dir,
    remoteName,
    redeploy,
    workDir,
    concurrency: series.concurrency
  }
  const limits = { timeoutMs: series.timeoutS * 1000, maxRssKiB: series.maxRssMiB * 1024 }
  const run = await execute(tool.command(spec), workDir, tool.name, limits)
  tool.after?.(spec)
  const output = tail(run.stderr, 2) || tail(run.stdout, 2)
  if (run.killedAtRssKiB !== undefined) {
    const done = listFiles(join(server.root, remoteName)).length
    return {
      ok: false,
      reason: `killed at ${fmtMiB(run.killedAtRssKiB)} resident (cap --max-rss-mb ${series.maxRssMiB}) after ${fmtSeconds(run.seconds)}, ${done} of ${series.tree.files} files on the server by then`
    }
  }
  if (run.timedOut) return { ok: false, reason: `timed out after ${series.timeoutS} s${output ? `: ${output}` : ''}` }
  if (run.code !== 0) return { ok: false, reason: `exit ${run.code ?? 'by signal'}: ${output || '(no output)'}` }
  const check = verifyTree(series.tree.dir, join(server.root, remoteName))
  if (!check.ok) return { ok: false, reason: `exit 0 but ${check.problem}` }
  const sample: Sample = { seconds: run.seconds, peakRssKiB: run.peakRssKiB }
  if (tool.name === 'ours') Object.assign(sample, ourCounts(run.stdout))
  const parts = [
    fmtSeconds(run.seconds),
    `verified ${check.files} files (${check.bytes} bytes)`,
    run.peakRssKiB === undefined ? undefined : `peak RSS ${fmtMiB(run.peakRssKiB)}`,
    sample.filesUploaded === undefined
      ? undefined
      : `it uploaded ${sample.filesUploaded}, skipped ${sample.filesSkipped ?? '?'}`
  ]
  return { ok: true, sample, detail: parts.filter(Boolean).join(', ') }
}

/** files-uploaded / files-skipped from the last JSON line of our CLI's --json output. */
function ourCounts(stdout: string): Pick<Sample, 'filesUploaded' | 'filesSkipped'> {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find(l => l.startsWith('{'))
  if (line === undefined) return {}
  try {
    const json = JSON.parse(line) as Record<string, unknown>
    const num = (v: unknown): number | undefined => (v === undefined || v === '' ? undefined : Number(v))
    return { filesUploaded: num(json['files-uploaded']), filesSkipped: num(json['files-skipped']) }
  } catch {
    return {}
  }
}

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

function sha256(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  } catch {
    return 'missing'
  }
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
