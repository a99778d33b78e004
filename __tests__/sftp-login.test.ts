/**
 * Logging in over SFTP against a real sshd (harness/sshd.ts), and the errors people can act on
 * (issue 24 items 1 and 5): the host key checked before any credential (pinned as a fingerprint
 * or a known_hosts line, wrong, missing, `any`), with sshd's own DEBUG log showing that no
 * authentication was tried when the key is wrong; password and key login (OpenSSH and PEM, with
 * and without a passphrase); a wrong password or key, a refused directory, a full disk.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { checkSshKey } from '../src/config/ssh-inputs.js'
import { DeployError, InputError } from '../src/core/errors.js'
import { runCliDeploy } from './support/cli-process.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'

const keyDir = mkdtempSync(join(tmpdir(), 'ftps-sshkeys-'))
/** A key pair made with ssh-keygen; `pem`: the old PEM form (RSA), else OpenSSH's own. */
function makeKey(name: string, passphrase: string, pem = false): { path: string; pub: string } {
  const path = join(keyDir, name)
  const args = pem ? ['-t', 'rsa', '-b', '2048', '-m', 'PEM'] : ['-t', 'ed25519']
  execFileSync('ssh-keygen', ['-q', ...args, '-N', passphrase, '-C', name, '-f', path])
  return { path, pub: readFileSync(`${path}.pub`, 'utf8').trim() }
}
const plainKey = makeKey('plain', '')
const lockedKey = makeKey('locked', 'key-pass-phrase')
const pemKey = makeKey('pem', 'pem-pass-phrase', true)
const strangerKey = makeKey('stranger', '')

const sshd = sshdForFile('SFTP login tests', { authorizedKeys: [plainKey.pub, lockedKey.pub, pemKey.pub] })
const maybe = sshd.maybe

const local = makeTree({ 'index.html': 'hello over sftp\n' })
const inputs = (extra: InputValues): InputValues =>
  sftpInputs(sshd.server, { 'local-dir': local, timeout: '15', retries: '0', ...extra })

/** Runs a deploy; the error it failed with, and what sshd logged meanwhile. */
async function failing(values: InputValues): Promise<{ error: Error; sshdLog: string }> {
  // sshd's children log after the client has gone: wait for the last test's lines, so the
  // slice holds this run's alone.
  const before = await quietLog()
  let error: Error | undefined
  try {
    await deploy(settingsOf(values), recordingLog())
  } catch (err) {
    error = err as Error
  }
  if (error === undefined) throw new Error('the deploy did not fail')
  await quietLog()
  return { error, sshdLog: sshd.server.readLog().slice(before) }
}

/** Waits until sshd's log has not grown for 500 ms (at most 5 s); its length then. */
async function quietLog(): Promise<number> {
  let length = sshd.server.readLog().length
  for (let still = 0, waited = 0; still < 500 && waited < 5000; waited += 100) {
    await new Promise(resolve => setTimeout(resolve, 100))
    const now = sshd.server.readLog().length
    still = now === length ? still + 100 : 0
    length = now
  }
  return length
}

/** The lines sshd writes when a client tries to authenticate (DEBUG and above). */
const AUTH_ATTEMPT = /userauth-request|Failed password|Accepted (password|publickey)|Postponed/

maybe('the host key pinned as a known_hosts line: deploys', async () => {
  const line = `[127.0.0.1]:${sshd.server.port} ${sshd.server.hostKey}`
  const result = await deploy(settingsOf(inputs({ 'remote-dir': 'kh', 'ssh-host-key': line })), recordingLog())
  expect(result.uploaded).toEqual(['index.html'])
  expect(readFileSync(join(sshd.server.root, 'kh/index.html'), 'utf8')).toBe('hello over sftp\n')
})

maybe('a wrong host key: fails naming both fingerprints; sshd saw no authentication attempt', async () => {
  const wrong = 'SHA256:' + randomBytes(32).toString('base64').replace(/=+$/, '')
  const { error, sshdLog } = await failing(inputs({ 'remote-dir': 'wrong', 'ssh-host-key': wrong }))
  expect(error).toBeInstanceOf(DeployError)
  expect(error.message).toBe(
    `Host key mismatch: 127.0.0.1:${sshd.server.port} presented ${sshd.server.hostFingerprint}, which is not in ssh-host-key (${wrong}); ` +
      'the run stopped before sending any credential. If the server\u2019s key changed on purpose, pin the new one'
  )
  expect(sshdLog).toContain('Connection from 127.0.0.1')
  expect(sshdLog).not.toMatch(AUTH_ATTEMPT)
  expect(statSync(sshd.server.root).isDirectory()).toBe(true)
})

maybe('no host key given: fails before login, printing the fingerprint and the input to add', async () => {
  const { error, sshdLog } = await failing(inputs({ 'remote-dir': 'none', 'ssh-host-key': '' }))
  expect(error.message).toContain(`presented host key ${sshd.server.hostFingerprint}; no ssh-host-key is given`)
  expect(error.message).toContain(`add the input: ssh-host-key: ${sshd.server.hostFingerprint}`)
  expect(error.message).toContain(`ssh-keyscan -p ${sshd.server.port} 127.0.0.1 | ssh-keygen -lf -`)
  expect(sshdLog).not.toMatch(AUTH_ATTEMPT)
})

maybe('ssh-host-key: any: deploys with a loud warning', async () => {
  const log = recordingLog()
  await deploy(settingsOf(inputs({ 'remote-dir': 'any', 'ssh-host-key': 'any' })), log)
  expect(log.warnings[0]).toMatch(/^ssh-host-key: any: the server's host key is not checked/)
})

maybe('the fingerprint ssh-keyscan | ssh-keygen -lf - prints (the README recipe) is the one to pin', () => {
  const out = execFileSync(
    'bash',
    ['-c', `ssh-keyscan -p ${sshd.server.port} 127.0.0.1 2>/dev/null | ssh-keygen -lf -`],
    {
      encoding: 'utf8'
    }
  )
  expect(out.split(' ')[1]).toBe(sshd.server.hostFingerprint)
})

maybe('a wrong password: one line naming the host and the user', async () => {
  const { error, sshdLog } = await failing(inputs({ 'remote-dir': 'pw', password: 'not-the-password' }))
  expect(error.message).toBe(
    `Login to 127.0.0.1:${sshd.server.port} as ${sshd.server.user} failed: the server refused the password (wrong password, or a key the server does not know)`
  )
  expect(sshdLog).toMatch(/Failed password for sftpdeploy/)
})

maybe.each([
  ['an OpenSSH key without passphrase', plainKey.path, ''],
  ['an OpenSSH key with its passphrase', lockedKey.path, 'key-pass-phrase'],
  ['a PEM key with its passphrase, given as text', readFileSync(pemKey.path, 'utf8'), 'pem-pass-phrase']
])('key login: %s', async (_name, key, passphrase) => {
  const dir = `key-${randomBytes(4).toString('hex')}`
  const before = sshd.server.readLog().length
  const result = await deploy(
    settingsOf(inputs({ 'remote-dir': dir, password: '', 'ssh-key': key, 'ssh-passphrase': passphrase })),
    recordingLog()
  )
  expect(result.uploaded).toEqual(['index.html'])
  expect(sshd.server.readLog().slice(before)).toMatch(/Accepted publickey for sftpdeploy/)
})

test('a wrong passphrase, or none for an encrypted key: bad input before any connection', async () => {
  const values = { protocol: 'sftp', host: '127.0.0.1', 'ssh-key': lockedKey.path }
  await expect(checkSshKey(settingsOf({ ...values, 'ssh-passphrase': 'wrong-phrase' }))).rejects.toThrow(
    new InputError(
      `Invalid ssh-key (${lockedKey.path}, value not shown): wrong ssh-passphrase: the key could not be decrypted with it`
    )
  )
  await expect(checkSshKey(settingsOf(values))).rejects.toThrow(
    /the key is encrypted: give its passphrase in ssh-passphrase/
  )
  // And so the run ends, before any connection (port 1: nothing listens there).
  const run = deploy(settingsOf({ ...values, port: '1', 'local-dir': makeTree({ 'a.txt': 'a' }) }), recordingLog())
  await expect(run).rejects.toThrow(/the key is encrypted/)
  await expect(checkSshKey(settingsOf({ ...values, 'ssh-passphrase': 'key-pass-phrase' }))).resolves.toBeUndefined()
})

maybe('a key the server does not know: the login fails naming the key', async () => {
  const { error } = await failing(inputs({ 'remote-dir': 'stranger', password: '', 'ssh-key': strangerKey.path }))
  expect(error.message).toBe(
    `Login to 127.0.0.1:${sshd.server.port} as ${sshd.server.user} failed: the server refused the key in ssh-key (wrong password, or a key the server does not know)`
  )
})

maybe('a directory the user may not write: one line naming it and the refusal', async () => {
  const { error } = await failing(inputs({ 'remote-dir': '/outside' }))
  expect(error.message).toContain('/outside')
  expect(error.message).toContain('Permission denied (SSH_FX_PERMISSION_DENIED)')
})

/** A small tmpfs mounted inside the chroot's site dir, owned by the SFTP user. */
function smallDisk(name: string): string | undefined {
  const dir = join(sshd.server.root, name)
  mkdirSync(dir)
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', dir]).status !== 0) return undefined
  const { uid, gid } = statSync(sshd.server.root)
  chownSync(dir, uid, gid)
  return dir
}

maybe('a full disk: fails naming the file and saying the disk is full, no retry spent', async () => {
  const dir = smallDisk('full')
  if (dir === undefined) return console.log('skipping the full-disk case: cannot mount tmpfs here')
  try {
    const big = makeTree({ 'big.bin': randomBytes(400_000) })
    const { error } = await failing(inputs({ 'local-dir': big, 'remote-dir': 'full', lock: 'false', retries: '2' }))
    expect(error.message).toMatch(/big\.bin/)
    expect(error.message).toMatch(/disk is full/)
  } finally {
    spawnSync('umount', [dir])
  }
})

maybe.each([
  [
    { 'tls-verify': 'false' },
    'tls-verify applies to protocol: ftps only; this run uses protocol: sftp (drop tls-verify)'
  ],
  [
    { protocol: 'ftps', 'ssh-host-key': 'any' },
    'ssh-host-key applies to protocol: sftp only; this run uses protocol: ftps (set protocol: sftp, or drop ssh-host-key)'
  ]
])('the CLI with %j: exit 2, and sshd saw no connection', async (extra, message) => {
  const before = await quietLog()
  const saved = process.env.FAULTS_CLI
  process.env.FAULTS_CLI = 'src' // the sources through tsx: dist is rebuilt by the lead
  try {
    const run = await runCliDeploy(inputs({ 'remote-dir': 'cli-bad', ...extra }), { password: sshd.server.password })
    expect([run.code, run.error]).toEqual([2, message])
  } finally {
    if (saved === undefined) delete process.env.FAULTS_CLI
    else process.env.FAULTS_CLI = saved
  }
  await quietLog()
  expect(sshd.server.readLog().slice(before)).not.toContain('Connection from')
})

maybe('the CLI over SFTP: the passphrase from FTPS_SSH_PASSPHRASE, the ssh-host-key output', async () => {
  const saved = { cli: process.env.FAULTS_CLI, phrase: process.env.FTPS_SSH_PASSPHRASE }
  process.env.FAULTS_CLI = 'src'
  process.env.FTPS_SSH_PASSPHRASE = 'key-pass-phrase'
  try {
    const run = await runCliDeploy(inputs({ 'remote-dir': 'cli-key', 'ssh-key': lockedKey.path }), { password: '' })
    expect([run.code, run.error]).toEqual([0, ''])
    expect(run.outputs?.['ssh-host-key']).toBe(sshd.server.hostFingerprint)
    expect(run.lines.join('\n')).not.toContain('key-pass-phrase')
  } finally {
    for (const [key, value] of [
      ['FAULTS_CLI', saved.cli],
      ['FTPS_SSH_PASSPHRASE', saved.phrase]
    ] as const) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
  expect(readFileSync(join(sshd.server.root, 'cli-key/index.html'), 'utf8')).toBe('hello over sftp\n')
})
