/** The CLI's command line: flags named after the action's inputs, plus --json, --help, --version. */
import { InputError } from '../core/errors.js'
import { BooleanInputs, InputName, Inputs } from './inputs.js'
import { suggestFlag } from './suggest.js'

export const FLAG_INPUTS = Object.values(Inputs).filter(
  name => name !== Inputs.Password && name !== Inputs.SshPassphrase
) as InputName[]

/** The flags that are not inputs, with their help lines. */
export const OTHER_FLAGS = {
  json: 'print the outputs as one JSON object on stdout',
  verbose: 'print the FTP protocol log on stderr (the password is never shown)',
  help: 'show this help',
  version: 'print the version'
} as const

type OtherFlag = keyof typeof OTHER_FLAGS

export interface CliArgs {
  values: Partial<Record<InputName, string>>
  json: boolean
  verbose: boolean
  help: boolean
  version: boolean
}

function unknownFlag(name: string): InputError {
  const meant = suggestFlag(name, [...FLAG_INPUTS, ...Object.keys(OTHER_FLAGS)])
  return new InputError(`Unknown option --${name}${meant ? `: did you mean --${meant}?` : ''} (see --help)`)
}

/** Parses `--name value`, `--name=value`, and bare `--flag` for booleans. Throws InputError. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { values: {}, json: false, verbose: false, help: false, version: false }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    const match = /^--([a-z0-9-]+)(?:=([\s\S]*))?$/i.exec(token)
    if (!match) throw new InputError(`Unexpected argument '${token}': every input is a --flag (see --help)`)
    const [, name, inline] = match
    if (name === Inputs.Password) {
      // argv is visible to every user of the machine (ps): the value is never echoed.
      throw new InputError('--password is not accepted: pass the password in the FTPS_PASSWORD environment variable')
    }
    if (name === Inputs.SshPassphrase) {
      throw new InputError(
        '--ssh-passphrase is not accepted: pass the passphrase in the FTPS_SSH_PASSPHRASE environment variable'
      )
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
  return args
}
