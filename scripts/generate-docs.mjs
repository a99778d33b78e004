// Writes what is generated from action.yml: the README's input and output tables (between the
// marker comments, grouped as the `# group:` comments in action.yml group the inputs) and
// src/config/input-docs.ts, which the CLI's --help reads. `node scripts/generate-docs.mjs --check`
// exits 1 when either is stale (a test runs the same check).
import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'

export const MODULE_PATH = 'src/config/input-docs.ts'

const oneLine = text =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
const cell = text => oneLine(text).replace(/\|/g, '\\|')

/** Each input's group: the last `  # group: Name` comment above it in action.yml. */
export function inputGroups(actionYml) {
  const groups = {}
  let section = ''
  let group = ''
  for (const line of actionYml.split('\n')) {
    const top = /^([a-z]+):/.exec(line)
    if (top) section = top[1]
    const comment = /^ {2}# group: (.+?)\s*$/.exec(line)
    if (comment) group = comment[1]
    const key = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (key && section === 'inputs') groups[key[1]] = group
  }
  return groups
}

/** The inputs in action.yml's order: name, group, description, default, required. */
export function inputDocs(actionYml) {
  const action = parse(actionYml)
  const groups = inputGroups(actionYml)
  return Object.entries(action.inputs).map(([name, input]) => {
    if (!groups[name]) throw new Error(`action.yml: input ${name} has no "# group:" comment above it`)
    return {
      name,
      group: groups[name],
      description: oneLine(input.description),
      default: input.default === undefined ? '' : String(input.default),
      required: input.required === true
    }
  })
}

export function tables(actionYml) {
  const action = parse(actionYml)
  const docs = inputDocs(actionYml)
  const sections = [...new Set(docs.map(d => d.group))].map(group => {
    const rows = docs
      .filter(d => d.group === group)
      .map(
        d =>
          `| \`${d.name}\` | ${d.required ? 'required' : d.default ? `\`${cell(d.default)}\`` : ''} | ${cell(d.description)} |`
      )
    return [`### ${group}`, '', '| input | default | description |', '| --- | --- | --- |', ...rows].join('\n')
  })
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return {
    inputs: sections.join('\n\n'),
    outputs: ['| output | description |', '| --- | --- |', ...outputs].join('\n')
  }
}

export function render(readme, actionYml) {
  const generated = tables(actionYml)
  return readme.replace(
    /(<!-- (inputs|outputs):start[^>]*-->\n)[\s\S]*?(<!-- \2:end -->)/g,
    (_, start, which, end) => `${start}${generated[which]}\n${end}`
  )
}

/** The TypeScript module the CLI imports for --help, formatted by Prettier as `npm run format` would. */
export async function inputDocsModule(actionYml) {
  const docs = inputDocs(actionYml)
  // One line an input (name, group, default, required, description, tab-separated): a table that
  // stays readable and short however many inputs there are.
  const rows = docs.map(
    d => `  ${JSON.stringify([d.name, d.group, d.default, String(d.required), d.description].join('\t'))}`
  )
  const text = [
    '// Generated from action.yml by `npm run docs` (scripts/generate-docs.mjs). Do not edit: a test fails when stale.',
    '',
    'export interface InputDoc {',
    '  name: string',
    '  /** The README and --help group inputs under these headings, in this order. */',
    '  group: string',
    '  description: string',
    "  /** action.yml's default ('' = none). */",
    '  default: string',
    '  required: boolean',
    '}',
    '',
    '/** Each input: name, group, default, required, description, separated by tabs. */',
    `const ROWS = [\n${rows.join(',\n')}\n]`,
    '',
    'export const INPUT_DOCS: readonly InputDoc[] = ROWS.map(row => {',
    "  const [name, group, value, required, description] = row.split('\\t') as [string, string, string, string, string]",
    "  return { name, group, default: value, required: required === 'true', description }",
    '})',
    ''
  ].join('\n')
  return format(text, { ...(await resolveConfig(MODULE_PATH)), filepath: MODULE_PATH })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const actionYml = readFileSync('action.yml', 'utf8')
  const readme = readFileSync('README.md', 'utf8')
  const fresh = { 'README.md': render(readme, actionYml), [MODULE_PATH]: await inputDocsModule(actionYml) }
  let stale = false
  for (const [path, text] of Object.entries(fresh)) {
    let current
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      current = ''
    }
    if (current === text) continue
    if (process.argv.includes('--check')) {
      console.error(`${path} is stale: run \`npm run docs\` and commit it`)
      stale = true
    } else {
      writeFileSync(path, text)
    }
  }
  if (stale) process.exit(1)
}
