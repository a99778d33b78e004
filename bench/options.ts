/** The benchmark's command line: `npm run bench -- [options]`. */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { EXPLICIT_SERVERS, type ServerKind } from '../__tests__/harness/servers.js'
import { ROOT, TOOL_NAMES, type ToolName } from './tool.js'

export const WORKLOADS = ['small', 'few', 'medium', 'large', 'redeploy', 'scale', 'everyday'] as const
export type Workload = (typeof WORKLOADS)[number]

export interface Options {
  quick: boolean
  workloads: Workload[]
  servers: ServerKind[]
  tools: ToolName[]
  repeats: number
  /** Small-files workload: files and directories. */
  smallFiles: number
  smallDirs: number
  /** The everyday site's files (2,000: issue 22's site). */
  siteFiles: number
  /** The `few` workload's files (one directory). */
  fewFiles: number
  largeBytes: number
  scaleSizes: number[]
  scaleServers: ServerKind[]
  scaleRepeats: number
  scalePeers: boolean
  concurrency: number | undefined
  /** The everyday redeploy's timeout in seconds (the first deploy's is timeouts.everyday). */
  everydayTimeout: number | undefined
  /** Per-run timeout in seconds, by workload. */
  timeouts: Record<Workload, number>
  /** Per-run cap on the tool's resident memory, in MiB. */
  maxRssMiB: number
  outDir: string
  keep: boolean
  /** Our CLI bundle (its dir is copied, so keep package.json next to it). */
  ourCli: string
  /** Take our bundle from this git revision instead (dist/cli/ as committed there). */
  ourRev: string | undefined
  /** Also run the bundle committed in this revision, as the tool 'ours-base'. */
  baseRev: string | undefined
  /** Through the latency proxy: the round-trip times in ms, each a pass over every series (empty: loopback, no proxy). */
  rtts: number[]
  /** With --rtt: each direction's bandwidth in bytes per second (undefined: unlimited). */
  rateBytesPerSecond: number | undefined
}

export const HELP = `npm run bench -- [options]

Makes the workloads in a temp dir, starts the local test FTP servers (explicit TLS, PROT P),
runs our CLI bundle and the installed peers (lftp, rclone, curl, @samkirkland/ftp-deploy)
against each, verifies every result byte for byte on the server's disk, prints Markdown tables
of medians and writes them with the raw samples to <out>/bench-<time>.{md,json} and
<out>/latest.{md,json}.

Workloads:
  small     1000 files x 4 KiB of random bytes in 50 directories
  few       20 files x 4 KiB in one directory, first deploy (not in the default set): with small,
            it splits a run's round trips into per file and fixed (see --rtt)
  medium    50 files x 1 MiB of random bytes in 5 directories (not in the default set)
  large     one file of 200 MB (200,000,000 bytes)
  redeploy  a second deploy of the small tree into the same target, nothing changed
  scale     5,000 and 20,000 files x 4 KiB (20 per directory): our time and peak RSS
  everyday  issue 22's everyday redeploy (not in the default set): a 2,000-file site (35 MB, 100
            dirs) deployed, then redeployed, timed, from a fresh checkout (every mtime new) with
            10 files changed at the same size, 10 resized, 5 added, 5 deleted, deletion on;
            lftp-ignore-time (mirror --delete --ignore-time) runs here only
  (redeploy without small, and everyday: the untimed first deploy goes straight to the server,
  not through the latency proxy; only the redeploy is timed through it)

Options:
  --quick                 tiny workloads (50 files, 4 MB, scale 50/200), 1 repeat, vsftpd-tls12 only
  --workloads LIST        comma-separated, default: small,large,redeploy,scale
  --servers LIST          default: vsftpd,vsftpd-tls12,pure-ftpd,proftpd
  --tools LIST            default: ours,lftp,rclone,curl,ftp-deploy (ours always runs)
  --repeats N             runs per tool, server and workload (median reported), default 3
  --small-files N         default 1000 (directories: N/20)
  --few-files N           default 20
  --site-files N          the everyday site's files, default 2000 (quick: 200; not 2000: N/20 dirs)
  --large-mb N            size of the large file in MB (10^6 bytes), default 200
  --scale-sizes LIST      default 5000,20000
  --scale-servers LIST    servers for the scale workload, default vsftpd-tls12
  --scale-repeats N       default 1
  --scale-peers           also run the peers on the scale trees (default: ours only)
  --concurrency N         passed to our CLI as --concurrency (default: the CLI's own default)
  --timeout S             per-run timeout in seconds for every workload
                          (default: small/large/redeploy 300, everyday 600, scale 3600)
  --everyday-timeout S    timeout of the everyday redeploy (its first deploy keeps --timeout's):
                          a redeploy stopped by it shows as "> S s" (e.g. lftp uploading everything)
  --max-rss-mb N          kill a run whose processes use more than N MiB resident, default 8192
  --out DIR               where results go, default .bench
  --our-cli FILE           our CLI bundle, default dist/cli/index.js (its dir is copied at start and run
                          from the copy, so a rebuild during the run cannot mix engines)
  --our-rev REV           run our bundle as committed in git revision REV (e.g. HEAD) instead
  --base-rev REV          also run the bundle committed in REV, as the tool ours-base (a change's
                          before and after in one run; its ratio is base time / our time)
  --rtt MS[,MS...]        every tool connects through a user-space proxy on ::1 that delays each
                          chunk by MS/2 in each direction (control port and the whole passive
                          range; FIN and RST too); data connections are counted on the proxy and a
                          run whose data bypassed it fails. The tables add round trips per file
                          per connection: time x connections / files / RTT. With several RTTs
                          (e.g. 50,100,200) every series runs at each, and the round-trip table
                          gives each tool's round trips from the slope of its time over the RTTs
  --rate MBPS             with --rtt: each direction is one link of MBPS megabytes (10^6 bytes) per
                          second, shared by all connections
  --keep                  keep the temp workloads and logs
  --help`

const list = <T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined => {
  if (value === undefined) return undefined
  const items = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new Error(`--${name}: unknown '${item}' (expected one of ${allowed.join(', ')})`)
    }
  }
  return items as T[]
}

const positive = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a positive integer, got '${value}'`)
  return n
}

const nonNegative = (value: string, name: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: expected milliseconds (0 or more), got '${value}'`)
  return n
}

const positiveNumber = (value: string, name: string): number => {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: expected a number above 0, got '${value}'`)
  return n
}

/** undefined for --help. */
export function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      quick: { type: 'boolean', default: false },
      workloads: { type: 'string' },
      servers: { type: 'string' },
      tools: { type: 'string' },
      repeats: { type: 'string' },
      'small-files': { type: 'string' },
      'few-files': { type: 'string' },
      'site-files': { type: 'string' },
      'everyday-timeout': { type: 'string' },
      'large-mb': { type: 'string' },
      'scale-sizes': { type: 'string' },
      'scale-servers': { type: 'string' },
      'scale-repeats': { type: 'string' },
      'scale-peers': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      'max-rss-mb': { type: 'string' },
      out: { type: 'string' },
      'our-cli': { type: 'string' },
      'our-rev': { type: 'string' },
      'base-rev': { type: 'string' },
      rtt: { type: 'string' },
      rate: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) return undefined
  if (values.rate !== undefined && values.rtt === undefined) throw new Error('--rate: needs --rtt (the latency proxy)')
  const quick = values.quick
  const tools =
    list(values.tools, TOOL_NAMES, 'tools') ??
    TOOL_NAMES.filter(t => t !== 'ours-base' || values['base-rev'] !== undefined)
  const smallFiles = positive(values['small-files'], 'small-files') ?? (quick ? 50 : 1000)
  const timeout = positive(values.timeout, 'timeout')
  const scaleSizes = values['scale-sizes']?.split(',').map(s => positive(s.trim(), 'scale-sizes')!)
  const servers = list(values.servers, EXPLICIT_SERVERS, 'servers') ?? (quick ? ['vsftpd-tls12'] : EXPLICIT_SERVERS)
  return {
    quick,
    workloads:
      list(values.workloads, WORKLOADS, 'workloads') ??
      WORKLOADS.filter(w => w !== 'medium' && w !== 'everyday' && w !== 'few'),
    servers,
    tools: tools.includes('ours') ? tools : ['ours', ...tools],
    repeats: positive(values.repeats, 'repeats') ?? (quick ? 1 : 3),
    smallFiles,
    smallDirs: Math.max(1, Math.round(smallFiles / 20)),
    fewFiles: positive(values['few-files'], 'few-files') ?? (quick ? 10 : 20),
    siteFiles: Math.max(100, positive(values['site-files'], 'site-files') ?? (quick ? 200 : 2000)),
    largeBytes: (positive(values['large-mb'], 'large-mb') ?? (quick ? 4 : 200)) * 1_000_000,
    scaleSizes: scaleSizes ?? (quick ? [50, 200] : [5000, 20000]),
    scaleServers: list(values['scale-servers'], EXPLICIT_SERVERS, 'scale-servers') ?? [
      servers.includes('vsftpd-tls12') ? 'vsftpd-tls12' : servers[0]!
    ],
    scaleRepeats: positive(values['scale-repeats'], 'scale-repeats') ?? 1,
    scalePeers: values['scale-peers'],
    concurrency: positive(values.concurrency, 'concurrency'),
    timeouts: {
      small: timeout ?? (quick ? 60 : 300),
      few: timeout ?? (quick ? 60 : 300),
      medium: timeout ?? (quick ? 60 : 300),
      large: timeout ?? (quick ? 60 : 300),
      redeploy: timeout ?? (quick ? 60 : 300),
      scale: timeout ?? (quick ? 60 : 3600),
      everyday: timeout ?? (quick ? 60 : 600)
    },
    everydayTimeout: positive(values['everyday-timeout'], 'everyday-timeout'),
    maxRssMiB: positive(values['max-rss-mb'], 'max-rss-mb') ?? 8192,
    outDir: values.out ?? '.bench',
    keep: values.keep,
    ourCli: values['our-cli'] ?? join(ROOT, 'dist', 'cli', 'index.js'),
    ourRev: values['our-rev'],
    baseRev: values['base-rev'],
    rtts: values.rtt === undefined ? [] : values.rtt.split(',').map(r => nonNegative(r.trim(), 'rtt')),
    rateBytesPerSecond: values.rate === undefined ? undefined : positiveNumber(values.rate, 'rate') * 1e6
  }
}
