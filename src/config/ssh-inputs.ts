/**
 * The Protocol inputs (CONTRACT "Protocol"): `protocol`, `ssh-key`, `ssh-passphrase`,
 * `ssh-host-key`, and the rule that the inputs of one protocol are bad input under the other.
 * The key is read here and parsed with its passphrase by checkSshKey as the run starts, so a
 * key that cannot be read (or a wrong passphrase) is bad input before any connection. Host keys are normalised to the
 * `SHA256:<base64>` fingerprints `ssh-keygen -l` prints.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import '../core/ssh2-globals.js'
import { InputError } from '../core/errors.js'
import { hostKeyFingerprint } from '../core/host-key.js'
import type { SshSettings } from '../core/settings.js'
import { invalid } from './input-parsers.js'
import { InputDefaults, InputName, Inputs } from './inputs.js'

/** Inputs that apply to FTPS alone: a non-default value with `protocol: sftp` is bad input. */
const FTPS_ONLY: InputName[] = [
  Inputs.Tls,
  Inputs.TlsVerify,
  Inputs.CaCert,
  Inputs.TlsFingerprint,
  Inputs.TlsServername,
  Inputs.TlsMaxVersion,
  Inputs.Account
]
/** Inputs that apply to SFTP alone: a non-empty value with `protocol: ftps` is bad input. */
const SFTP_ONLY: InputName[] = [Inputs.SshKey, Inputs.SshPassphrase, Inputs.SshHostKey]

/** Host key types a known_hosts line may name (OpenSSH's, certificates aside). */
const KEY_TYPE =
  /^(ssh-ed25519|ssh-rsa|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)$/

/** `get` reads an input with its default; `raw` as given ('' when not given). */
export function parseSsh(get: (name: InputName) => string, raw: (name: InputName) => string, cwd: string): SshSettings {
  const protocol = get(Inputs.Protocol)
  if (protocol !== 'ftps' && protocol !== 'sftp') throw invalid(Inputs.Protocol, protocol, "one of 'ftps', 'sftp'")
  if (protocol === 'ftps') {
    const given = SFTP_ONLY.find(name => raw(name) !== '')
    if (given !== undefined) {
      throw new InputError(
        `${given} applies to protocol: sftp only; this run uses protocol: ftps (set protocol: sftp, or drop ${given})`
      )
    }
    return { protocol, sshKey: undefined, sshKeyFrom: '', sshPassphrase: '', sshHostKeys: [], sshHostKeyAny: false }
  }
  const ftpsOnly = FTPS_ONLY.find(name => raw(name) !== '' && raw(name) !== InputDefaults[name])
  if (ftpsOnly !== undefined) {
    throw new InputError(`${ftpsOnly} applies to protocol: ftps only; this run uses protocol: sftp (drop ${ftpsOnly})`)
  }
  const passphrase = raw(Inputs.SshPassphrase)
  const hostKey = raw(Inputs.SshHostKey).trim()
  return {
    protocol,
    ...readKey(raw(Inputs.SshKey), passphrase, cwd),
    sshPassphrase: passphrase,
    sshHostKeys: hostKey === 'any' ? [] : parseHostKeys(hostKey),
    sshHostKeyAny: hostKey === 'any'
  }
}

/** The key's text and where it came from (a path is read); parsed by checkSshKey before any connection. */
function readKey(value: string, passphrase: string, cwd: string): Pick<SshSettings, 'sshKey' | 'sshKeyFrom'> {
  if (value.trim() === '') {
    if (passphrase !== '') throw new InputError(`${Inputs.SshPassphrase} is given but ${Inputs.SshKey} is empty`)
    return { sshKey: undefined, sshKeyFrom: '' }
  }
  if (value.includes('-----BEGIN')) return { sshKey: value, sshKeyFrom: 'the key given as text' }
  const path = resolve(cwd, value.trim())
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new InputError(
      `Invalid ${Inputs.SshKey}: expected a private key's text or the path of a readable key file (no such file: ${path})`
    )
  }
  return { sshKey: readFileSync(path, 'utf8'), sshKeyFrom: path }
}

/**
 * The key checked to parse, decrypted with the passphrase: bad input (exit 2) before any
 * connection. Here, not while the inputs are read: ssh2 loads only for a run that uses it (an
 * FTPS run would pay some 40 ms at start for it).
 */
export async function checkSshKey(settings: SshSettings): Promise<void> {
  if (settings.sshKey === undefined) return
  const { default: ssh2 } = await import(/* webpackMode: "eager" */ 'ssh2')
  const { sshPassphrase: passphrase, sshKeyFrom: shown } = settings
  const parsed = ssh2.utils.parseKey(settings.sshKey, passphrase === '' ? undefined : passphrase)
  if (parsed instanceof Error) {
    const why = /no passphrase given/i.test(parsed.message)
      ? `the key is encrypted: give its passphrase in ${Inputs.SshPassphrase} (FTPS_SSH_PASSPHRASE for the CLI)`
      : /passphrase/i.test(parsed.message)
        ? `wrong ${Inputs.SshPassphrase}: the key could not be decrypted with it`
        : `not a private key in OpenSSH or PEM form (${parsed.message})`
    throw new InputError(`Invalid ${Inputs.SshKey} (${shown}, value not shown): ${why}`)
  }
  if (Array.isArray(parsed))
    throw new InputError(`Invalid ${Inputs.SshKey} (${shown}): expected one key, found ${parsed.length}`)
}

/** Fingerprints (`SHA256:...`) and known_hosts lines, one a line, as SHA256 fingerprints. */
export function parseHostKeys(value: string): string[] {
  return value
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
    .map(line => {
      const fingerprint = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(line)
      if (fingerprint) return `SHA256:${fingerprint[1]}`
      const fields = line.split(/\s+/)
      const at = fields.findIndex(f => KEY_TYPE.test(f))
      const blob = at >= 0 ? fields[at + 1] : undefined
      if (blob !== undefined && /^[A-Za-z0-9+/]+=*$/.test(blob)) return hostKeyFingerprint(Buffer.from(blob, 'base64'))
      throw invalid(
        Inputs.SshHostKey,
        line,
        "a fingerprint as ssh-keygen -l prints it (SHA256:...), a known_hosts line ('host ssh-ed25519 AAAA...'), or any"
      )
    })
}
