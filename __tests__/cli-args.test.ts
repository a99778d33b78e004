import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { FLAG_INPUTS, parseArgs } from '../src/config/cli-args.js'
import { InputError } from '../src/core/errors.js'
import { helpText } from '../src/config/help.js'
import { InputDefaults, Inputs, Outputs } from '../src/config/inputs.js'
import { VERSION } from '../src/config/version.js'

describe('parseArgs', () => {
  test('--name value, --name=value, bare booleans and --flag=false', () => {
    const args = parseArgs(['--host', 'ftp.example.com', '--port=2121', '--dry-run', '--atomic=false', '--json'])
    expect(args.values).toEqual({ host: 'ftp.example.com', port: '2121', 'dry-run': 'true', atomic: 'false' })
    expect(args.json).toBe(true)
  })

  test('--verify alone is true; --verify hash and --verify=hash ask for hash checks (issue 14)', () => {
    expect(parseArgs(['--verify', '--dry-run']).values).toEqual({ verify: 'true', 'dry-run': 'true' })
    expect(parseArgs(['--verify', 'hash', '--adopt', 'size']).values).toEqual({ verify: 'hash', adopt: 'size' })
    expect(parseArgs(['--verify=hash']).values).toEqual({ verify: 'hash' })
  })

  test('repeated --files adds patterns', () => {
    expect(parseArgs(['--files', 'a/**', '--files=!a/*.map']).values.files).toBe('a/**\n!a/*.map')
  })

  test.each([
    [
      ['--password', 'hunter2'],
      '--password is not accepted: pass the password in the FTPS_PASSWORD environment variable'
    ],
    [['--password=hunter2'], '--password is not accepted'],
    [['--hots', 'x'], 'Unknown option --hots: did you mean --host? (see --help)'],
    [['host'], "Unexpected argument 'host'"],
    [['--port'], '--port needs a value'],
    [['--json=1'], '--json takes no value']
  ])('%j is a usage error', (argv, message) => {
    let caught: unknown
    try {
      parseArgs(argv)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as Error).message).toContain(message)
    expect((caught as Error).message).not.toContain('hunter2')
  })

  test('every input but the password and the SSH passphrase is a flag, and --help lists them', () => {
    expect(FLAG_INPUTS).toHaveLength(Object.keys(Inputs).length - 2)
    for (const name of FLAG_INPUTS) expect(helpText()).toContain(`--${name}`)
    expect(helpText()).not.toContain('--password')
    expect(helpText()).not.toContain('--ssh-passphrase')
    expect(() => parseArgs(['--ssh-passphrase=x'])).toThrow(
      '--ssh-passphrase is not accepted: pass the ssh-passphrase in the FTPS_SSH_PASSPHRASE environment variable'
    )
  })
})

describe('action.yml matches the code', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, { default?: string; required?: boolean }>
    outputs: Record<string, unknown>
    runs: { using: string; main: string }
  }

  test('inputs and defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, input.default ?? '']).toEqual([name, InputDefaults[name as keyof typeof InputDefaults]])
    }
    expect(action.inputs.host.required).toBe(true)
  })

  test('outputs and runtime', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  test('the CLI reports the package version', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version)
  })
})

test('the README tables are generated from action.yml and fresh (npm run docs)', async () => {
  const { render } = await import('../scripts/generate-docs.mjs')
  const readme = readFileSync('README.md', 'utf8')
  expect(render(readme, readFileSync('action.yml', 'utf8'))).toBe(readme)
  expect(readme).toContain('| `tls-fingerprint` |')
})
