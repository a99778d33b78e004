/**
 * SFTP benchmark (issue 24 item 3): a first deploy of 200 x 4 KiB to OpenSSH's internal-sftp
 * chrooted as shared hosts run it (the test harness's sshd), on loopback and through the latency
 * proxy at RTT 50 ms, by ours (this tree's CLI bundled with ncc into a temp dir, as the action
 * ships it), `lftp mirror -R --parallel=4` and `rclone copy --transfers 4`, both over SFTP.
 * The peers write final names directly (no temporary, no manifest, no lock); ours keeps every
 * guarantee. Prints one markdown table (median of the runs, each into a fresh directory).
 *
 *   npm run bench:sftp -- [--runs 3] [--rtt 50] [--files 200] [--size 4096]
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSshd, type SshdServer } from '../__tests__/harness/sshd.js'
import { makeTree } from '../__tests__/support/engine.js'
import { startLatencyProxy } from './latency-proxy.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rtt: { type: 'string', default: '50' },
    files: { type: 'string', default: '200' },
    size: { type: 'string', default: '4096' }
  }
})
const RUNS = Number(values.runs)
const FILES = Number(values.files)
const SIZE = Number(values.size)
const ROOT = resolve(import.meta.dirname, '..')

interface Target {
  server: SshdServer
  host: string
  port: number
}
type Tool = { name: string; invocation: string; run(t: Target, local: string, remote: string): Promise<void> }

const bundleDir = mkdtempSync(join(tmpdir(), 'sftp-bench-bundle-'))
execFileSync('npx', ['ncc', 'build', join(ROOT, 'src', 'cli.ts'), '-o', bundleDir], { cwd: ROOT, stdio: 'ignore' })

const ssh = 'ssh -a -x -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR'
const tools: Tool[] = [
  {
    name: 'ours',
    invocation: 'ftps-deploy --protocol sftp --ssh-host-key SHA256:... (concurrency 4, atomic, manifest, lock)',
    run: (t, local, remote) =>
      check(
        'ours',
        process.execPath,
        [
          join(bundleDir, 'index.js'),
          '--protocol=sftp',
          `--host=${t.host}`,
          `--port=${t.port}`,
          `--user=${t.server.user}`,
          `--ssh-host-key=${t.server.hostFingerprint}`,
          `--local-dir=${local}`,
          `--remote-dir=${remote}`
        ],
        { FTPS_PASSWORD: t.server.password }
      )
  },
  {
    name: 'lftp',
    invocation: 'lftp mirror -R --parallel=4 (sftp://)',
    run: (t, local, remote) =>
      check('lftp', 'lftp', [
        '-c',
        `set sftp:connect-program "${ssh}"; set net:max-retries 1; ` +
          `open -u ${t.server.user},${t.server.password} sftp://${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}; ` +
          `mirror -R --parallel=4 ${local} ${remote}`
      ])
  },
  {
    name: 'rclone',
    invocation: 'rclone copy --transfers 4 (sftp backend)',
    run: async (t, local, remote) => {
      const pass = execFileSync('rclone', ['obscure', t.server.password], { encoding: 'utf8' }).trim()
      await check('rclone', 'rclone', [
        'copy',
        local,
        `:sftp:${remote}`,
        `--sftp-host=${t.host.includes(':') ? `[${t.host}]` : t.host}`,
        `--sftp-port=${t.port}`,
        `--sftp-user=${t.server.user}`,
        `--sftp-pass=${pass}`,
        '--transfers=4',
        '--retries=1'
      ])
    }
  }
]

/** Runs a tool to its end. Never spawnSync: the latency proxy runs in this process's event loop. */
function check(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const limit = setTimeout(() => child.kill('SIGKILL'), 300_000)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(limit)
      if (code === 0) resolve()
      else reject(new Error(`${name} failed (${code ?? signal}): ${stderr.slice(-800)}`))
    })
  })
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function main(): Promise<void> {
  const files = Object.fromEntries(
    Array.from({ length: FILES }, (_, i) => [`d${i % 10}/f${i}.bin`, Buffer.alloc(SIZE, i % 251)])
  )
  const local = makeTree(files)
  const server = await startSshd()
  const rows: string[] = []
  try {
    for (const rtt of [0, Number(values.rtt)]) {
      const proxy =
        rtt === 0
          ? undefined
          : await startLatencyProxy({ controlPort: server.port, passive: { min: 1, max: 0 }, rttMs: rtt })
      const target: Target = { server, host: proxy?.host ?? server.host, port: proxy?.port ?? server.port }
      for (const tool of tools) {
        const times: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const remote = `bench-${tool.name}-${rtt}-${i}`
          const started = performance.now()
          await tool.run(target, local, remote)
          times.push((performance.now() - started) / 1000)
          const arrived = countFiles(join(server.root, remote))
          if (arrived < FILES) throw new Error(`${tool.name}: only ${arrived} of ${FILES} files arrived`)
          rmSync(join(server.root, remote), { recursive: true, force: true })
        }
        rows.push(
          `| ${rtt} ms | ${tool.name} | ${median(times).toFixed(2)} s | ${times.map(t => t.toFixed(2)).join(', ')} |`
        )
        console.error(rows.at(-1))
      }
      await proxy?.close()
    }
  } finally {
    await server.stop()
    rmSync(bundleDir, { recursive: true, force: true })
  }
  console.log(
    `First deploy of ${FILES} x ${SIZE} bytes over SFTP (OpenSSH internal-sftp, chroot), ${RUNS} run(s) each:\n`
  )
  console.log('| RTT | tool | median | runs |\n| --- | --- | --- | --- |')
  console.log(rows.join('\n'))
  console.log('\n' + tools.map(t => `- ${t.name}: ${t.invocation}`).join('\n'))
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(e => e.isFile() && !e.name.startsWith('.'))
    .length
}

await main()
