/** The benchmark's workloads as series: which tree, on which servers, with which tools. */
import { join } from 'node:path'
import type { ServerKind } from '../__tests__/harness/servers.js'
import type { Options, Workload } from './options.js'
import type { Shape, Tool } from './tool.js'
import { backdate, makeCheckout, makeSiteTree, SITE_DIRS, SITE_FILES } from './everyday.js'
import { makeLargeTree, makeSmallTree, MEDIUM_FILE_BYTES, type Tree } from './workloads.js'

const log = (line: string): void => {
  process.stdout.write(line + '\n')
}

export interface Series {
  /** Result key: 'small', 'large', 'scale-<n>'. */
  key: string
  tree: Tree
  shape: Shape
  tools: Tool[]
  repeats: number
  timeoutS: number
  /** Also time a no-change redeploy after each first deploy, under the key 'redeploy'. */
  redeploy: boolean
  /**
   * Record the first deploys (false when only the redeploy was asked for). An unrecorded first
   * deploy goes straight to the server, not through the latency proxy (the everyday site's 2,000
   * files took minutes per peer through it); the timed redeploy goes through it.
   */
  recordFirst: boolean
  /** --concurrency for our CLI, when given. */
  concurrency: number | undefined
  maxRssMiB: number
  /** The redeploy's result key ('redeploy' unless set). */
  redeployKey?: string
  /** The redeploy's local tree, made fresh in `dir` right before each redeploy (else `tree` again). */
  checkout?: (dir: string) => Tree
  /** Tools run in their deleting sync mode. */
  sync?: boolean
  /** Run on the target on the server's disk after the untimed first deploy. */
  afterFirst?: (remoteDir: string) => void
  /** The redeploy's timeout in seconds (timeoutS when unset). */
  redeployTimeoutS?: number
}

export function makeTrees(opts: Options, tmp: string): Map<string, Tree> {
  const trees = new Map<string, Tree>()
  const started = Date.now()
  if (opts.workloads.includes('small') || opts.workloads.includes('redeploy')) {
    trees.set('small', makeSmallTree(join(tmp, 'small'), opts.smallFiles, opts.smallDirs))
  }
  if (opts.workloads.includes('few')) trees.set('few', makeSmallTree(join(tmp, 'few'), opts.fewFiles, 1))
  if (opts.workloads.includes('medium'))
    trees.set('medium', makeSmallTree(join(tmp, 'medium'), 50, 5, MEDIUM_FILE_BYTES))
  if (opts.workloads.includes('large')) trees.set('large', makeLargeTree(join(tmp, 'large'), opts.largeBytes))
  if (opts.workloads.includes('everyday')) trees.set('site', makeSiteTree(join(tmp, 'site'), opts.siteFiles))
  if (opts.workloads.includes('scale')) {
    for (const n of opts.scaleSizes) {
      trees.set(`scale-${n}`, makeSmallTree(join(tmp, `scale-${n}`), n, Math.max(1, Math.round(n / 20))))
    }
  }
  const summary = [...trees].map(([k, t]) => `${k}: ${t.files} files, ${t.dirs} dirs, ${t.bytes} bytes`).join('; ')
  log(`made workloads in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`)
  return trees
}

export function describeWorkloads(opts: Options): Record<string, string> {
  const d: Record<string, string> = {
    small: `${opts.smallFiles.toLocaleString('en-US')} files × 4 KiB of random bytes in ${opts.smallDirs} directories`,
    redeploy: `the same ${opts.smallFiles.toLocaleString('en-US')} files deployed again into the same target, nothing changed`,
    few: `${opts.fewFiles} files × 4 KiB of random bytes in one directory`,
    medium: `50 files × 1 MiB of random bytes in 5 directories`,
    large: `one file of ${(opts.largeBytes / 1e6).toLocaleString('en-US')} MB of random bytes`
  }
  const dirs = opts.siteFiles === SITE_FILES ? SITE_DIRS : Math.max(1, Math.round(opts.siteFiles / 20))
  d.everyday =
    `a ${opts.siteFiles.toLocaleString('en-US')}-file site (${dirs} dirs, 1-33 KiB each) redeployed from a fresh checkout ` +
    '(every mtime new): 10 files changed at the same size, 10 resized, 5 added, 5 deleted; deletion on'
  for (const n of opts.scaleSizes) d[`scale-${n}`] = `${n} files × 4 KiB in ${Math.round(n / 20)} directories`
  return d
}

export function seriesFor(kind: ServerKind, opts: Options, trees: Map<string, Tree>, tools: Tool[]): Series[] {
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
  if (opts.servers.includes(kind) && want('few')) {
    series.push({
      key: 'few',
      tree: trees.get('few')!,
      shape: 'tree',
      tools,
      repeats: opts.repeats,
      timeoutS: opts.timeouts.few,
      redeploy: false,
      recordFirst: true,
      concurrency: opts.concurrency,
      maxRssMiB: opts.maxRssMiB
    })
  }
  if (opts.servers.includes(kind) && want('medium')) {
    series.push({
      key: 'medium',
      tree: trees.get('medium')!,
      shape: 'tree',
      tools,
      repeats: opts.repeats,
      timeoutS: opts.timeouts.medium,
      redeploy: false,
      recordFirst: true,
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
  if (opts.servers.includes(kind) && want('everyday')) {
    const site = trees.get('site')!
    series.push({
      key: 'site',
      tree: site,
      shape: 'tree',
      tools,
      repeats: opts.repeats,
      timeoutS: opts.timeouts.everyday,
      redeploy: true,
      recordFirst: false,
      concurrency: opts.concurrency,
      maxRssMiB: opts.maxRssMiB,
      redeployKey: 'everyday',
      checkout: dir => makeCheckout(site, dir),
      sync: true,
      afterFirst: backdate,
      redeployTimeoutS: opts.everydayTimeout
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
