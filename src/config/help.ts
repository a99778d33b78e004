/**
 * The CLI's --help: every flag with what it means and accepts, from src/input-docs.ts (generated
 * from action.yml, like the README's tables), grouped as the README groups the inputs.
 */
import { FLAG_INPUTS, OTHER_FLAGS } from './cli-args.js'
import { BooleanInputs, InputName, Inputs } from './inputs.js'
import { INPUT_DOCS, InputDoc } from './input-docs.js'
import { VERSION } from './version.js'

/** Terminals of 100 columns show every line unbroken. */
export const HELP_WIDTH = 100
/** Descriptions are indented under their flag by this much. */
export const DESCRIPTION_INDENT = 6

/** Breaks text into lines of at most `width` columns at spaces (a longer word keeps its own line). */
export function wrap(text: string, width: number, indent: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(w => w !== '')) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(' '.repeat(indent) + line)
  return lines
}

/** What the CLI says on the flag's own line, after its name: the default, or how it is needed. */
function flagNote(doc: InputDoc): string {
  if (doc.name === Inputs.Host) return '  (required, except for a local --dry-run)'
  if (doc.name === Inputs.ReportFile) return '  (default: none)'
  return doc.default === '' ? '' : `  (default: ${doc.default.replace(/\n/g, ' ')})`
}

function flagLines(doc: InputDoc): string[] {
  const name = doc.name as InputName
  const value = name === Inputs.Verify ? '[=false|hash]' : BooleanInputs.includes(name) ? '[=false]' : ' VALUE'
  return [`  --${name}${value}${flagNote(doc)}`, ...wrap(doc.description, HELP_WIDTH, DESCRIPTION_INDENT)]
}

const EXAMPLES = [
  'Examples:',
  '  # Type the password once; it stays out of the shell history and off the command line.',
  '  read -rs FTPS_PASSWORD && export FTPS_PASSWORD',
  '',
  '  # The plan: what would be uploaded and deleted; nothing changes on the server.',
  '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
  '    --dry-run',
  '',
  '  # Deploy, and delete the files that earlier runs deployed and this build lacks.',
  '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
  '    --delete',
  '',
  '  # Pin a self-signed certificate by its SHA-256 fingerprint (the tls-fingerprint output).',
  '  npx ftps-deploy --host ftp.example.com --user deploy --local-dir dist --remote-dir /www \\',
  '    --tls-fingerprint F91EC90467AA39CEDA02288FDA9D83C77E1937F1489F62909BBE2F4CAC56D93F',
  '',
  '  # Inputs from a YAML file and the environment (a flag would win over both).',
  '  FTPS_DEPLOY_REMOTE_DIR=/staging npx ftps-deploy --config deploy.yml --dry-run',
  '',
  '  # The local plan only, without a server: which files, under which remote paths.',
  '  npx ftps-deploy --local-dir dist --dry-run'
]

export function helpText(): string {
  const docs = INPUT_DOCS.filter(doc => (FLAG_INPUTS as string[]).includes(doc.name))
  const groups = [...new Set(docs.map(doc => doc.group))]
  return [
    `ftps-deploy ${VERSION}: deploy files to an FTP server over verified TLS`,
    '',
    'Usage: npx ftps-deploy --host HOST [--user USER] [--local-dir DIR] [--remote-dir DIR] [flags]',
    '       npx ftps-deploy --config FILE [flags]',
    '',
    'Every flag is an input of the GitHub Action, with the same name and meaning: --name VALUE or',
    '--name=VALUE. A boolean flag alone means true (--dry-run); --atomic=false turns one off.',
    'Repeat --files for several patterns. The password is read from the FTPS_PASSWORD environment',
    'variable, never from a flag, a config file or an FTPS_DEPLOY_ variable.',
    '',
    'Every input can also be set in the environment as FTPS_DEPLOY_<NAME> (upper case, hyphens as',
    'underscores: FTPS_DEPLOY_REMOTE_DIR), or in a YAML file given with --config FILE, with the',
    "names of a workflow's with: (remote-dir: /www). A flag wins over the environment, which wins",
    'over the file. A dry run first says where each value that is not the default came from.',
    ...groups.flatMap(group => ['', `${group}:`, ...docs.filter(doc => doc.group === group).flatMap(flagLines)]),
    '',
    'Other flags:',
    `  --${'config FILE'.padEnd(14)}read inputs from a YAML file (see above)`,
    ...Object.entries(OTHER_FLAGS).map(([name, text]) => `  --${name.padEnd(14)}${text}`),
    '',
    'Exit status: 0 done, 1 the deploy failed, 2 invalid input or usage.',
    '',
    ...EXAMPLES
  ].join('\n')
}
