/**
 * The CLI's inputs from three places (issue 25): --config FILE (YAML), FTPS_DEPLOY_<NAME> and
 * flags, a flag over the environment over the file; secrets in none of them; every mistake one
 * line naming the file and line, or the variable.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from '../src/config/cli-args.js'
import { describeSources, envName, sourceInputs } from '../src/config/cli-sources.js'
import { InputError } from '../src/core/errors.js'
import { Inputs } from '../src/config/inputs.js'
import { makeTree } from './support/engine.js'

const dir = makeTree({})
function yamlFile(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

function failure(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error('no InputError')
}

test('every input is a variable FTPS_DEPLOY_<NAME>, upper case, hyphens as underscores', () => {
  expect(envName(Inputs.RemoteDir)).toBe('FTPS_DEPLOY_REMOTE_DIR')
  expect(envName(Inputs.TlsFingerprint)).toBe('FTPS_DEPLOY_TLS_FINGERPRINT')
  for (const name of Object.values(Inputs).filter(n => n !== Inputs.Password && n !== Inputs.SshPassphrase)) {
    const s = sourceInputs({}, { [envName(name)]: 'x' })
    expect(s.values[name]).toBe('x')
  }
})

test('a flag wins over the environment, which wins over the file; each value says where it came from', () => {
  const file = yamlFile(
    'all.yml',
    'host: file.example\nremote-dir: /file\nuser: fileuser\nfiles:\n  - "**"\n  - "!*.map"\nconcurrency: 2\ndelete: true\n'
  )
  const env = { FTPS_DEPLOY_REMOTE_DIR: '/env', FTPS_DEPLOY_USER: 'envuser', FTPS_DEPLOY_CONCURRENCY: '' }
  const s = sourceInputs(parseArgs(['--user', 'flaguser']).values, env, file)
  expect(s.values).toEqual({
    host: 'file.example',
    user: 'flaguser',
    'remote-dir': '/env',
    files: '**\n!*.map',
    concurrency: '2',
    delete: 'true'
  })
  expect(describeSources(s, { ...env, FTPS_PASSWORD: 'hunter2' })).toEqual([
    `input host: file.example (file ${file}:1)`,
    'input user: flaguser (flag)',
    `input files: **, !*.map (file ${file}:4)`,
    'input remote-dir: /env (environment FTPS_DEPLOY_REMOTE_DIR)',
    'input delete: true (file ' + file + ':8)',
    `input concurrency: 2 (file ${file}:7)`,
    'input password: set (environment FTPS_PASSWORD)'
  ])
})

test.each([
  [
    'password: hunter2\n',
    'line 1',
    'password is not accepted in a config file: pass it in the FTPS_PASSWORD environment variable'
  ],
  [
    'host: h\nssh-passphrase: hunter2\n',
    'line 2',
    'ssh-passphrase is not accepted in a config file: pass it in the FTPS_SSH_PASSPHRASE environment variable'
  ],
  ['host: h\nremote-dri: /www\n', 'line 2', "unknown input 'remote-dri': did you mean remote-dir? (see --help)"],
  ['server: h\n', 'line 1', "unknown input 'server' (see --help)"],
  ['- host: h\n', 'line 1', 'expected a mapping of input names to values (as under with:)'],
  ['host: [h\n', 'line 2', 'Flow sequence'],
  ['host: a\nhost: b\n', 'line 2', 'Map keys must be unique'],
  ['files:\n  a: b\n', 'line 1', 'files: expected a text, number or true/false value']
])('config %j: one line naming the file and the line', (text, line, message) => {
  const file = yamlFile('bad.yml', text)
  const got = failure(() => sourceInputs({}, {}, file))
  expect(got).toContain(`Invalid config file ${file} (${line}): ${message}`)
  expect(got).not.toContain('hunter2')
})

test('values stay the text written, as a workflow passes them: 0644 is not 644, ~ is empty', () => {
  const file = yamlFile('text.yml', "file-mode: 0644\nport: 021\ndelete: True\naccount: ~\nuser: '~'\n")
  expect(sourceInputs({}, {}, file).values).toEqual({
    'file-mode': '0644',
    port: '021',
    delete: 'True',
    account: '',
    user: '~'
  })
})

test('PEM text is described, never shown: a private key (ssh-key, issue 24) not even in part', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
  const s = sourceInputs({ 'ca-cert': cert, account: key }, {})
  expect(describeSources(s, {})).toEqual([
    'input account: (private key text, not shown) (flag)',
    'input ca-cert: (PEM text, 3 lines) (flag)'
  ])
})

test('an empty file sets nothing; a missing one is named', () => {
  expect(sourceInputs({}, {}, yamlFile('empty.yml', '# nothing\n')).values).toEqual({})
  expect(failure(() => sourceInputs({}, {}, join(dir, 'missing.yml')))).toBe(
    `Cannot read config file ${join(dir, 'missing.yml')}: ENOENT`
  )
})

test('a secret under FTPS_DEPLOY_ is refused by name; an unknown variable is a warning with a suggestion', () => {
  expect(failure(() => sourceInputs({}, { FTPS_DEPLOY_PASSWORD: 'hunter2' }))).toBe(
    'FTPS_DEPLOY_PASSWORD is not accepted: pass the password in the FTPS_PASSWORD environment variable'
  )
  expect(failure(() => sourceInputs({}, { FTPS_DEPLOY_SSH_PASSPHRASE: 'hunter2' }))).toContain('FTPS_SSH_PASSPHRASE')
  const s = sourceInputs({}, { FTPS_DEPLOY_HOTS: 'h', FTPS_DEPLOY_NOTHING_LIKE_IT: 'x' })
  expect(s.values).toEqual({})
  expect(s.warnings.sort()).toEqual([
    'FTPS_DEPLOY_HOTS names no input and is ignored: did you mean FTPS_DEPLOY_HOST?',
    'FTPS_DEPLOY_NOTHING_LIKE_IT names no input and is ignored'
  ])
})

test('--config FILE, --quiet; secrets are refused as flags without echoing them', () => {
  expect(parseArgs(['--config', 'a.yml', '--quiet'])).toMatchObject({ config: 'a.yml', quiet: true })
  expect(parseArgs(['--config=b.yml']).config).toBe('b.yml')
  expect(failure(() => parseArgs(['--config', 'a.yml', '--config', 'b.yml']))).toContain('--config is given twice')
  expect(failure(() => parseArgs(['--quiet', '--verbose']))).toContain('--quiet and --verbose')
  expect(failure(() => parseArgs(['--ssh-passphrase=hunter2']))).toBe(
    '--ssh-passphrase is not accepted: pass the ssh-passphrase in the FTPS_SSH_PASSPHRASE environment variable'
  )
  expect(failure(() => parseArgs(['--confg', 'a.yml']))).toBe(
    'Unknown option --confg: did you mean --config? (see --help)'
  )
})

test("the README's deploy.yml is a config file the CLI reads; the push recipe no longer says remote-dir is not locked", () => {
  const readme = readFileSync('README.md', 'utf8')
  const block = /A file shared by the recipes below, `deploy.yml`:\n\n```yaml\n([\s\S]*?)```/.exec(readme)
  expect(block).not.toBeNull()
  const s = sourceInputs({}, {}, yamlFile('deploy.yml', block![1]))
  expect(s.values).toMatchObject({ host: 'ftp.example.com', 'remote-dir': '/www', files: '**\n!**/*.map' })
  expect(readme).not.toContain('does not lock')
})
