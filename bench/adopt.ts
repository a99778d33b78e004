/**
 * `npm run bench:adopt`: issue 14's benchmark. A site of N files (default 1,000 × 4 KiB) is put
 * on the server's disk by hand, with no manifest; our CLI bundle then deploys the same tree
 * with `adopt: none` (every file uploaded: the cost before issue 14), with the mode the
 * server allows (`auto` on ProFTPD with mod_digest, `download` on vsftpd), and on ProFTPD with
 * `adopt: none, verify: hash` (what a HASH after each upload costs). Every run is verified
 * byte for byte on the server's disk and by its counts (all uploaded, or all adopted).
 *
 *   npm run bench:adopt -- [--files N] [--repeats N] [--rtt MS] [--our-cli FILE]
 *
 * --our-cli: our CLI bundle (default dist/cli/index.js), copied at start and run from the copy,
 * as `npm run bench` does.
 */
import { chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PROFTPD_DIGEST } from '../__tests__/harness/proftpd.js'
import { ftpAccount } from '../__tests__/harness/server-runtime.js'
import { type FtpServer, type ServerKind, serverMissing, startServer } from '../__tests__/harness/servers.js'
import { execute } from './exec.js'
import { fmtSeconds, median } from './report.js'
import { type LatencyProxy, startLatencyProxy } from './latency-proxy.js'
import { prepareOurBundle } from './bundles.js'
import { ourBundle, ROOT, TOOLS } from './tools.js'
import { verifyTree } from './verify.js'
import { makeSmallTree, type Tree } from './workloads.js'

const CASES: { kind: ServerKind; label: string; extraConfig: string[]; modes: string[] }[] = [
  {
    kind: 'proftpd',
    label: 'ProFTPD 1.3.8 + mod_digest',
    extraConfig: PROFTPD_DIGEST,
    modes: ['none', 'auto', 'none+verify']
  },
  { kind: 'vsftpd-tls12', label: 'vsftpd 3.0.3 (TLS 1.2)', extraConfig: [], modes: ['none', 'download', 'auto'] }
]

interface Counts {
  uploaded: number
  skipped: number
}

async function run(server: FtpServer, tree: Tree, tmp: string, name: string, adopt: string, link?: LatencyProxy) {
  // The site as deployed by hand earlier: the same bytes, owned by the server's account.
  const target = join(server.root, name)
  cpSync(tree.dir, target, { recursive: true })
  const workDir = join(tmp, 'runs', `${server.kind}-${name}`)
  mkdirSync(workDir, { recursive: true })
  const command = TOOLS.ours.command({
    server,
    host: link?.host ?? server.host,
    port: link?.port ?? server.port,
    localDir: tree.dir,
    remoteName: name,
    redeploy: false,
    workDir
  })
  // 'none+verify': adopt: none with verify: hash (the cost of a HASH after every upload).
  const [mode, verify] = adopt.split('+')
  command.args.push('--adopt', mode!, ...(verify === undefined ? [] : ['--verify=hash']))
  // Owned by the server's account, as putFile does: the server must be able to replace them.
  const account = ftpAccount()
  if (account !== undefined) chownTree(target, account.uid, account.gid)
  const result = await execute(command, workDir, 'ours', { timeoutMs: 600_000, maxRssKiB: 2 * 2 ** 20 })
  if (result.code !== 0) throw new Error(`${name}: exit ${result.code}: ${result.stderr.slice(-400)}`)
  const check = verifyTree(tree.dir, target)
  if (!check.ok) throw new Error(`${name}: ${check.problem}`)
  const json = JSON.parse(
    result.stdout
      .trim()
      .split('\n')
      .reverse()
      .find(l => l.startsWith('{')) ?? '{}'
  ) as Record<string, string>
  const counts: Counts = { uploaded: Number(json['files-uploaded']), skipped: Number(json['files-skipped']) }
  rmSync(target, { recursive: true, force: true })
  return { seconds: result.seconds, counts }
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) chownTree(path, uid, gid)
    else chownSync(path, uid, gid)
  }
}

const label = (mode: string): string =>
  mode.endsWith('+verify') ? `\`adopt: ${mode.split('+')[0]}\`, \`verify: hash\`` : `\`adopt: ${mode}\``

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      files: { type: 'string' },
      repeats: { type: 'string' },
      rtt: { type: 'string' },
      'our-cli': { type: 'string' }
    }
  })
  const rttMs = values.rtt === undefined ? undefined : Number(values.rtt)
  const files = Number(values.files ?? 1000)
  const repeats = Number(values.repeats ?? 3)
  const tmp = mkdtempSync(join(os.tmpdir(), 'ftps-bench-adopt-'))
  const rows: string[] = []
  try {
    const bundle = prepareOurBundle(
      { ourCli: values['our-cli'] ?? join(ROOT, 'dist', 'cli', 'index.js'), ourRev: undefined },
      join(tmp, 'ours-cli')
    )
    ourBundle.path = bundle.runPath
    process.stdout.write(`our CLI: ${bundle.label}, sha256 ${bundle.sha256}\n`)
    const tree = makeSmallTree(join(tmp, 'site'), files, Math.max(1, Math.round(files / 20)))
    for (const c of CASES) {
      const missing = serverMissing(c.kind)
      if (missing !== undefined) {
        process.stdout.write(`skipping ${c.kind}: ${missing}\n`)
        continue
      }
      const server = await startServer(c.kind, { extraConfig: c.extraConfig })
      // --rtt: through the latency proxy, as `npm run bench -- --rtt` does.
      const link =
        rttMs === undefined
          ? undefined
          : await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs })
      try {
        const times = new Map<string, number[]>(c.modes.map(m => [m, []]))
        const counts = new Map<string, Counts>()
        for (let rep = 1; rep <= repeats; rep++) {
          for (const mode of rep % 2 === 0 ? [...c.modes].reverse() : c.modes) {
            const { seconds, counts: n } = await run(
              server,
              tree,
              tmp,
              `adopt-${mode.replace('+', '-')}-${rep}`,
              mode,
              link
            )
            times.get(mode)!.push(seconds)
            counts.set(mode, n)
            process.stdout.write(
              `[${c.kind}] ${label(mode)} ${rep}/${repeats}: ${fmtSeconds(seconds)}, uploaded ${n.uploaded}, skipped ${n.skipped}\n`
            )
          }
        }
        const base = median(times.get('none')!)
        for (const mode of c.modes) {
          const m = median(times.get(mode)!)
          const n = counts.get(mode)!
          rows.push(
            `| ${c.label} | ${label(mode)} | ${fmtSeconds(m)} | ${(m / base).toFixed(2)} | ${n.uploaded} | ${n.skipped} |`
          )
        }
      } finally {
        await link?.close()
        await server.stop()
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  process.stdout.write(
    [
      '',
      `A site of ${files} files × 4 KiB already on the server, no manifest; ${rttMs === undefined ? 'loopback' : `RTT ${rttMs} ms (latency proxy)`}; median of ${repeats}; ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}`,
      '',
      '| server | mode | median | vs none | uploaded | skipped (adopted) |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      ''
    ].join('\n')
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:adopt failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
