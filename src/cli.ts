#!/usr/bin/env node
/**
 * The npx entry: argv + FTPS_PASSWORD -> the same settings -> the same deploy as the action.
 * Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.
 */
import { deploy } from './deploy.js'
import { planLocal } from './local/local-plan.js'
import { describeError, InputError } from './core/errors.js'
import { parseArgs } from './config/cli-args.js'
import { helpText } from './config/help.js'
import { InputName, Inputs } from './config/inputs.js'
import { Log, redact } from './core/log.js'
import { formatBytes, outputsOf } from './report/report.js'
import { reportOf, writeReport } from './report/report-file.js'
import { parseSettings } from './config/settings.js'
import { cancelOnSignals, exitIfCancelled } from './signals.js'
import { VERSION } from './config/version.js'

function cliLog(verbose: boolean, secrets: () => string[]): Log {
  // In a terminal a live bar replaces the per-file lines; otherwise (CI, pipes) plain lines.
  const live = process.stderr.isTTY === true
  let barShown = false
  const write = (line: string): void => {
    if (barShown) process.stderr.write('\r\x1b[K')
    barShown = false
    process.stderr.write(redact(line, secrets()) + '\n')
  }
  return {
    info: message => {
      if (!(live && message.startsWith('uploaded '))) write(message)
    },
    progress: live
      ? p => {
          const percent = p.totalBytes === 0 ? 100 : Math.floor((100 * p.bytes) / p.totalBytes)
          const filled = Math.round(percent / 5)
          process.stderr.write(
            `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${p.files}/${p.totalFiles} files, ${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`
          )
          barShown = true
        }
      : undefined,
    warning: message => write(`warning: ${message}`),
    debug: message => {
      if (verbose) write(`debug: ${message}`)
    },
    debugEnabled: verbose,
    group: async (name, fn) => {
      write(`== ${name}`)
      return fn()
    }
  }
}

/** Aborted on SIGINT or SIGTERM once a deploy is under way (a local plan just dies). */
let cancelSignal: AbortSignal | undefined

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let secrets: string[] = []
  let log = cliLog(false, () => secrets)
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
    log = cliLog(args.verbose, () => secrets)
    const password = env.FTPS_PASSWORD ?? ''
    const passphrase = env.FTPS_SSH_PASSPHRASE ?? ''
    secrets = [password, passphrase]
    const read = (name: InputName): string =>
      name === Inputs.Password
        ? password
        : name === Inputs.SshPassphrase
          ? passphrase
          : (args.values[name] ?? '').trim()
    const localOnly = (args.values[Inputs.Host] ?? '') === ''
    const settings = parseSettings(read, { requireHost: !localOnly })
    if (localOnly && !settings.dryRun) {
      throw new InputError(`Invalid host '': expected a server name or IP address (required unless --dry-run)`)
    }
    const result = localOnly
      ? await planLocal(settings, log)
      : await deploy(settings, log, undefined, (cancelSignal = cancelOnSignals()))
    // No file unless asked for: a terminal has no 1 MB limit to work around (--json holds it all).
    if (settings.reportFile) writeReport(settings.reportFile, reportOf(result, settings.host, startedAt, new Date()))
    const outputs = outputsOf(result, settings.reportFile ?? '')
    if (args.json) process.stdout.write(JSON.stringify(outputs) + '\n')
    else {
      const verb = result.dryRun ? 'would upload' : 'uploaded'
      process.stdout.write(`${verb} ${result.uploaded.length} file(s), ${result.bytesUploaded} bytes\n`)
    }
    return 0
  } catch (err) {
    log.info(`error: ${describeError(err)}`)
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
