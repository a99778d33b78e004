/**
 * Where the CLI's inputs come from, in the contract's order: a flag wins over FTPS_DEPLOY_<NAME>,
 * which wins over the --config file. Generic over the input list: every input action.yml
 * declares is a key of the file and a variable, the secrets (cli-secrets.ts) in none of them.
 */
import { InputError } from '../core/errors.js'
import { FLAG_INPUTS } from './cli-args.js'
import { isSecret, SECRET_ENV } from './cli-secrets.js'
import { readConfigFile } from './config-file.js'
import { InputDefaults, InputName, Inputs } from './inputs.js'
import { suggestFlag } from './suggest.js'

export const ENV_PREFIX = 'FTPS_DEPLOY_'

/** FTPS_DEPLOY_REMOTE_DIR for remote-dir. */
export const envName = (input: string): string => ENV_PREFIX + input.toUpperCase().replace(/-/g, '_')

export type Source =
  { kind: 'flag' } | { kind: 'environment'; variable: string } | { kind: 'file'; file: string; line: number }

export interface Sourced {
  values: Partial<Record<InputName, string>>
  sources: Partial<Record<InputName, Source>>
  /** FTPS_DEPLOY_ variables that name no input: warned about, not fatal (a shared CI environment). */
  warnings: string[]
}

/** The inputs set in the environment; a secret under FTPS_DEPLOY_ is refused by name. */
function fromEnvironment(env: NodeJS.ProcessEnv, known: readonly string[], warnings: string[]) {
  const found = new Map<string, string>()
  const byVariable = new Map(known.map(name => [envName(name), name]))
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith(ENV_PREFIX) || value === undefined) continue
    const secret = Object.keys(SECRET_ENV).find(name => envName(name) === variable)
    if (secret !== undefined) {
      throw new InputError(
        `${variable} is not accepted: pass the ${secret} in the ${SECRET_ENV[secret]} environment variable`
      )
    }
    const name = byVariable.get(variable)
    if (name === undefined) {
      const typed = variable.slice(ENV_PREFIX.length).toLowerCase().replace(/_/g, '-')
      const meant = suggestFlag(typed, known)
      warnings.push(`${variable} names no input and is ignored${meant ? `: did you mean ${envName(meant)}?` : ''}`)
      continue
    }
    // CI systems define variables empty when unset: empty is not given.
    if (value !== '') found.set(name, value)
  }
  return found
}

/** Merges flags, FTPS_DEPLOY_* and the --config file (if any). Throws InputError. */
export function sourceInputs(
  flags: Partial<Record<InputName, string>>,
  env: NodeJS.ProcessEnv,
  configFile?: string
): Sourced {
  const known = FLAG_INPUTS as readonly string[]
  const out: Sourced = { values: {}, sources: {}, warnings: [] }
  const fromFile = configFile === undefined ? new Map() : readConfigFile(configFile, known)
  const fromEnv = fromEnvironment(env, known, out.warnings)
  for (const name of FLAG_INPUTS) {
    const file = fromFile.get(name)
    if (flags[name] !== undefined) {
      out.values[name] = flags[name]
      out.sources[name] = { kind: 'flag' }
    } else if (fromEnv.has(name)) {
      out.values[name] = fromEnv.get(name)
      out.sources[name] = { kind: 'environment', variable: envName(name) }
    } else if (file !== undefined) {
      out.values[name] = file.value
      out.sources[name] = { kind: 'file', file: configFile!, line: file.line }
    }
  }
  return out
}

const sourceText = (s: Source): string =>
  s.kind === 'flag' ? 'flag' : s.kind === 'environment' ? `environment ${s.variable}` : `file ${s.file}:${s.line}`

/** A value on one line, cut short: many patterns stay readable; key text is never shown. */
function shown(value: string): string {
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(value)) return '(private key text, not shown)'
  if (/-----BEGIN /.test(value)) return `(PEM text, ${value.trim().split('\n').length} lines)`
  const line = value.trim().replace(/\s*\n\s*/g, ', ')
  return line.length > 60 ? `${line.slice(0, 57)}...` : line
}

/**
 * 'Inputs: host=ftp.example.com (environment FTPS_DEPLOY_HOST)', one line per value that is not
 * the default, then the secrets as set or not (never their value).
 */
export function describeSources(s: Sourced, env: NodeJS.ProcessEnv): string[] {
  const lines = FLAG_INPUTS.filter(name => {
    const value = s.values[name]
    return value !== undefined && value.trim() !== InputDefaults[name]
  }).map(name => `input ${name}: ${shown(s.values[name]!)} (${sourceText(s.sources[name]!)})`)
  for (const [name, variable] of Object.entries(SECRET_ENV)) {
    const input = (Object.values(Inputs) as string[]).includes(name)
    if (input && isSecret(name) && (env[variable] ?? '') !== '')
      lines.push(`input ${name}: set (environment ${variable})`)
  }
  return lines
}
