/** One timed run of a tool: spawned, limited, its result verified on the server's disk. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FtpServer } from '../__tests__/harness/servers.js'
import { execute, tail } from './exec.js'
import type { LatencyProxy } from './latency-proxy.js'
import { fmtMiB, fmtSeconds, type Sample } from './report.js'
import type { Series } from './series.js'
import type { RunSpec, Tool } from './tool.js'
import { listFiles, verifyTree } from './verify.js'

/**
 * wrong: the run completed (exit 0) but its result on the server's disk is not the local tree
 * ('incorrect'), or it was stopped by the timeout ('timed out'): its time, for the table.
 */
export type RunOutcome =
  | { ok: true; sample: Sample; detail: string }
  | { ok: false; reason: string; wrong?: { status: 'incorrect' | 'timed out'; seconds: number } }

export async function timedRun(
  tool: Tool,
  server: FtpServer,
  series: Series,
  remoteName: string,
  redeploy: boolean,
  tmp: string,
  link: LatencyProxy | undefined,
  tree = series.tree
): Promise<RunOutcome> {
  const workDir = join(tmp, 'runs', `${server.kind}-${remoteName}${redeploy ? '-redeploy' : ''}`)
  mkdirSync(workDir, { recursive: true })
  const spec: RunSpec = {
    server,
    host: link?.host ?? server.host,
    port: link?.port ?? server.port,
    localDir: tree.dir,
    remoteName,
    redeploy,
    workDir,
    concurrency: series.concurrency,
    sync: series.sync
  }
  const timeoutS = redeploy ? (series.redeployTimeoutS ?? series.timeoutS) : series.timeoutS
  const limits = { timeoutMs: timeoutS * 1000, maxRssKiB: series.maxRssMiB * 1024 }
  link?.resetCounts()
  const run = await execute(tool.command(spec), workDir, tool.name, limits)
  tool.after?.(spec)
  const output = tail(run.stderr, 2) || tail(run.stdout, 2)
  if (run.killedAtRssKiB !== undefined) {
    const done = listFiles(join(server.root, remoteName)).length
    return {
      ok: false,
      reason: `killed at ${fmtMiB(run.killedAtRssKiB)} resident (cap --max-rss-mb ${series.maxRssMiB}) after ${fmtSeconds(run.seconds)}, ${done} of ${tree.files} files on the server by then`
    }
  }
  if (run.timedOut) {
    return {
      ok: false,
      reason: `stopped after ${timeoutS} s${output ? `: ${output}` : ''}`,
      wrong: { status: 'timed out', seconds: timeoutS }
    }
  }
  if (run.code !== 0) return { ok: false, reason: `exit ${run.code ?? 'by signal'}: ${output || '(no output)'}` }
  const check = verifyTree(tree.dir, join(server.root, remoteName))
  if (!check.ok) {
    return {
      ok: false,
      reason: `exit 0 but ${check.problem}`,
      wrong: { status: 'incorrect', seconds: run.seconds }
    }
  }
  const sample: Sample = { seconds: run.seconds, peakRssKiB: run.peakRssKiB, connections: tool.connections(spec) }
  if (link !== undefined) {
    // Each file's data must have crossed the link: else the tool bypassed it and its time says nothing.
    sample.dataConnections = link.dataConnections
    if (!redeploy && link.dataConnections < tree.files) {
      return {
        ok: false,
        reason: `its data bypassed the latency proxy (${link.dataConnections} data connections through it for ${tree.files} files)`
      }
    }
  }
  if (tool.name === 'ours') Object.assign(sample, ourCounts(run.stdout))
  const parts = [
    fmtSeconds(run.seconds),
    `verified ${check.files} files (${check.bytes} bytes)`,
    run.peakRssKiB === undefined ? undefined : `peak RSS ${fmtMiB(run.peakRssKiB)}`,
    link === undefined ? undefined : `${link.dataConnections} data connections through the proxy`,
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
