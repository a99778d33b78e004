/**
 * 25,000 files through the action's bundle, with the runner's GITHUB_OUTPUT file: the uploaded
 * and listing outputs would pass GitHub's 1 MB per output, so they are cut to what fits (still
 * JSON) with a warning pointing to the report file, which holds everything. A dry run against a
 * real server: its outputs describe what would happen, and the listing is what the server holds.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { serverInputs } from './support/engine.js'
import { REPO, runAction, runNode } from './support/runner.js'

const FILES = 25_000
const DIRS = 50
const LIMIT = 1_000_000
const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test

/** 50 directories of 500 files with names long enough that 25,000 of them pass 1 MB as JSON. */
function writeTree(root: string): string[] {
  const paths: string[] = []
  for (let d = 0; d < DIRS; d++) {
    const dir = `section-${String(d).padStart(2, '0')}`
    mkdirSync(join(root, dir), { recursive: true, mode: 0o755 })
    for (let f = 0; f < FILES / DIRS; f++) {
      const path = `${dir}/page-${String(d * 1000 + f).padStart(5, '0')}-lorem-ipsum.html`
      writeFileSync(join(root, path), 'x', { mode: 0o644 })
      paths.push(path)
    }
  }
  return paths.sort()
}

let server: FtpServer
let localDir: string
let expected: string[]
beforeAll(async () => {
  localDir = mkdtempSync(join(tmpdir(), 'big-'))
  expected = writeTree(localDir)
  if (missing) return
  server = await startServer('vsftpd')
  // The same tree on the server (read-only to it is enough: a dry run only lists).
  writeTree(join(server.root, 'big'))
}, 120_000)
afterAll(async () => {
  await server?.stop()
  rmSync(localDir, { recursive: true, force: true })
})

interface Report {
  uploaded: string[]
  skipped: string[]
  listing: { path: string }[]
  counts: Record<string, number>
}

maybe(
  '25,000 files: every output within 1 MB and valid JSON, a warning per cut output, the whole result in report-file',
  async () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
    const run = await runAction(
      serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'big', 'dry-run': 'true', listing: 'recursive' }),
      { RUNNER_TEMP: runnerTemp }
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    // What the runner would read from GITHUB_OUTPUT: no value over the limit.
    for (const [name, value] of Object.entries(run.outputs)) {
      expect([name, Buffer.byteLength(value) <= LIMIT]).toEqual([name, true])
    }
    const reportFile = run.outputs['report-file']
    expect(reportFile.startsWith(join(runnerTemp, 'ftps-deploy-report-'))).toBe(true)
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
    expect(report.uploaded).toEqual(expected)
    expect(report.counts.uploaded).toBe(FILES)
    expect(report.listing).toHaveLength(FILES + DIRS)

    const uploaded = JSON.parse(run.outputs.uploaded) as string[]
    const listing = JSON.parse(run.outputs.listing) as { path: string }[]
    expect(uploaded).toEqual(expected.slice(0, uploaded.length))
    expect(listing).toEqual(report.listing.slice(0, listing.length))
    // Cut to what fits, not to far less: one more entry would not have fitted.
    expect(Buffer.byteLength(JSON.stringify(expected.slice(0, uploaded.length + 1)))).toBeGreaterThan(LIMIT)
    expect(uploaded.length).toBeGreaterThan(20_000)
    expect(run.outputs['files-uploaded']).toBe(String(FILES))

    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning::'))
    const points = `the whole result is in ${reportFile} (the report-file output)`
    expect(warnings).toEqual([
      `::warning::The listing output holds the first ${listing.length} of ${FILES + DIRS} entries: GitHub limits an output to 1 MB; ${points}`,
      `::warning::The uploaded output holds the first ${uploaded.length} of ${FILES} entries: GitHub limits an output to 1 MB; ${points}`
    ])
  },
  180_000
)

maybe('report-file given as an input: the report is written there and named by the output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'))
  const run = await runAction(
    serverInputs(server, {
      'local-dir': localDir,
      files: 'section-01/**',
      'remote-dir': 'big',
      'dry-run': 'true',
      'report-file': 'reports/deploy.json'
    }),
    { RUNNER_TEMP: dir }
  )
  expect(run.code).toBe(0)
  expect(run.outputs['report-file']).toMatch(/[\\/]reports[\\/]deploy\.json$/)
  const report = JSON.parse(readFileSync(run.outputs['report-file'], 'utf8')) as Report
  expect(report.uploaded).toHaveLength(FILES / DIRS)
  expect(run.stdout).not.toContain('::warning::')
})

test('the CLI writes a report only when --report-file is given', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-report-'))
  const cli = join(REPO, 'dist', 'cli', 'index.js')
  const args = ['--local-dir', localDir, '--files', 'section-02/**', '--dry-run', '--json']
  const without = await runNode([cli, ...args], { PATH: process.env.PATH }, dir)
  expect(without.code).toBe(0)
  expect(JSON.parse(without.stdout)['report-file']).toBe('')
  const withFile = await runNode([cli, ...args, '--report-file', 'r.json'], { PATH: process.env.PATH }, dir)
  expect(withFile.code).toBe(0)
  expect(JSON.parse(withFile.stdout)['report-file']).toBe(join(dir, 'r.json'))
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report
  expect(report.uploaded).toHaveLength(FILES / DIRS)
  expect(report.uploaded[0]).toBe('section-02/page-02000-lorem-ipsum.html')
})
