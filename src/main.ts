/** The action: inputs -> settings -> deploy -> outputs and job summary, with one failure funnel. */
import * as core from '@actions/core'
import { deploy } from './deploy.js'
import { describeError, InputError } from './errors.js'
import { InputName, Inputs } from './inputs.js'
import { Log } from './log.js'
import { failureMarkdown, outputsOf, summaryMarkdown } from './report.js'
import { parseSettings } from './settings.js'
import { cancelOnSignals } from './signals.js'

/** Reads an input as the runner passes it; the password is masked the moment it is read. */
export function readActionInput(name: InputName): string {
  if (name === Inputs.Password) {
    const password = core.getInput(name, { trimWhitespace: false })
    if (password !== '') core.setSecret(password)
    return password
  }
  return core.getInput(name)
}

export const actionsLog: Log = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  group: (name, fn) => core.group(name, fn)
}

/** The job summary exists only on a runner (GITHUB_STEP_SUMMARY); locally there is none. */
async function writeSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}

export async function run(): Promise<void> {
  try {
    const settings = parseSettings(readActionInput)
    const result = await deploy(settings, actionsLog, undefined, cancelOnSignals())
    for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
    await writeSummary(summaryMarkdown(result, settings.host))
  } catch (err) {
    const message = describeError(err)
    core.setFailed(message)
    await writeSummary(failureMarkdown(message)).catch(() => undefined)
    // 2 for bad input (nothing was touched), 1 for a failed deploy.
    process.exitCode = err instanceof InputError ? 2 : 1
  }
}
