/**
 * `npm run bench:issue22 -- [options]`: issue 22's "Done when" figures in one go, on vsftpd
 * (TLS 1.2) and pure-ftpd, one run each (`--repeats`, `--our-cli`, `--our-rev`... are passed on
 * to every pass). Three passes of `npm run bench`, each with its own results in <out>/issue22-N:
 *
 *   1. RTT 50: the first deploy of 200 × 4 KiB, ours against `lftp mirror -R --parallel=4`
 *   2. RTT 50: the no-change redeploy of the same tree and the everyday redeploy, against
 *      ftp-deploy, lftp, lftp --ignore-time and rclone (their untimed first deploys go straight
 *      to the server; lftp's everyday redeploy, which uploads everything again, is stopped at
 *      60 s and shown as "> 60 s")
 *   3. loopback: the first deploy of 1,000 × 4 KiB against every peer (item 6)
 *
 * then prints and writes <out>/issue22.md: the targets over all three, and each pass's tables.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { issue22Targets } from './targets.js'
import type { Report } from './report.js'
import { main } from './run.js'
import { ROOT } from './tool.js'

const SERVERS = ['--servers', 'vsftpd-tls12,pure-ftpd', '--repeats', '1']
const PASSES: { what: string; args: string[] }[] = [
  {
    what: 'RTT 50, first deploy of 200 × 4 KiB against lftp -P4',
    args: ['--workloads', 'small', '--small-files', '200', '--rtt', '50', '--tools', 'ours,lftp']
  },
  {
    what: 'RTT 50, the no-change redeploy (200 × 4 KiB) and the everyday redeploy against the peers',
    args: [
      ...['--workloads', 'redeploy,everyday', '--small-files', '200', '--rtt', '50', '--everyday-timeout', '60'],
      ...['--tools', 'ours,ftp-deploy,lftp,lftp-ignore-time,rclone']
    ]
  },
  {
    what: 'loopback, first deploy of 1,000 × 4 KiB against the peers',
    args: ['--workloads', 'small', '--small-files', '1000', '--tools', 'ours,lftp,rclone,ftp-deploy']
  }
]

const load = (): string =>
  os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ')

async function run(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out')
  const out = resolve(ROOT, outAt >= 0 ? argv[outAt + 1]! : '.bench')
  const passOn = outAt >= 0 ? [...argv.slice(0, outAt), ...argv.slice(outAt + 2)] : argv
  const started = Date.now()
  const loadAtStart = load()
  let code = 0
  const reports: Report[] = []
  for (const [i, pass] of PASSES.entries()) {
    const dir = join(out, `issue22-${i + 1}`)
    process.stdout.write(`\n#### pass ${i + 1}/${PASSES.length}: ${pass.what}\n`)
    code = Math.max(code, await main([...SERVERS, ...pass.args, ...passOn, '--out', dir]))
    reports.push(JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as Report)
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)
  const md = [
    '# Issue 22 "Done when" figures',
    '',
    `\`npm run bench:issue22${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}\`: ${minutes} min, load ${loadAtStart} at the start, ${load()} at the end.`,
    '',
    ...issue22Targets(reports.flatMap(r => r.results)),
    '',
    ...PASSES.flatMap((pass, i) => [
      `# Pass ${i + 1}: ${pass.what}`,
      '',
      readFileSync(join(out, `issue22-${i + 1}`, 'latest.md'), 'utf8').replace(/^# .*\n/, ''),
      ''
    ])
  ].join('\n')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'issue22.md'), md)
  process.stdout.write(`\n${md.split('\n# Pass 1')[0]}\nwritten to ${join(out, 'issue22.md')}\n`)
  return code
}

run(process.argv.slice(2)).then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench:issue22 failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exit(1)
  }
)
