import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { FLAG_INPUTS, parseArgs } from '../src/config/cli-args.js'
import { InputError } from '../src/core/errors.js'
import { DESCRIPTION_INDENT, HELP_WIDTH, helpText, wrap } from '../src/config/help.js'
import { editDistance, suggestFlag } from '../src/config/suggest.js'

const actionYml = readFileSync('action.yml', 'utf8')
const action = parse(actionYml) as { inputs: Record<string, { description: string; default?: string }> }
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** --help read back: each flag line, the group above it and the description lines below it. */
function helpEntries(text: string): { name: string; group: string; line: string; description: string }[] {
  const entries: { name: string; group: string; line: string; description: string }[] = []
  let group = ''
  for (const line of text.split('\n')) {
    const heading = /^([A-Z][A-Za-z ]+):$/.exec(line)
    if (heading) group = heading[1]
    const flag = /^ {2}--([a-z0-9-]+)/.exec(line)
    if (flag) entries.push({ name: flag[1], group, line, description: '' })
    else if (line.startsWith(' '.repeat(DESCRIPTION_INDENT)) && entries.length > 0 && !line.trim().startsWith('--')) {
      const last = entries[entries.length - 1]
      last.description = oneLine(`${last.description} ${line}`)
    }
  }
  return entries
}

describe('--help', () => {
  const help = helpText()
  const entries = helpEntries(help.split('\nExamples:')[0])

  test('every flag has the description action.yml gives its input, and its default', () => {
    const inputs = entries.filter(e => (FLAG_INPUTS as string[]).includes(e.name))
    expect(inputs.map(e => e.name).sort()).toEqual([...FLAG_INPUTS].sort())
    for (const entry of inputs) {
      const input = action.inputs[entry.name]
      expect([entry.name, entry.description]).toEqual([entry.name, oneLine(input.description)])
      if (input.default && entry.name !== 'host') expect(entry.line).toContain(`(default: ${input.default})`)
    }
    expect(help).not.toContain('--password')
  })

  test('grouped as action.yml and the README group the inputs, in their order', () => {
    const groups = [...actionYml.matchAll(/^ {2}# group: (.+)$/gm)].map(m => m[1])
    expect(groups).toEqual(['Connection', 'What to upload', 'Sync', 'Going live', 'Transfer', 'Protocol'])
    const readme = readFileSync('README.md', 'utf8')
    for (const group of groups) expect(readme).toContain(`\n### ${group}\n\n| input | default | description |`)
    const order = entries.filter(e => e.group !== 'Other flags').map(e => e.group)
    expect([...new Set(order)]).toEqual(groups)
    expect(entries.find(e => e.name === 'remote-dir')?.group).toBe('What to upload')
    expect(entries.find(e => e.name === 'tls-fingerprint')?.group).toBe('Connection')
    expect(entries.find(e => e.name === 'delete')?.group).toBe('Sync')
    expect(entries.find(e => e.name === 'concurrency')?.group).toBe('Transfer')
  })

  test('fits in 100 columns and ends with examples: a dry run, a deploy, a pinned certificate', () => {
    const long = help.split('\n').filter(line => line.length > HELP_WIDTH)
    expect(long).toEqual([])
    const examples = help.split('\nExamples:\n')[1]
    expect(examples).toMatch(/npx ftps-deploy --host .*\\\n\s+--dry-run\n/)
    expect(examples).toMatch(/npx ftps-deploy --host .*\\\n\s+--delete\n/)
    expect(examples).toMatch(/--tls-fingerprint [0-9A-F]{64}\n/)
  })

  test('says where inputs come from and which wins: a flag, the environment, the --config file (issue 25)', () => {
    const text = oneLine(help)
    expect(text).toContain('FTPS_DEPLOY_<NAME> (upper case, hyphens as underscores: FTPS_DEPLOY_REMOTE_DIR)')
    expect(text).toContain('A flag wins over the environment, which wins over the file.')
    expect(text).toContain('--config FILE read inputs from a YAML file')
    expect(text).toContain('--quiet print only warnings, errors and the last lines')
    expect(help).toMatch(/\n {2}FTPS_DEPLOY_REMOTE_DIR=\/staging npx ftps-deploy --config deploy.yml --dry-run\n/)
  })

  test('wrap breaks at spaces within the width and keeps every word', () => {
    const text = 'aaa bbb ccc ddd eee'
    expect(wrap(text, 10, 2)).toEqual(['  aaa bbb', '  ccc ddd', '  eee'])
    expect(wrap('averyveryverylongword x', 10, 2)).toEqual(['  averyveryverylongword', '  x'])
  })

  test('src/config/input-docs.ts is what npm run docs generates from action.yml', async () => {
    const { inputDocsModule, MODULE_PATH } = await import('../scripts/generate-docs.mjs')
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(await inputDocsModule(actionYml))
  })
})

describe('a mistyped flag names the one meant', () => {
  test.each([
    ['remote-dri', 'remote-dir'],
    ['hots', 'host'],
    ['dryrun', 'dry-run'],
    ['Host', 'host'],
    ['tls-fingerprints', 'tls-fingerprint'],
    ['concurency', 'concurrency'],
    ['remote', 'remote-dir'],
    ['versoin', 'version'],
    ['jsno', 'json']
  ])('--%s: did you mean --%s?', (typed, meant) => {
    let caught: unknown
    try {
      parseArgs([`--${typed}`, 'x'])
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as Error).message).toBe(`Unknown option --${typed}: did you mean --${meant}? (see --help)`)
  })

  test.each(['xyz', 'server', 'foo-bar-baz'])('--%s is too far from every flag (or not clear): no guess', typed => {
    expect(() => parseArgs([`--${typed}`])).toThrow(`Unknown option --${typed} (see --help)`)
  })

  test('edit distance counts a swap of neighbours as one edit', () => {
    expect([
      editDistance('dri', 'dir'),
      editDistance('abc', 'abc'),
      editDistance('', 'ab'),
      editDistance('kitten', 'sitting')
    ]).toEqual([1, 0, 2, 3])
    expect(suggestFlag('tls', ['tls-verify', 'tls-servername'])).toBeUndefined()
  })
})
