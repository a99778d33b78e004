/** Runs the committed bundles the way users do: the runner's INPUT_* protocol, and npx. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { InputValues } from './engine.js'

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string = REPO,
  command = process.execPath
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('close', code => done({ code, stdout, stderr }))
  })
}

/** A clean environment: no INPUT_* or GITHUB_* leaking in from the test's own process. */
export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && k !== 'NODE_OPTIONS' && k !== 'RUNNER_DEBUG') env[k] = v
  }
  return env
}

export interface ActionRun extends Run {
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file: `name<<delimiter` ... `delimiter` blocks (and name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/** Runs `node dist/index.js` exactly as the runner does (INPUT_<NAME> upper-cased, hyphens kept). */
export async function runAction(
  inputs: InputValues,
  extraEnv: NodeJS.ProcessEnv = {},
  workspaceFiles: Record<string, string> = {}
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'))
  for (const [name, content] of Object.entries(workspaceFiles)) writeFileSync(join(dir, name), content)
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = await runNode([join(REPO, 'dist', 'index.js')], env, dir)
  return {
    ...run,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** Runs the CLI the way `npx` does: npm exec installs the package and runs its bin. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Run> {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'npx-'))
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  return runNode(
    ['exec', '--yes', `--package=file:${REPO}`, '--', 'ftps-deploy', ...args],
    { ...baseEnv(), ...env },
    dir,
    npm
  )
}

/**
 * The CLI's command line as users run it: npx on the package (its bundle), or with
 * FAULTS_CLI=src the current sources through tsx (before dist/ is rebuilt).
 */
export function cliCommand(): string[] {
  if (process.env.FAULTS_CLI === 'src') {
    const tsx = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
    return [process.execPath, '--import', tsx, join(REPO, 'src', 'cli.ts')]
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  return [npm, 'exec', '--yes', `--package=file:${REPO}`, '--', 'ftps-deploy']
}

/** Runs the CLI (as cliCommand says) in `cwd` with exactly `env` added to a clean environment. */
export function runCliIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const [command, ...rest] = cliCommand()
  return runNode([...rest, ...args], { ...baseEnv(), ...env }, cwd, command)
}
