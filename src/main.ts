/** The action: inputs -> settings -> deploy -> outputs and job summary, with one failure funnel. */
import * as core from '@actions/core'
// Loaded up front here (the CLI loads it only for patterns other than **): the action's bundle
// stays one file, with every dependency's licence in dist/licenses.txt.
import '@actions/glob'
import { tmpdir } from 'node:os'
import { defaultDeps, deploy } from './deploy.js'
import { RunIdentity } from './lock/lock.js'
import { DeployResult } from './core/result.js'
import { describeError, InputError } from './core/errors.js'
import { InputName, Inputs, Outputs } from './config/inputs.js'
import { Log, Progress, redact, secretForms } from './core/log.js'
import { fitOutputs } from './report/output-limit.js'
import { failureMarkdown, formatBytes, formatRate, outputsOf, summaryMarkdown } from './report/report.js'
import { defaultReportPath, reportOf, writeReport } from './report/report-file.js'
import { parseSettings } from './config/settings.js'
import { cancelOnSignals, exitIfCancelled } from './signals.js'

/** Every form of the password seen so far: errors and the summary are cleaned of them. */
const secrets: string[] = []

/** Reads an input as the runner passes it; the password, the SSH key and its passphrase are masked the moment they are read. */
export function readActionInput(name: InputName): string {
  if (name === Inputs.Password || name === Inputs.SshKey || name === Inputs.SshPassphrase) {
    const password = core.getInput(name, { trimWhitespace: false })
    // A key spans lines: the runner masks a value line by line only when each line is registered.
    const lines = name === Inputs.SshKey ? password.split(/\r?\n/).filter(l => l.trim().length > 8) : []
    for (const form of [...secretForms(password), ...lines]) {
      core.setSecret(form)
      secrets.push(form)
    }
    return password
  }
  return core.getInput(name)
}

/** A progress line in the Actions log at most every `everyMs`: files, bytes, rate, time left. */
export function progressLines(write: (line: string) => void, now: () => number = Date.now, everyMs = 10_000) {
  let started = now()
  let last = started
  return (p: Progress): void => {
    const at = now()
    // The upload begins (apply reports 0 files done): the rate counts from here, not from the login.
    if (p.files === 0) {
      started = last = at
      return
    }
    if (at - last < everyMs && p.files < p.totalFiles) return
    last = at
    const elapsed = at - started
    const left = p.bytes > 0 ? Math.round(((p.totalBytes - p.bytes) * elapsed) / p.bytes / 1000) : undefined
    write(
      `Progress: ${p.files}/${p.totalFiles} files, ${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}, ${formatRate(p.bytes, elapsed)}` +
        (left === undefined || p.files === p.totalFiles ? '' : `, about ${left} s left`)
    )
  }
}

export const actionsLog: Log = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  get debugEnabled() {
    return core.isDebug()
  },
  group: (name, fn) => core.group(name, fn),
  progress: progressLines(line => core.info(line))
}

/** The job summary exists only on a runner (GITHUB_STEP_SUMMARY); locally there is none. */
async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(markdown, secrets)).write()
}

/**
 * The whole result goes to the report file (report-file, else a new file under RUNNER_TEMP);
 * each output within GitHub's limit, cut with a warning pointing to the file when it would pass it.
 */
export function setOutputs(result: DeployResult, host: string, startedAt: Date, reportFile: string): void {
  writeReport(reportFile, reportOf(result, host, startedAt, new Date()))
  const arrays = { [Outputs.Uploaded]: result.uploaded, [Outputs.Listing]: result.listing }
  const { outputs, warnings } = fitOutputs(outputsOf(result, reportFile), arrays, reportFile)
  for (const warning of warnings) core.warning(warning)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
}

/** The GitHub run, as the deploy lock names its holder: another run's log points right at it. */
export function runnerIdentity(env: NodeJS.ProcessEnv): RunIdentity | undefined {
  const id = env.GITHUB_RUN_ID
  if (id === undefined || id === '') return undefined
  const url = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${id}`
  const attempt = env.GITHUB_RUN_ATTEMPT ? `, attempt ${env.GITHUB_RUN_ATTEMPT}` : ''
  const job = env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : ''
  return { description: `GitHub Actions run ${id}${attempt}${job} (${url})` }
}

export async function run(): Promise<void> {
  const startedAt = new Date()
  let signal: AbortSignal | undefined
  try {
    const settings = parseSettings(readActionInput)
    signal = cancelOnSignals(message => core.setFailed(redact(message, secrets)))
    const result = await deploy(settings, actionsLog, { ...defaultDeps, identity: runnerIdentity(process.env) }, signal)
    const reportFile = settings.reportFile ?? defaultReportPath(process.env.RUNNER_TEMP || tmpdir())
    setOutputs(result, settings.host, startedAt, reportFile)
    await writeSummary(summaryMarkdown(result, settings.host))
  } catch (err) {
    const message = redact(describeError(err), secrets)
    core.setFailed(message)
    await writeSummary(failureMarkdown(message)).catch(() => undefined)
    // 2 for bad input (nothing was touched), 1 for a failed deploy.
    process.exitCode = err instanceof InputError ? 2 : 1
  }
  // A cancelled run has said what it did: it exits now, not when the connections it gave up time out.
  if (signal) exitIfCancelled(signal, Number(process.exitCode ?? 0))
}
