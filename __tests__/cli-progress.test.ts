/**
 * The CLI's progress and last lines (issue 25): figures in binary units with the rate and the
 * time left; a terminal's bar redrawn at most REDRAW_MS apart, a line every LINE_MS without one;
 * the levels; the last lines in words, naming what was planned and not done.
 */
import { cliLog, LINE_MS, REDRAW_MS } from '../src/cli-log.js'
import { DeployResult } from '../src/core/result.js'
import { doneText } from '../src/core/plan-text.js'
import { formatDuration, lastLines, progressBar, progressFigures } from '../src/report/progress-text.js'

const MiB = 1024 * 1024

test('durations and figures read as a person says them', () => {
  expect([850, 12_345, 125_000, 3_720_000].map(formatDuration)).toEqual([
    '850 ms',
    '12.3 s',
    '2 min 05 s',
    '1 h 02 min'
  ])
  const p = { files: 177, totalFiles: 400, bytes: 17.2 * MiB, totalBytes: 24.5 * MiB }
  expect(progressFigures(p, 8000)).toBe('177/400 files, 17.2 MiB of 24.5 MiB, 2.1 MiB/s, 3.4 s left')
  expect(progressBar(p, 8000)).toBe('[##############......] 177/400 files, 17.2 MiB of 24.5 MiB, 2.1 MiB/s, 3.4 s left')
  expect(progressFigures({ ...p, files: 400, bytes: p.totalBytes }, 10_000)).toBe(
    '400/400 files, 24.5 MiB of 24.5 MiB, 2.4 MiB/s'
  )
})

const base: DeployResult = {
  dryRun: false,
  uploaded: Array.from({ length: 400 }, (_, i) => `f${i}`),
  bytesUploaded: 25_646_824,
  skipped: [],
  filesSkipped: 23,
  adopted: [],
  deleted: ['old.js', 'older.js'],
  listing: [],
  tlsVersion: 'TLSv1.3',
  fingerprint: '',
  remoteRoot: '/www',
  durationMs: 12_300,
  planned: [],
  applied: []
}

test('the last lines: what was done, in how long, at what rate; the cutover; steps not done by name', () => {
  expect(lastLines(base)).toEqual([
    'Uploaded 400 files (24.5 MiB), skipped 23 unchanged, deleted 2, in 12.3 s at 2.0 MiB/s'
  ])
  const lock = { kind: 'take lock' as const, path: '.ftps-deploy.lock' }
  const release = { kind: 'release lock' as const, path: '.ftps-deploy.lock' }
  const rmdir = { kind: 'remove directory' as const, path: 'old', detail: 'if empty' }
  const up = { kind: 'upload' as const, path: 'a.js', detail: '3 bytes' }
  const planned = [lock, up, rmdir, release]
  expect(
    lastLines({
      ...base,
      uploaded: ['a.js'],
      bytesUploaded: 3,
      planned,
      applied: [lock, up, release],
      cutover: { mode: 'swap', windowMs: 180, renamed: 2 }
    })
  ).toEqual([
    'Uploaded 1 file (3 bytes), skipped 23 unchanged, deleted 2, in 12.3 s at 0 bytes/s',
    'Cutover swap: switched over within 180 ms, 2 renames',
    'Planned but not done: remove directory old (if empty)'
  ])
  expect(lastLines({ ...base, dryRun: true, planned })).toEqual([
    'Dry run: would upload 400 files (24.5 MiB), skip 23 unchanged, delete 2; nothing was changed (12.3 s)'
  ])
  // apply's own line: the lock's steps are not apply's (they were the '421 of 423').
  expect(doneText([up, rmdir], [up, rmdir])).toBe('all 2 steps of the plan')
  expect(doneText([up, rmdir], [up])).toBe("1 of the plan's 2 steps; not done: remove directory old (if empty)")
})

/** A stream that records what is written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean) {
  const chunks: string[] = []
  const out = { isTTY, columns: 120, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream
  let t = 1_000_000
  return { chunks, out, now: () => t, advance: (ms: number) => (t += ms) }
}

test('on a terminal: one bar redrawn at most every REDRAW_MS, lines above it, the last figures kept', () => {
  const term = fakeTerminal(true)
  const log = cliLog('normal', () => ['hunter2'], term.out, term.now)
  const total = { totalFiles: 100, totalBytes: 100 * 1024 }
  log.progress!({ files: 0, bytes: 0, ...total })
  for (let i = 1; i <= 100; i++) {
    term.advance(10) // 100 files a second: at most 4 redraws a second
    log.progress!({ files: i, bytes: i * 1024, ...total })
    if (i === 50) log.info('uploaded f50 (1024 bytes)') // a step: the bar says it
    if (i === 60) log.warning('slow server hunter2')
  }
  log.end()
  const bars = term.chunks.filter(c => c.startsWith('\r\x1b[K['))
  expect(bars.length).toBeLessThanOrEqual(1 + Math.ceil(1000 / REDRAW_MS) + 2)
  expect(bars.at(-1)).toBe('\r\x1b[K[####################] 100/100 files, 100.0 KiB of 100.0 KiB, 100.0 KiB/s')
  expect(term.chunks.join('')).not.toContain('uploaded f50')
  expect(term.chunks).toContain('warning: slow server ***\n')
  // The last figures stay, on their own line, above what follows.
  expect(term.chunks.slice(-2)).toEqual([bars.at(-1), '\n'])
})

test('--verbose on a terminal: every step and the protocol log above the bar, still at most 4 redraws a second', () => {
  const term = fakeTerminal(true)
  const log = cliLog('verbose', () => [], term.out, term.now)
  const total = { totalFiles: 10, totalBytes: 10 * 1024 }
  log.progress!({ files: 0, bytes: 0, ...total })
  for (let i = 1; i <= 10; i++) {
    term.advance(50)
    for (let j = 0; j < 20; j++) log.debug(`> STOR f${i}-${j}`)
    log.info(`uploaded f${i} (1024 bytes)`)
    log.progress!({ files: i, bytes: i * 1024, ...total })
  }
  const text = term.chunks.join('')
  expect(text).toContain('debug: > STOR f3-7\n')
  expect(text).toContain('uploaded f10 (1024 bytes)\n')
  expect(term.chunks.filter(c => c.startsWith('\r\x1b[K[')).length).toBeLessThanOrEqual(2 + 2 + 1)
})

test('a narrow terminal gets a bar cut to its width, never a wrapped one', () => {
  const term = fakeTerminal(true)
  ;(term.out as { columns: number }).columns = 40
  const log = cliLog('normal', () => [], term.out, term.now)
  log.progress!({ files: 0, bytes: 0, totalFiles: 3, totalBytes: 3 * MiB })
  expect(term.chunks).toEqual(['\r\x1b[K[....................] 0/3 files, 0 byt'])
  log.end()
})

test('without a terminal: a line every LINE_MS and at the end; --quiet: only warnings and what must be said', () => {
  const plain = fakeTerminal(false)
  const log = cliLog('normal', () => [], plain.out, plain.now)
  const total = { totalFiles: 10, totalBytes: 10 * MiB }
  log.progress!({ files: 0, bytes: 0, ...total })
  for (let i = 1; i <= 10; i++) {
    plain.advance(2000)
    log.progress!({ files: i, bytes: i * MiB, ...total })
  }
  expect(plain.chunks.filter(c => c.startsWith('Progress: '))).toEqual([
    'Progress: 3/10 files, 3.0 MiB of 10.0 MiB, 512.0 KiB/s, 14.0 s left\n',
    'Progress: 6/10 files, 6.0 MiB of 10.0 MiB, 512.0 KiB/s, 8.0 s left\n',
    'Progress: 9/10 files, 9.0 MiB of 10.0 MiB, 512.0 KiB/s, 2.0 s left\n',
    'Progress: 10/10 files, 10.0 MiB of 10.0 MiB, 512.0 KiB/s\n'
  ])
  expect(LINE_MS).toBe(5000)

  const quiet = fakeTerminal(true)
  const q = cliLog('quiet', () => [], quiet.out, quiet.now)
  expect(q.progress).toBeUndefined()
  q.info('== Connect')
  q.debug('> USER x')
  void q.group('Connect', async () => undefined)
  q.warning('w')
  q.always('error: e')
  expect(quiet.chunks).toEqual(['warning: w\n', 'error: e\n'])
})
