/**
 * `npm run bench -- --quick`, so the benchmark cannot rot: tiny workloads on vsftpd (TLS 1.2),
 * our CLI bundle and the installed peers, every result verified byte for byte on the server's
 * disk. Only completion and verification are asserted, never timings (see BENCHMARKS.md).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serverMissing } from './harness/servers.js'
import { REPO, runNode } from './support/runner.js'

const skipped = serverMissing('vsftpd-tls12') !== undefined && process.env.CI !== 'true'
const maybe = skipped ? test.skip : test

interface ReportCell {
  server: string
  workload: string
  tool: string
  status: string
  reason?: string
  samples: unknown[]
}

maybe(
  'the quick benchmark completes and verifies our upload on the server',
  async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-quick-'))
    try {
      const env = { ...process.env }
      delete env.NODE_OPTIONS // jest's --experimental-vm-modules is not for the tools under test
      const run = await runNode(['run', 'bench', '--', '--quick', '--out', out], env, REPO, 'npm')
      const output = `${run.stdout}\n${run.stderr}`
      expect([run.code, output]).toEqual([0, output])
      for (const workload of ['small', 'redeploy', 'large', 'scale-50', 'scale-200']) {
        const label = workload === 'redeploy' ? 'small 1/1 ours redeploy' : `${workload} 1/1 ours`
        expect(output).toMatch(new RegExp(`^\\[vsftpd-tls12\\] ${label}: [\\d.]+ s, verified \\d+ files`, 'm'))
      }
      expect(output).toMatch(/^\| vsftpd 3\.0\.3 \(TLS 1\.2\) \| [\d.]+ s /m)

      const report = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as { results: ReportCell[] }
      const ours = report.results.filter(c => c.tool === 'ours')
      expect(ours.map(c => [c.workload, c.status, c.reason])).toEqual(
        ['small', 'redeploy', 'large', 'scale-50', 'scale-200'].map(w => [w, 'ok', undefined])
      )
      expect(ours.every(c => c.samples.length === 1)).toBe(true)
      expect(readFileSync(join(out, 'latest.md'), 'utf8')).toContain('# ftps-deploy benchmark results')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  },
  90_000
)
