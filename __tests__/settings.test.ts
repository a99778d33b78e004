import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../src/errors.js'
import { InputName } from '../src/inputs.js'
import { parseBoolean, parseFingerprints, parseSettings } from '../src/settings.js'
import { makeTestPki } from './harness/certs.js'

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
      localDir: dir,
      files: ['**'],
      remoteDir: '.',
      ifNoFilesFound: 'error',
      followSymlinks: false,
      sync: 'changed',
      manifest: '.ftps-deploy-manifest.json',
      delete: false,
      dryRun: false,
      concurrency: 4,
      retries: 3,
      atomic: true,
      verify: true,
      listing: 'flat'
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
  test.each<[Partial<Record<InputName, string>>, string]>([
    [{ host: '' }, "Invalid host '': expected a server name or IP address (required)"],
    [{ host: 'a b' }, "Invalid host 'a b': expected a server name or IP address without spaces or slashes"],
    [{ port: '0' }, "Invalid port '0': expected a port number from 1 to 65535"],
    [{ port: '65536' }, "Invalid port '65536': expected a port number from 1 to 65535"],
    [{ port: '-1' }, "Invalid port '-1': expected a port number from 1 to 65535"],
    [{ port: 'ftp' }, "Invalid port 'ftp': expected a port number from 1 to 65535"],
    [{ timeout: '0' }, "Invalid timeout '0': expected a number of seconds above 0 (at most 86400)"],
    [{ timeout: '-5' }, "Invalid timeout '-5': expected a number of seconds above 0 (at most 86400)"],
    [{ timeout: 'soon' }, "Invalid timeout 'soon': expected a number of seconds above 0 (at most 86400)"],
    [{ tls: 'starttls' }, "Invalid tls 'starttls': expected one of 'explicit', 'implicit', 'none'"],
    [{ 'tls-verify': 'yes' }, "Invalid tls-verify 'yes': expected true or false"],
    [{ 'tls-max-version': '1.1' }, "Invalid tls-max-version '1.1': expected one of '1.2', '1.3'"],
    [{ 'tls-fingerprint': 'abcd' }, "Invalid tls-fingerprint 'abcd': expected a SHA-256 fingerprint"],
    [
      { 'ca-cert': 'missing.pem' },
      "Invalid ca-cert 'missing.pem': expected PEM text or the path of a readable PEM file"
    ],
    [
      { 'ca-cert': 'a-file.txt' },
      "Invalid ca-cert 'a-file.txt': expected PEM text or a PEM file with at least one CERTIFICATE block"
    ],
    [
      { 'ca-cert': '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' },
      "Invalid ca-cert '<PEM text>': expected valid PEM certificates"
    ],
    [{ encoding: 'utf-16' }, "Invalid encoding 'utf-16': expected one of 'utf-8', 'utf8', 'latin1'"],
    [{ 'source-address': 'localhost' }, "Invalid source-address 'localhost': expected an IPv4 or IPv6 address"],
    [{ user: 'a\r\nPASS x' }, "Invalid user 'a\\r\\nPASS x': expected no CR, LF or NUL characters"],
    [{ account: 'a\nb' }, "Invalid account 'a\\nb': expected no CR, LF or NUL characters"],
    [{ 'local-dir': 'nope' }, "Invalid local-dir 'nope': expected an existing directory (not found)"],
    [{ 'local-dir': 'a-file.txt' }, "Invalid local-dir 'a-file.txt': expected a directory (this is a file)"],
    [
      { files: '../secrets/**' },
      "Invalid files '../secrets/**': expected patterns relative to local-dir, without .. segments"
    ],
    [{ files: '/etc/passwd' }, "Invalid files '/etc/passwd': expected patterns relative to local-dir"],
    [{ files: '!*.map' }, "Invalid files '!*.map': expected at least one pattern that is not an exclude (!)"],
    [{ 'remote-dir': 'www/../..' }, "Invalid remote-dir 'www/../..': expected a directory path without .. segments"],
    [{ 'remote-dir': 'a\nb' }, "Invalid remote-dir 'a\\nb': expected no CR, LF or NUL characters"],
    [{ 'if-no-files-found': 'fail' }, "Invalid if-no-files-found 'fail': expected one of 'error', 'warn', 'ignore'"],
    [{ sync: 'newer' }, "Invalid sync 'newer': expected one of 'changed', 'all'"],
    [{ manifest: 'a/b.json' }, "Invalid manifest 'a/b.json': expected a plain file name"],
    [{ concurrency: '0' }, "Invalid concurrency '0': expected a whole number of connections from 1 to 16"],
    [{ concurrency: '17' }, "Invalid concurrency '17': expected a whole number of connections from 1 to 16"],
    [{ retries: '-1' }, "Invalid retries '-1': expected a whole number of retries from 0 to 100"],
    [{ listing: 'tree' }, "Invalid listing 'tree': expected one of 'flat', 'recursive', 'none'"],
    [{ 'dry-run': 'maybe' }, "Invalid dry-run 'maybe': expected true or false"]
  ])('%j', (values, expected) => {
    expect(errorOf(values)).toContain(expected)
  })

  test('a password with CR/LF is refused without showing it', () => {
    const message = errorOf({ password: 'hunter2\r\nDELE x' })
    expect(message).toBe('Invalid password (value not shown): expected no CR, LF or NUL characters')
    expect(message).not.toContain('hunter2')
  })
})
