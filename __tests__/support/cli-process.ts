/**
 * Runs a deploy as users do, in a child process: `node dist/cli/index.js ... --json` with the
 * password in FTPS_PASSWORD. Outside jest's ESM sandbox socket errors are real Errors, so a
 * reset data connection fails the transfer instead of hanging it (see the fault tests).
 * FAULTS_CLI=src runs the current sources through tsx instead of the committed bundle.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { InputValues } from './engine.js'
import { REPO } from './runner.js'

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  /** Every stderr line (the log), in order. */
  lines: string[]
  /** The --json outputs when the run succeeded. */
  outputs: Record<string, string> | undefined
  /** From the last `error: ` line to the end of the log, without the prefix ('' when none). */
  error: string
  ms: number
  /** The run was killed because it outlived limitMs. */
  timedOut: boolean
}

export interface CliOptions {
  password: string
  /** Called with each log line as it arrives (to inject a fault at a given point). */
  onLine?: (line: string, child: ChildProcess) => void
  /** Kills the run after this long (default 45 s), so no test can hang on it. */
  limitMs?: number
}

function cliCommand(): string[] {
  return process.env.FAULTS_CLI === 'src'
    ? ['--import', 'tsx', join(REPO, 'src', 'cli.ts')]
    : [join(REPO, 'dist', 'cli', 'index.js')]
}

/** Input values (as for the action) to CLI flags; the password never goes on the command line. */
export function cliArgs(inputs: InputValues): string[] {
  const args: string[] = []
  for (const [name, value] of Object.entries(inputs)) {
    if (name === 'password' || value === undefined) continue
    args.push(`--${name}=${value}`)
  }
  return args
}

export function runCliDeploy(inputs: InputValues, options: CliOptions): Promise<CliRun> {
  const started = Date.now()
  const env: NodeJS.ProcessEnv = { ...process.env, FTPS_PASSWORD: options.password, NODE_OPTIONS: '' }
  for (const key of Object.keys(env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete env[key]
  const child = spawn(process.execPath, [...cliCommand(), ...cliArgs(inputs), '--json'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  let stdout = ''
  let partial = ''
  let timedOut = false
  const limit = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.limitMs ?? 45_000)
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      options.onLine?.(line, child)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      if (partial !== '') lines.push(partial)
      let outputs: Record<string, string> | undefined
      try {
        outputs = stdout.trim() === '' ? undefined : (JSON.parse(stdout) as Record<string, string>)
      } catch {
        outputs = undefined
      }
      const at = lines.map(l => l.startsWith('error: ')).lastIndexOf(true)
      resolve({
        code,
        signal,
        lines,
        outputs,
        error: at < 0 ? '' : lines.slice(at).join('\n').slice('error: '.length).trimEnd(),
        ms: Date.now() - started,
        timedOut
      })
    })
  })
}
