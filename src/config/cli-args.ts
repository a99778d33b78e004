/** The CLI's command line: flags named after the action's inputs, plus --config, --json, --help, --version. */
import { InputError } from '../core/errors.js'
import { isSecret, SECRET_ENV } from './cli-secrets.js'
import { BooleanInputs, InputName, Inputs } from './inputs.js'
import { suggestFlag } from './suggest.js'

/** Every input but the secrets: a flag, a key of the config file and an FTPS_DEPLOY_ variable each. */
export const FLAG_INPUTS = Object.values(Inputs).filter(name => !isSecret(name)) as InputName[]

/** The flags that are not inputs, with their help lines. */
export const OTHER_FLAGS = {
  json: 'print the outputs as one JSON object on stdout',
  quiet: 'print only warnings, errors and the last lines',
  verbose: 'also each step on a terminal, and the protocol log (the password is never shown)',
  help: 'show this help',
  version: 'print the version'
} as const

type OtherFlag = keyof typeof OTHER_FLAGS

export interface CliArgs {
  values: Partial<Record<InputName, string>>
  /** --config FILE: a YAML file of inputs (config-file.ts). */
  config?: string
  json: boolean
  quiet: boolean
  verbose: boolean
  help: boolean
  version: boolean
}

function unknownFlag(name: string): InputError {
  const meant = suggestFlag(name, [...FLAG_INPUTS, 'config', ...Object.keys(OTHER_FLAGS)])
  return new InputError(`Unknown option --${name}${meant ? `: did you mean --${meant}?` : ''} (see --help)`)
}

/** Parses `--name value`, `--name=value`, and bare `--flag` for booleans. Throws InputError. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { values: {}, json: false, quiet: false, verbose: false, help: false, version: false }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    const match = /^--([a-z0-9-]+)(?:=([\s\S]*))?$/i.exec(token)
    if (!match) throw new InputError(`Unexpected argument '${token}': every input is a --flag (see --help)`)
    const [, name, inline] = match
    if (isSecret(name)) {
      // argv is visible to every user of the machine (ps): the value is never echoed.
      throw new InputError(
        `--${name} is not accepted: pass the ${name} in the ${SECRET_ENV[name]} environment variable`
      )
    }
    if (name === 'config') {
      if (inline === undefined && i + 1 >= argv.length) throw new InputError('--config needs a file')
      if (args.config !== undefined) throw new InputError('--config is given twice: name one file')
      args.config = inline ?? argv[++i]
      continue
    }
    if (Object.prototype.hasOwnProperty.call(OTHER_FLAGS, name)) {
      if (inline !== undefined) throw new InputError(`--${name} takes no value`)
      args[name as OtherFlag] = true
      continue
    }
    if (!(FLAG_INPUTS as string[]).includes(name)) throw unknownFlag(name)
    const input = name as InputName
    let value = inline
    if (value === undefined) {
      // verify also takes a word: `--verify hash` reads as users mean it.
      if (input === Inputs.Verify && argv[i + 1] === 'hash') value = argv[++i]
      else if (BooleanInputs.includes(input)) value = 'true'
      else if (i + 1 < argv.length) value = argv[++i]
      else throw new InputError(`--${name} needs a value`)
    }
    // A repeated --files adds patterns, as lines of the action's input do.
    args.values[input] =
      input === Inputs.Files && args.values[input] !== undefined ? `${args.values[input]}\n${value}` : value
  }
  if (args.quiet && args.verbose) throw new InputError('--quiet and --verbose ask for opposites: give one')
  return args
}
