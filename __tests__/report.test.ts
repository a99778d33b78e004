import { DeployResult } from '../src/core/result.js'
import { progressLines, runnerIdentity } from '../src/main.js'
import { formatBytes, formatRate, outputsOf, summaryMarkdown } from '../src/report/report.js'

const result: DeployResult = {
  dryRun: false,
  uploaded: Array.from({ length: 53 }, (_, i) => `f${i}|x.txt`),
  bytesUploaded: 3 * 1024 * 1024,
  filesSkipped: 7,
  skipped: ['same.txt'],
  adopted: [],
  deleted: ['old.txt'],
  listing: [{ path: 'f0|x.txt', type: 'file', size: 1, modifiedAt: null }],
  tlsVersion: 'TLSv1.3',
  fingerprint: 'AB:CD',
  remoteRoot: '/www',
  durationMs: 2000,
  planned: [],
  applied: []
}

test('outputs as the contract names them', () => {
  const outputs = outputsOf(result)
  expect(Object.keys(outputs).sort()).toEqual(
    [
      'bytes-uploaded',
      'files-deleted',
      'files-skipped',
      'files-uploaded',
      'listing',
      'report-file',
      'ssh-host-key',
      'tls-fingerprint',
      'uploaded'
    ].sort()
  )
  expect(outputs['files-uploaded']).toBe('53')
  expect(outputs['files-deleted']).toBe('1')
  expect(JSON.parse(outputs.listing)).toEqual(result.listing)
  expect(outputs['report-file']).toBe('')
  expect(outputsOf(result, '/tmp/r.json')['report-file']).toBe('/tmp/r.json')
})

test('the summary: totals, throughput, TLS, a capped file table, deletions', () => {
  const md = summaryMarkdown(result, 'ftp.example.com')
  expect(md).toContain('## FTPS deploy: ftp.example.com:/www')
  expect(md).toContain('| Files uploaded | 53 |')
  expect(md).toContain('| Files skipped (unchanged) | 7 |')
  expect(md).toContain('| Throughput | 1.5 MiB/s |')
  expect(md).toContain('| Certificate SHA-256 | `AB:CD` |')
  expect(md).toContain('| `f0\\|x.txt` |')
  expect(md).toContain('| … and 3 more |')
  expect(md).toContain('### Files deleted')
  expect(summaryMarkdown({ ...result, dryRun: true }, 'h')).toContain('### Files that would be deleted')
})

test('formatBytes and formatRate', () => {
  expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual([
    '0 bytes',
    '1023 bytes',
    '1.5 KiB',
    '5.0 GiB'
  ])
  expect(formatRate(1024, 1000)).toBe('1.0 KiB/s')
})

test('progress lines: at most one per interval, and always the last', () => {
  let clock = 0
  const lines: string[] = []
  const progress = progressLines(
    line => lines.push(line),
    () => clock,
    10_000
  )
  const at = (ms: number, files: number): void => {
    clock = ms
    progress({ files, totalFiles: 4, bytes: files * 1024, totalBytes: 4096 })
  }
  at(1_000, 1)
  at(11_000, 2)
  at(12_000, 3)
  at(13_000, 4)
  expect(lines).toEqual([
    'Progress: 2/4 files, 2.0 KiB of 4.0 KiB, 186 bytes/s, about 11 s left',
    'Progress: 4/4 files, 4.0 KiB of 4.0 KiB, 315 bytes/s'
  ])
})

test('progress lines: the upload starting (0 files done) restarts the clock and prints nothing', () => {
  let clock = 0
  const lines: string[] = []
  const progress = progressLines(
    line => lines.push(line),
    () => clock,
    10_000
  )
  clock = 30_000 // login, listing, plan
  progress({ files: 0, totalFiles: 2, bytes: 0, totalBytes: 2048 })
  clock = 32_000
  progress({ files: 2, totalFiles: 2, bytes: 2048, totalBytes: 2048 })
  expect(lines).toEqual(['Progress: 2/2 files, 2.0 KiB of 2.0 KiB, 1.0 KiB/s'])
})

test('the summary says how many of the planned steps were done (or, in a dry run, planned)', () => {
  const step = { kind: 'upload' as const, path: 'a.txt' }
  const planned = [step, { ...step, path: 'b.txt' }, { kind: 'delete' as const, path: 'c.txt' }]
  expect(summaryMarkdown({ ...result, planned, applied: planned.slice(0, 2) }, 'h')).toContain(
    '| Steps done | 2 of 3 planned |'
  )
  expect(summaryMarkdown({ ...result, dryRun: true, planned }, 'h')).toContain('| Steps planned | 3 |')
})

test('the deploy lock names a GitHub run by its number, attempt, job and URL', () => {
  expect(
    runnerIdentity({
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_JOB: 'deploy',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SERVER_URL: 'https://github.com'
    })
  ).toEqual({ description: 'GitHub Actions run 42, attempt 2, job deploy (https://github.com/o/r/actions/runs/42)' })
  expect(runnerIdentity({})).toBeUndefined()
})

test('over SFTP: the host key fills the ssh-host-key output and its summary row, not the certificate ones', () => {
  const sftp = { ...result, tlsVersion: '', fingerprint: 'SHA256:qmA8I1ITZLZnodYSgqG+brNQUiDLH11z/Layrkghlr4' }
  const outputs = outputsOf(sftp)
  expect([outputs['ssh-host-key'], outputs['tls-fingerprint']]).toEqual([sftp.fingerprint, ''])
  expect(outputsOf(result)['ssh-host-key']).toBe('')
  const md = summaryMarkdown(sftp, 'sftp.example.com')
  expect(md).toContain(`| SSH host key | \`${sftp.fingerprint}\` |`)
  expect(md).not.toContain('Certificate SHA-256')
})
