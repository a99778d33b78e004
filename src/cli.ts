#!/usr/bin/env node
/**
 * The npx entry: argv, FTPS_DEPLOY_* and --config FILE (a flag wins over the environment, which
 * wins over the file), the secrets from their own variables -> the same settings -> the same
 * deploy as the action. Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.
 */
import { deploy } from './deploy.js'
import { planLocal } from './local/local-plan.js'
import { describeError, InputError } from './core/errors.js'
import { parseArgs } from './config/cli-args.js'
import { isSecret, SECRET_ENV } from './config/cli-secrets.js'
import { describeSources, sourceInputs } from './config/cli-sources.js'
import { helpText } from './config/help.js'
import { InputName, Inputs } from './config/inputs.js'
import { cliLog, CliLog } from './cli-log.js'
import { outputsOf } from './report/report.js'
import { lastLines } from './report/progress-text.js'
import { reportOf, writeReport } from './report/report-file.js'
import { parseSettings } from './config/settings.js'
import { cancelOnSignals, exitIfCancelled } from './signals.js'
import { VERSION } from './config/version.js'

/** Aborted on SIGINT or SIGTERM once a deploy is under way (a local plan just dies). */
let cancelSignal: AbortSignal | undefined

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Every secret the environment holds, whether or not this version reads it, is kept out of the log.
  const secrets = Object.values(SECRET_ENV).map(variable => env[variable] ?? '')
  let log: CliLog = cliLog('normal', () => secrets)
  const startedAt = new Date()
  try {
    const args = parseArgs(argv)
    if (args.help) {
      process.stdout.write(helpText() + '\n')
      return 0
    }
    if (args.version) {
      process.stdout.write(`ftps-deploy ${VERSION}\n`)
      return 0
    }
    log = cliLog(args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal', () => secrets)
    const sourced = sourceInputs(args.values, env, args.config)
    for (const warning of sourced.warnings) log.warning(warning)
    const read = (name: InputName): string =>
      isSecret(name) ? (env[SECRET_ENV[name]] ?? '') : (sourced.values[name] ?? '').trim()
    const localOnly = read(Inputs.Host) === ''
    const settings = parseSettings(read, { requireHost: !localOnly })
    if (localOnly && !settings.dryRun) {
      throw new InputError(`Invalid host '': expected a server name or IP address (required unless --dry-run)`)
    }
    if (settings.dryRun || args.verbose) for (const line of describeSources(sourced, env)) log.info(line)
    const result = localOnly
      ? await planLocal(settings, log)
      : await deploy(settings, log, undefined, (cancelSignal = cancelOnSignals()))
    log.end()
    // No file unless asked for: a terminal has no 1 MB limit to work around (--json holds it all).
    if (settings.reportFile) writeReport(settings.reportFile, reportOf(result, settings.host, startedAt, new Date()))
    const outputs = outputsOf(result, settings.reportFile ?? '')
    if (args.json) process.stdout.write(JSON.stringify(outputs) + '\n')
    // The last lines: on stdout, or beside the log when stdout holds the JSON.
    for (const line of lastLines(result)) (args.json ? process.stderr : process.stdout).write(line + '\n')
    return 0
  } catch (err) {
    log.always(`error: ${describeError(err)}`)
    return err instanceof InputError ? 2 : 1
  }
}

/**
 * @actions/glob reports through @actions/core, which writes workflow commands (::debug::) to
 * stdout. In a terminal or behind --json they are noise: send them to stderr under --verbose.
 */
function quietWorkflowCommands(verbose: boolean): void {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    if (!text.startsWith('::')) return write(chunk, ...rest)
    if (verbose) process.stderr.write(text)
    return true
  }) as typeof process.stdout.write
}

quietWorkflowCommands(process.argv.includes('--verbose'))
process.exitCode = await main(process.argv.slice(2), process.env)
// A cancelled run has said what it did: it exits now, not when the connections it gave up time out.
if (cancelSignal) exitIfCancelled(cancelSignal, process.exitCode)
