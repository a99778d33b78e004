/** The CLI's command line: flags named after the action's inputs, plus --json, --help, --version. */
import { InputError } from './errors.js'
import { BooleanInputs, InputDefaults, InputName, Inputs } from './inputs.js'
import { VERSION } from './version.js'

export const FLAG_INPUTS = Object.values(Inputs).filter(name => name !== Inputs.Password) as InputName[]

export interface CliArgs {
  values: Partial<Record<InputName, string>>
  json: boolean
  verbose: boolean
  help: boolean
  version: boolean
}

/** Parses `--name value`, `--name=value`, and bare `--flag` for booleans. Throws InputError. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { values: {}, json: false, verbose: false, help: false, version: false }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]
    const match = /^--([a-z0-9-]+)(?:=([\s\S]*))?$/.exec(token)
    if (!match) throw new InputError(`Unexpected argument '${token}': every input is a --flag (see --help)`)
    const [, name, inline] = match
    if (name === Inputs.Password) {
      // argv is visible to every user of the machine (ps): the value is never echoed.
      throw new InputError('--password is not accepted: pass the password in the FTPS_PASSWORD environment variable')
    }
    if (name === 'json' || name === 'verbose' || name === 'help' || name === 'version') {
      if (inline !== undefined) throw new InputError(`--${name} takes no value`)
      args[name] = true
      continue
    }
    if (!(FLAG_INPUTS as string[]).includes(name)) throw new InputError(`Unknown option --${name} (see --help)`)
    const input = name as InputName
    let value = inline
    if (value === undefined) {
      if (BooleanInputs.includes(input)) value = 'true'
      else if (i + 1 < argv.length) value = argv[++i]
      else throw new InputError(`--${name} needs a value`)
    }
    // A repeated --files adds patterns, as lines of the action's input do.
    args.values[input] =
      input === Inputs.Files && args.values[input] !== undefined ? `${args.values[input]}\n${value}` : value
  }
  return args
}

export function helpText(): string {
  const rows = FLAG_INPUTS.map(name => {
    const fallback = InputDefaults[name]
    return `  --${name}${BooleanInputs.includes(name) ? '[=false]' : ' VALUE'}${fallback ? `  (default: ${fallback.replace(/\n/g, ' ')})` : ''}`
  })
  return [
    `ftps-deploy ${VERSION}: deploy files to an FTP server over verified TLS`,
    '',
    'Usage: npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www [--dry-run]',
    '',
    'The password is read from the FTPS_PASSWORD environment variable, never from a flag.',
    'Without --host, --dry-run lists the local plan without connecting.',
    '',
    "Options (the action's inputs):",
    ...rows,
    '  --json      print the outputs as one JSON object on stdout',
    '  --verbose   print the FTP protocol log (the password is never shown)',
    '  --help      show this help',
    '  --version   print the version',
    '',
    'Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.'
  ].join('\n')
}
