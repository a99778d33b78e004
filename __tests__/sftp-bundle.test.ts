/**
 * The committed bundles over SFTP, run as users run them (support/runner.ts): `node
 * dist/index.js` with INPUT_* variables, the key and passphrase masked; the CLI through `npm
 * exec` (npx) with the passphrase in FTPS_SSH_PASSPHRASE. .ci/run runs this file again under
 * Node 24. Needs dist/ rebuilt from the sources with the SFTP transport.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { InputValues, makeTree } from './support/engine.js'
import { runAction, runCli } from './support/runner.js'

const keyDir = mkdtempSync(join(tmpdir(), 'ftps-bundle-key-'))
const keyPath = join(keyDir, 'id')
const PASSPHRASE = 'bundle-key-phrase'
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', 'bundle', '-f', keyPath])
const key = readFileSync(keyPath, 'utf8')
const localDir = makeTree({ 'index.html': '<h1>bundle over sftp</h1>' })

const sshd = sshdForFile('SFTP bundle tests', { authorizedKeys: [readFileSync(`${keyPath}.pub`, 'utf8')] })
const maybe = sshd.maybe

const inputs = (extra: InputValues): InputValues => sftpInputs(sshd.server, { 'local-dir': localDir, ...extra }, false)

maybe(
  'node dist/index.js: key login, outputs, the key and passphrase never shown unmasked',
  async () => {
    const run = await runAction(inputs({ 'remote-dir': 'action', 'ssh-key': key, 'ssh-passphrase': PASSPHRASE }))
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.outputs['ssh-host-key']).toBe(sshd.server.hostFingerprint)
    expect(JSON.parse(run.outputs.uploaded!)).toEqual(['index.html'])
    const shown = run.stdout.split('\n').filter(l => !l.startsWith('::add-mask::'))
    expect(shown.filter(l => l.includes(PASSPHRASE) || l.includes(key.split('\n')[1]!))).toEqual([])
    expect(run.stdout).toContain(`::add-mask::${PASSPHRASE}`)
    expect(readFileSync(join(sshd.server.root, 'action/index.html'), 'utf8')).toBe('<h1>bundle over sftp</h1>')
  },
  60_000
)

maybe(
  'npx ftps-deploy: the passphrase from FTPS_SSH_PASSPHRASE, the password from FTPS_PASSWORD',
  async () => {
    const flags = Object.entries(inputs({ 'remote-dir': 'npx', 'ssh-key': keyPath })).map(([k, v]) => `--${k}=${v}`)
    const run = await runCli([...flags, '--json'], { FTPS_SSH_PASSPHRASE: PASSPHRASE, FTPS_PASSWORD: '' })
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as Record<string, string>)['ssh-host-key']).toBe(sshd.server.hostFingerprint)
    expect(readFileSync(join(sshd.server.root, 'npx/index.html'), 'utf8')).toBe('<h1>bundle over sftp</h1>')
  },
  120_000
)
