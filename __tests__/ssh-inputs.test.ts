/**
 * The Protocol inputs (CONTRACT "Protocol"), parsed: port 22 under sftp, host keys normalised
 * to SHA256 fingerprints (known_hosts lines too), and the cross-protocol rule: an FTPS-only input
 * under `protocol: sftp`, or an SSH input under `protocol: ftps`, is bad input naming it.
 */
import { InputError } from '../src/core/errors.js'
import { settingsOf } from './support/engine.js'

// A real ed25519 host key blob (ssh-keygen), and its fingerprint as ssh-keygen -l prints it.
const BLOB = 'AAAAC3NzaC1lZDI1NTE5AAAAICBuZKSOnx14j9vuCEP1HZGzz/GYDnlN4RbR2hSIfVS6'
const FINGERPRINT = 'SHA256:RNyDNE0+eioovka8z1o1G+wtozv8W0uMAYk4IxBZ+i0'
const sftp = { protocol: 'sftp', host: 'example.com' }

test('protocol sftp: port 22 by default, host keys as fingerprints, any', () => {
  const s = settingsOf({ ...sftp, 'ssh-host-key': FINGERPRINT })
  expect([s.protocol, s.port, s.sshHostKeys, s.sshHostKeyAny]).toEqual(['sftp', 22, [FINGERPRINT], false])
  expect(settingsOf({ ...sftp, 'ssh-host-key': 'any' }).sshHostKeyAny).toBe(true)
  expect(settingsOf({ ...sftp, port: '2222' }).port).toBe(2222)
  expect(settingsOf({ host: 'example.com' }).port).toBe(21)
})

test('known_hosts lines (plain, bracketed with a port, hashed) become the key fingerprint', () => {
  const lines = [
    `example.com ssh-ed25519 ${BLOB}`,
    `[example.com]:2222 ssh-ed25519 ${BLOB} comment`,
    `|1|abc=|def= ssh-ed25519 ${BLOB}`,
    `ssh-ed25519 ${BLOB}`,
    '# a comment line'
  ].join('\n')
  expect(settingsOf({ ...sftp, 'ssh-host-key': lines }).sshHostKeys).toEqual([
    FINGERPRINT,
    FINGERPRINT,
    FINGERPRINT,
    FINGERPRINT
  ])
  expect(() => settingsOf({ ...sftp, 'ssh-host-key': 'MD5:aa:bb' })).toThrow(
    /^Invalid ssh-host-key 'MD5:aa:bb': expected a fingerprint as ssh-keygen -l prints it/
  )
})

test.each([
  ['tls', 'implicit'],
  ['tls-verify', 'false'],
  ['ca-cert', '/etc/ssl/ca.pem'],
  ['tls-fingerprint', 'AA'],
  ['tls-servername', 'other'],
  ['tls-max-version', '1.2'],
  ['account', 'acct']
])('protocol sftp with %s: bad input naming it', (name, value) => {
  expect(() => settingsOf({ ...sftp, [name]: value })).toThrow(
    new InputError(`${name} applies to protocol: ftps only; this run uses protocol: sftp (drop ${name})`)
  )
})

test.each([
  ['ssh-key', '/home/me/.ssh/id_ed25519'],
  ['ssh-passphrase', 'secret'],
  ['ssh-host-key', 'any']
])('protocol ftps with %s: bad input naming it', (name, value) => {
  expect(() => settingsOf({ host: 'example.com', [name]: value })).toThrow(
    new InputError(
      `${name} applies to protocol: sftp only; this run uses protocol: ftps (set protocol: sftp, or drop ${name})`
    )
  )
})

test('an unknown protocol, a passphrase without a key, a key file that is not there', () => {
  expect(() => settingsOf({ host: 'h', protocol: 'scp' })).toThrow(
    "Invalid protocol 'scp': expected one of 'ftps', 'sftp'"
  )
  expect(() => settingsOf({ ...sftp, 'ssh-passphrase': 'x' })).toThrow('ssh-passphrase is given but ssh-key is empty')
  expect(() => settingsOf({ ...sftp, 'ssh-key': '/no/such/key' })).toThrow(/no such file: \/no\/such\/key/)
})
