import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeployResult } from '../src/core/result.js'
import { cutText, fitJsonArray, fitOutputs, OUTPUT_LIMIT_BYTES } from '../src/report/output-limit.js'
import { defaultReportPath, reportOf, writeReport } from '../src/report/report-file.js'
import { summaryMarkdown } from '../src/report/report.js'
import { VERSION } from '../src/config/version.js'

describe('fitJsonArray: the longest prefix whose JSON fits, still valid JSON', () => {
  test.each([
    [['a', 'b', 'c'], 100, 3],
    [['a', 'b', 'c'], 13, 3], // ["a","b","c"] is 13 bytes
    [['a', 'b', 'c'], 12, 2],
    [['a', 'b', 'c'], 9, 2], // ["a","b"]
    [['a', 'b', 'c'], 8, 1],
    [['a', 'b', 'c'], 2, 0],
    [['ü'], 5, 0], // "ü" is 2 bytes of UTF-8: ["ü"] is 6
    [['ü'], 6, 1],
    [[], 2, 0]
  ])('%j within %d bytes keeps %d', (items, limit, kept) => {
    const fitted = fitJsonArray(items, limit)
    expect(fitted.kept).toBe(kept)
    expect(JSON.parse(fitted.json)).toEqual(items.slice(0, kept))
    expect(Buffer.byteLength(fitted.json)).toBeLessThanOrEqual(limit)
  })
})

test('cutText keeps whole characters', () => {
  expect(cutText('abc', 5)).toBe('abc')
  expect(cutText('aüb', 2)).toBe('a')
  expect(cutText('aüb', 3)).toBe('aü')
})

describe('fitOutputs', () => {
  const paths = Array.from({ length: 100 }, (_, i) => `dir/file-${String(i).padStart(3, '0')}.html`)
  const outputs = { uploaded: JSON.stringify(paths), 'files-uploaded': '100', 'report-file': '/tmp/r.json' }

  test('outputs within the limit pass unchanged, with no warning', () => {
    expect(fitOutputs(outputs, { uploaded: paths }, '/tmp/r.json', 10_000)).toEqual({ outputs, warnings: [] })
  })

  test('a JSON array output over the limit keeps the entries that fit and warns, pointing to the file', () => {
    const { outputs: fitted, warnings } = fitOutputs(outputs, { uploaded: paths }, '/tmp/r.json', 1000)
    const kept = JSON.parse(fitted.uploaded) as string[]
    expect(kept).toEqual(paths.slice(0, kept.length))
    expect(kept.length).toBe(Math.floor((1000 - 2 + 1) / (JSON.stringify(paths[0]).length + 1)))
    expect(fitted['files-uploaded']).toBe('100')
    expect(warnings).toEqual([
      `The uploaded output holds the first ${kept.length} of 100 entries: GitHub limits an output to 1 MB; ` +
        'the whole result is in /tmp/r.json (the report-file output)'
    ])
  })

  test('any other output over the limit is cut to the limit', () => {
    const { outputs: fitted, warnings } = fitOutputs({ other: 'x'.repeat(50) }, {}, '/tmp/r.json', 10)
    expect(fitted.other).toBe('x'.repeat(10))
    expect(warnings[0]).toContain('The other output is cut to 1 MB')
  })

  test('the limit is 1 MB read as 10^6 bytes', () => {
    expect(OUTPUT_LIMIT_BYTES).toBe(1_000_000)
  })
})

describe('the report file', () => {
  const result: DeployResult = {
    dryRun: false,
    uploaded: ['a.txt'],
    bytesUploaded: 5,
    filesSkipped: 2,
    skipped: ['b.txt', 'c/d.txt'],
    adopted: ['c/d.txt'],
    deleted: ['old.txt'],
    listing: [{ path: 'a.txt', type: 'file', size: 5, modifiedAt: null }],
    tlsVersion: 'TLSv1.3',
    fingerprint: 'AB:CD',
    remoteRoot: '/www',
    durationMs: 1234,
    planned: [{ kind: 'upload', path: 'a.txt', detail: '5 bytes' }],
    applied: [{ kind: 'upload', path: 'a.txt', detail: '5 bytes' }]
  }

  test('holds the whole result, counts and timings', () => {
    const started = new Date('2026-12-01T10:00:00Z')
    const finished = new Date('2026-12-01T10:00:02Z')
    expect(reportOf(result, 'ftp.example.com', started, finished)).toEqual({
      format: 1,
      tool: `ftps-deploy ${VERSION}`,
      dryRun: false,
      host: 'ftp.example.com',
      remoteRoot: '/www',
      tlsVersion: 'TLSv1.3',
      fingerprint: 'AB:CD',
      counts: { uploaded: 1, skipped: 2, adopted: 1, deleted: 1, bytesUploaded: 5, listing: 1 },
      uploaded: ['a.txt'],
      skipped: ['b.txt', 'c/d.txt'],
      adopted: ['c/d.txt'],
      deleted: ['old.txt'],
      listing: result.listing,
      planned: result.planned,
      applied: result.applied,
      cutover: null,
      timings: { startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:00:02.000Z', durationMs: 1234 }
    })
  })

  test('says how the files went live: the cutover, its window and the files renamed (issue 23)', () => {
    const cutover = { mode: 'end' as const, windowMs: 41, renamed: 120 }
    expect(reportOf({ ...result, cutover }, 'h', new Date(0), new Date(1)).cutover).toEqual(cutover)
    expect(summaryMarkdown({ ...result, cutover }, 'h')).toContain(
      '| Went live (cutover: end) | 120 file(s) renamed into place within 41 ms |'
    )
    expect(summaryMarkdown({ ...result, cutover: { ...cutover, windowMs: null } }, 'h')).toContain(
      '| Went live (cutover: end) | nothing went live |'
    )
  })

  test('is written with its directory; the default is a new name under the temp dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'))
    const path = join(dir, 'nested', 'report.json')
    const report = reportOf(result, 'h', new Date(0), new Date(1))
    writeReport(path, report)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(report)
    const a = defaultReportPath(dir)
    expect(a.startsWith(join(dir, 'ftps-deploy-report-'))).toBe(true)
    expect(a.endsWith('.json')).toBe(true)
    expect(defaultReportPath(dir)).not.toBe(a)
  })
})
