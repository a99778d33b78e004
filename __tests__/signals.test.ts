/**
 * The backstop of a cancel (src/signals.ts): a process that is still there 7 s after SIGINT,
 * whatever holds it up, exits with status 1 and says why, before the runner's SIGTERM at 7.5 s.
 * A run that ends earlier exits then (the backstop's timer keeps nothing alive).
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { REPO } from './support/runner.js'

/** Runs a script that imports the signals module; SIGINT after it says 'ready'. */
function runWithSigint(body: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  const script = `import { cancelOnSignals } from ${JSON.stringify(join(REPO, 'src', 'signals.ts'))}\n${body}\nconsole.log('ready')\n`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  let sentAt = 0
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdout.on('data', (d: Buffer) => {
    if (sentAt === 0 && d.toString().includes('ready')) {
      sentAt = Date.now()
      child.kill('SIGINT')
    }
  })
  const limit = setTimeout(() => child.kill('SIGKILL'), 20_000)
  return new Promise(resolve =>
    child.on('close', code => {
      clearTimeout(limit)
      resolve({ code, stderr, ms: Date.now() - sentAt })
    })
  )
}

test('a run held up after SIGINT exits with status 1 within the grace period, saying why', async () => {
  const run = await runWithSigint('cancelOnSignals()\nsetInterval(() => undefined, 1000)')
  expect(run.code).toBe(1)
  expect(run.ms).toBeLessThan(7500)
  expect(run.ms).toBeGreaterThanOrEqual(6900)
  expect(run.stderr).toContain(
    'error: the deploy was cancelled (SIGINT) and could not finish cleaning up within 7 s; exiting (the next run removes what is left)'
  )
}, 30_000)

test('a run that ends after SIGINT exits then, not at the backstop', async () => {
  const run = await runWithSigint(
    "const signal = cancelOnSignals()\nconst keep = setInterval(() => undefined, 1000)\nsignal.addEventListener('abort', () => { clearInterval(keep); process.exitCode = 1 })"
  )
  expect(run.code).toBe(1)
  expect(run.ms).toBeLessThan(3000)
  expect(run.stderr).toBe('')
}, 30_000)
