// Writes the README's input and output tables from action.yml (between the marker comments).
// `node scripts/generate-docs.mjs --check` exits 1 when the README is stale (CI runs it in a test).
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const cell = text =>
  String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

export function tables(actionYml) {
  const action = parse(actionYml)
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.required ? 'required' : input.default ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return {
    inputs: ['| input | default | description |', '| --- | --- | --- |', ...inputs].join('\n'),
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync('README.md', 'utf8')
  const fresh = render(readme, readFileSync('action.yml', 'utf8'))
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      console.error('README.md is stale: run `npm run docs` and commit it')
      process.exit(1)
    }
  } else {
    writeFileSync('README.md', fresh)
  }
}
