import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../src/core/errors.js'
import { InputName } from '../src/config/inputs.js'
import { parseBoolean, parseFingerprints } from '../src/config/input-parsers.js'
import { parseSettings } from '../src/config/settings.js'
import { makeTestPki } from './harness/certs.js'
import { BAD_INPUTS } from './support/bad-inputs.js'

const dir = mkdtempSync(join(tmpdir(), 'settings-'))
writeFileSync(join(dir, 'a-file.txt'), 'x')
const pki = makeTestPki()

function settingsWith(values: Partial<Record<InputName, string>>) {
  return parseSettings(name => values[name] ?? '', { cwd: dir })
}

function errorOf(values: Partial<Record<InputName, string>>): string {
  try {
    settingsWith({ host: 'ftp.example.com', ...values })
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return (err as Error).message
  }
  throw new Error(`no error for ${JSON.stringify(values)}`)
}

describe('defaults', () => {
  test('every default of the contract', () => {
    const s = settingsWith({ host: 'ftp.example.com' })
    expect(s).toEqual({
      host: 'ftp.example.com',
      port: 21,
      user: 'anonymous',
      password: 'anonymous@',
      account: '',
      tls: 'explicit',
      tlsVerify: true,
      caCert: undefined,
      tlsFingerprints: [],
      tlsServername: 'ftp.example.com',
      tlsMaxVersion: undefined,
      encoding: 'utf8',
      timeoutMs: 30000,
      sourceAddress: undefined,
      protocol: 'ftps',
      sshKey: undefined,
      sshKeyFrom: '',
      sshPassphrase: '',
      sshHostKeys: [],
      sshHostKeyAny: false,
      localDir: dir,
      files: ['**'],
      remoteDir: '.',
      ifNoFilesFound: 'error',
      followSymlinks: false,
      sync: 'changed',
      manifest: '.ftps-deploy-manifest.json',
      delete: false,
      dryRun: false,
      adopt: 'auto',
      lock: true,
      lockTimeoutMs: 600_000,
      concurrency: 4,
      retries: 3,
      atomic: true,
      verify: true,
      verifyHash: false,
      fileMode: undefined,
      dirMode: undefined,
      listing: 'flat',
      reportFile: undefined,
      cutover: 'end',
      rollback: false,
      maxDelete: { percent: 50 }
    })
  })

  test('implicit TLS defaults to port 990; a given port wins', () => {
    expect(settingsWith({ host: 'h', tls: 'implicit' }).port).toBe(990)
    expect(settingsWith({ host: 'h', tls: 'implicit', port: '2990' }).port).toBe(2990)
  })

  test('a named user keeps an empty password; anonymous gets anonymous@', () => {
    expect(settingsWith({ host: 'h', user: 'deploy' }).password).toBe('')
    expect(settingsWith({ host: 'h', user: 'anonymous', password: 'pw' }).password).toBe('pw')
  })

  test('ca-cert as PEM text or as a file path', () => {
    expect(settingsWith({ host: 'h', 'ca-cert': pki.caCert }).caCert).toContain('BEGIN CERTIFICATE')
    expect(settingsWith({ host: 'h', 'ca-cert': pki.caCertPath }).caCert).toContain('BEGIN CERTIFICATE')
  })

  test('report-file: a path resolved against the working directory; empty leaves it to the front end', () => {
    expect(settingsWith({ host: 'h', 'report-file': 'out/report.json' }).reportFile).toBe(join(dir, 'out/report.json'))
    const absolute = join(tmpdir(), 'reports', 'r.json')
    expect(settingsWith({ host: 'h', 'report-file': absolute }).reportFile).toBe(absolute)
    expect(settingsWith({ host: 'h' }).reportFile).toBeUndefined()
  })

  test('files: lines, comments and excludes', () => {
    expect(settingsWith({ host: 'h', files: 'a/**\n\n# comment\n!a/*.map\n' }).files).toEqual(['a/**', '!a/*.map'])
  })
})

describe('fingerprints', () => {
  const hex = 'ab'.repeat(32)
  const canonical = Array(32).fill('AB').join(':')
  test.each([
    [hex, [canonical]],
    [canonical.toLowerCase(), [canonical]],
    [`sha256:${hex}`, [canonical]],
    [`SHA256:${canonical}`, [canonical]],
    [`${hex}, ${'cd'.repeat(32)}`, [canonical, Array(32).fill('CD').join(':')]],
    [`${hex}\n${hex}\n`, [canonical, canonical]]
  ])('%s', (input, expected) => {
    expect(parseFingerprints(input)).toEqual(expected)
  })
})

describe('booleans accept exactly what core.getBooleanInput accepts', () => {
  test.each(['true', 'True', 'TRUE'])('%s', v => expect(parseBoolean('atomic', v)).toBe(true))
  test.each(['false', 'False', 'FALSE'])('%s', v => expect(parseBoolean('atomic', v)).toBe(false))
  test.each(['yes', 'no', '1', '0', 'on', 'tRUE'])('%s is refused', v =>
    expect(() => parseBoolean('atomic', v)).toThrow(`Invalid atomic '${v}': expected true or false`)
  )
})

describe('bad input names the input, the value and what is accepted', () => {
  test.each(BAD_INPUTS)('%j', (values, expected) => {
    expect(errorOf(values)).toContain(expected)
  })

  test('a password with CR/LF is refused without showing it', () => {
    const message = errorOf({ password: 'hunter2\r\nDELE x' })
    expect(message).toBe('Invalid password (value not shown): expected no CR, LF or NUL characters')
    expect(message).not.toContain('hunter2')
  })
})

describe('adopt and verify: hash (issue 14)', () => {
  test.each(['auto', 'download', 'size', 'none'] as const)('adopt: %s', mode => {
    expect(settingsWith({ host: 'h', adopt: mode }).adopt).toBe(mode)
  })
  test.each<[string, boolean, boolean]>([
    ['true', true, false],
    ['TRUE', true, false],
    ['false', false, false],
    ['False', false, false],
    ['hash', true, true]
  ])('verify: %s', (value, size, hash) => {
    const settings = settingsWith({ host: 'h', verify: value })
    expect([settings.verify, settings.verifyHash]).toEqual([size, hash])
  })
  test('a bad adopt is one line naming the value and what is accepted', () => {
    expect(errorOf({ host: 'h', adopt: 'trust' })).toBe("Invalid adopt 'trust': expected auto, download, size or none")
  })
})

describe('going live: cutover, rollback, max-delete (issue 23)', () => {
  test.each(['end', 'file', 'swap'] as const)('cutover: %s', mode => {
    expect(settingsWith({ host: 'h', cutover: mode }).cutover).toBe(mode)
  })
  test('atomic: false with cutover left to its default goes live file by file', () => {
    expect(settingsWith({ host: 'h', atomic: 'false' }).cutover).toBe('file')
    expect(settingsWith({ host: 'h', atomic: 'false', cutover: 'file' }).cutover).toBe('file')
  })
  test('rollback with swap', () => {
    expect(settingsWith({ host: 'h', cutover: 'swap', rollback: 'true' }).rollback).toBe(true)
  })
  test.each<[string, object]>([
    ['0', { count: 0 }],
    ['25', { count: 25 }],
    ['0%', { percent: 0 }],
    ['12.5%', { percent: 12.5 }],
    ['100%', { percent: 100 }]
  ])('max-delete: %s', (value, limit) => {
    expect(settingsWith({ host: 'h', 'max-delete': value }).maxDelete).toEqual(limit)
  })
})
