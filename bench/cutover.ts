/**
 * Cutover benchmark (issue 23): how long visitors can see a mix of two versions. For 10, 100 and
 * 1,000 changed files of 4 KiB, on loopback and through the latency proxy, a site is deployed,
 * every file is changed, and the change is deployed again under `cutover: end`, `file` and
 * `swap`; the window is what the run reports (`cutover.windowMs` in its report file: from the
 * first rename of a real name to the last file in place; under swap, the one write in which
 * `remote-dir` is renamed away and the spare copy renamed in), beside the whole run's time.
 * Runs this tree's CLI bundled with ncc (as the action ships it) against the test harness's
 * server. Prints one markdown table.
 *
 *   npm run bench:cutover -- [--server vsftpd-tls12] [--rtt 50] [--counts 10,100,1000]
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startServer, type FtpServer, type ServerKind } from '../__tests__/harness/servers.js'
import { makeTree } from '../__tests__/support/engine.js'
import { startLatencyProxy } from './latency-proxy.js'

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'vsftpd-tls12' },
    rtt: { type: 'string', default: '50' },
    counts: { type: 'string', default: '10,100,1000' }
  }
})
const ROOT = resolve(import.meta.dirname, '..')
const MODES = ['end', 'file', 'swap'] as const
const SIZE = 4096

const bundleDir = mkdtempSync(join(tmpdir(), 'cutover-bench-bundle-'))
execFileSync('npx', ['ncc', 'build', join(ROOT, 'src', 'cli.ts'), '-o', bundleDir], { cwd: ROOT, stdio: 'ignore' })

interface Target {
  server: FtpServer
  host: string
  port: number
}

interface Run {
  seconds: number
  windowMs: number | null
  renamed: number
}

/** One deploy by the CLI; its report file says how the files went live. Never spawnSync (the proxy runs here). */
function deploy(t: Target, local: string, remote: string, cutover: string): Promise<Run> {
  const report = join(bundleDir, `report-${process.hrtime.bigint()}.json`)
  const args = [
    join(bundleDir, 'index.js'),
    `--host=${t.host}`,
    `--port=${t.port}`,
    `--user=${t.server.user}`,
    `--ca-cert=${t.server.pki.caCertPath}`,
    `--local-dir=${local}`,
    `--remote-dir=/${remote}`,
    `--cutover=${cutover}`,
    `--report-file=${report}`,
    '--quiet'
  ]
  const started = performance.now()
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, NODE_OPTIONS: '', FTPS_PASSWORD: t.server.password },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', fail)
    child.once('close', code => {
      if (code !== 0) return fail(new Error(`cutover ${cutover} failed (${code}): ${stderr.slice(-800)}`))
      const cut = (JSON.parse(readFileSync(report, 'utf8')) as { cutover: Omit<Run, 'seconds'> | null }).cutover
      done({
        seconds: (performance.now() - started) / 1000,
        windowMs: cut?.windowMs ?? null,
        renamed: cut?.renamed ?? 0
      })
    })
  })
}

/** `count` files in 10 directories; `version` changes every file's bytes (same size). */
function site(count: number, version: number): string {
  return makeTree(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`d${i % 10}/f${i}.bin`, Buffer.alloc(SIZE, (i + version) % 251)])
    )
  )
}

async function main(): Promise<void> {
  const server = await startServer(values.server as ServerKind)
  const rows: string[] = []
  const load = [loadavg()[0]!.toFixed(2)]
  try {
    for (const rtt of [0, Number(values.rtt)]) {
      const proxy =
        rtt === 0
          ? undefined
          : await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs: rtt })
      const target: Target = { server, host: proxy?.host ?? server.host, port: proxy?.port ?? server.port }
      for (const count of values.counts.split(',').map(Number)) {
        const before = site(count, 0)
        const after = site(count, 1)
        for (const mode of MODES) {
          const remote = `cut-${mode}-${count}-${rtt}`
          await deploy(target, before, remote, mode)
          const run = await deploy(target, after, remote, mode)
          const window = run.windowMs === null ? '-' : `${run.windowMs} ms`
          rows.push(`| ${rtt} ms | ${count} | ${mode} | ${window} | ${run.renamed} | ${run.seconds.toFixed(2)} s |`)
          console.error(rows.at(-1))
          for (const dir of [remote, `${remote}.ftps-deploy-next`, `${remote}.ftps-deploy-prev`]) {
            rmSync(join(server.root, dir), { recursive: true, force: true })
          }
        }
        rmSync(before, { recursive: true, force: true })
        rmSync(after, { recursive: true, force: true })
      }
      await proxy?.close()
    }
  } finally {
    await server.stop()
    rmSync(bundleDir, { recursive: true, force: true })
  }
  load.push(loadavg()[0]!.toFixed(2))
  const table = [
    `Every file of a site changed (4 KiB each, ${values.server}, concurrency 4), deployed again; one run each; load ${load.join(' -> ')}:`,
    '',
    '| RTT | files changed | cutover | window | renamed | whole run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
  console.log(table)
  writeFileSync(join(tmpdir(), 'cutover-bench.md'), table + '\n')
}

await main()
