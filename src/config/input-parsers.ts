/**
 * One parser per kind of input value: each throws InputError naming the input, the value (never
 * a secret) and what is accepted. settings.ts puts them together.
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import type { AdoptMode, CutoverMode, DeleteLimit } from '../core/settings.js'
import { InputName, Inputs } from './inputs.js'

/** Shows a value in an error message with control characters made visible. */
export function show(value: string): string {
  const visible = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"')
  return `'${visible}'`
}

export function invalid(name: InputName, value: string, expected: string): InputError {
  return new InputError(`Invalid ${name} ${show(value)}: expected ${expected}`)
}

export const CONTROL_CHARS = /[\r\n\0]/

export function oneOf<T extends string>(name: InputName, value: string, accepted: Record<string, T>): T {
  const found = Object.prototype.hasOwnProperty.call(accepted, value) ? accepted[value] : undefined
  if (found === undefined) {
    const names = [...new Set(Object.keys(accepted))].map(k => `'${k}'`)
    throw invalid(name, value, `one of ${names.join(', ')}`)
  }
  return found
}

/** Exactly what core.getBooleanInput accepts (YAML 1.2 core schema), nothing else. */
export function parseBoolean(name: InputName, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw invalid(name, value, 'true or false (also True, TRUE, False, FALSE)')
}

export function parseInteger(name: InputName, value: string, min: number, max: number, what: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw invalid(name, value, `${what} from ${min} to ${max}`)
  }
  return n
}

export function parseTimeoutMs(value: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
  // ftplib treats 0 as "non-blocking", which makes no sense for a deploy: an input error.
  if (!(seconds > 0) || seconds > 86400) {
    throw invalid(Inputs.Timeout, value, 'a number of seconds above 0 (at most 86400)')
  }
  return Math.max(1, Math.round(seconds * 1000))
}

export function noControlChars(name: InputName, value: string): string {
  if (CONTROL_CHARS.test(value)) throw invalid(name, value, 'no CR, LF or NUL characters')
  return value
}

export function parseHost(value: string, required: boolean): string {
  if (value === '' && !required) return ''
  if (value === '') throw invalid(Inputs.Host, value, 'a server name or IP address (required)')
  if (/\s|[\0/]/.test(value)) throw invalid(Inputs.Host, value, 'a server name or IP address without spaces or slashes')
  return value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
}

export function parsePassword(raw: string, user: string): string {
  if (CONTROL_CHARS.test(raw)) {
    throw new InputError(`Invalid ${Inputs.Password} (value not shown): expected no CR, LF or NUL characters`)
  }
  // ftplib sends 'anonymous@' for an anonymous login without a password.
  return raw === '' && user === 'anonymous' ? 'anonymous@' : raw
}

/** Normalises one or more SHA-256 fingerprints to colon-separated uppercase hex. */
export function parseFingerprints(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(part => part.trim())
    .filter(part => part !== '')
    .map(part => {
      const hex = part.replace(/^sha-?256:/i, '').replace(/:/g, '')
      if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
        throw invalid(
          Inputs.TlsFingerprint,
          part,
          'a SHA-256 fingerprint: 64 hex digits, colons optional, optional sha256: prefix'
        )
      }
      return hex.toUpperCase().match(/../g)!.join(':')
    })
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** Accepts PEM text or a path to a PEM file; every certificate in it must parse. */
export function parseCaCert(value: string, cwd: string): string | undefined {
  if (value === '') return undefined
  let pem = value
  if (!value.includes('-----BEGIN')) {
    const path = resolve(cwd, value)
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw invalid(Inputs.CaCert, value, 'PEM text or the path of a readable PEM file (no such file)')
    }
    pem = readFileSync(path, 'utf8')
  }
  const blocks = pem.match(PEM_BLOCK) ?? []
  const shown = value.includes('-----BEGIN') ? '<PEM text>' : value
  if (blocks.length === 0)
    throw invalid(Inputs.CaCert, shown, 'PEM text or a PEM file with at least one CERTIFICATE block')
  for (const block of blocks) {
    try {
      new X509Certificate(block)
    } catch {
      throw invalid(Inputs.CaCert, shown, 'valid PEM certificates (one does not parse)')
    }
  }
  return blocks.join('\n') + '\n'
}

export function parseTlsMaxVersion(value: string): 'TLSv1.2' | 'TLSv1.3' | undefined {
  if (value === '') return undefined
  return oneOf(Inputs.TlsMaxVersion, value, { '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' } as const)
}

export function parseLocalDir(value: string, cwd: string): string {
  const dir = resolve(cwd, value)
  if (!existsSync(dir)) throw invalid(Inputs.LocalDir, value, 'an existing directory (not found)')
  if (!statSync(dir).isDirectory()) throw invalid(Inputs.LocalDir, value, 'a directory (this is a file)')
  return dir
}

export function parsePatterns(value: string): string[] {
  const patterns = value
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
  for (const pattern of patterns) {
    const body = pattern.replace(/^!/, '')
    noControlChars(Inputs.Files, pattern)
    if (isAbsolute(body) || body.split(/[\\/]/).includes('..')) {
      throw invalid(Inputs.Files, pattern, 'patterns relative to local-dir, without .. segments')
    }
  }
  if (!patterns.some(p => !p.startsWith('!'))) {
    throw invalid(Inputs.Files, value, 'at least one pattern that is not an exclude (!)')
  }
  return patterns
}

export function parseRemoteDir(value: string): string {
  noControlChars(Inputs.RemoteDir, value)
  if (value.split(/[\\/]/).includes('..')) {
    throw invalid(Inputs.RemoteDir, value, 'a directory path without .. segments')
  }
  // Remote paths use '/': a Windows server reads a backslash as a separator, others as part of a name.
  if (value.includes('\\')) throw invalid(Inputs.RemoteDir, value, "a directory path with '/' separators (no '\\')")
  return value
}

export function parseMode(name: InputName, value: string): string | undefined {
  if (value === '') return undefined
  if (!/^[0-7]{3,4}$/.test(value)) throw invalid(name, value, '3 or 4 octal digits such as 644 or 0755 (or empty)')
  return value
}

export function parseManifestName(value: string): string {
  if (CONTROL_CHARS.test(value) || /[\\/]/.test(value) || value === '.' || value === '..') {
    throw invalid(Inputs.Manifest, value, 'a plain file name (no slashes, CR, LF or NUL)')
  }
  return value
}

export function parseAdopt(value: string): AdoptMode {
  if (value === 'auto' || value === 'download' || value === 'size' || value === 'none') return value
  throw invalid(Inputs.Adopt, value, 'auto, download, size or none')
}

/** verify: the booleans core.getBooleanInput accepts, or hash (size checks, then the server's hash). */
export function parseVerify(value: string): { size: boolean; hash: boolean } {
  if (value === 'hash') return { size: true, hash: true }
  if (['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(value)) {
    const on = parseBoolean(Inputs.Verify, value)
    return { size: on, hash: false }
  }
  throw invalid(Inputs.Verify, value, 'true, false or hash (also True, TRUE, False, FALSE)')
}

/** max-delete: a whole number of files, or a percentage (`50%`, `12.5%`) of those the manifest lists. */
export function parseMaxDelete(value: string): DeleteLimit {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value)
  if (percent !== null && Number(percent[1]) <= 100) return { percent: Number(percent[1]) }
  if (/^\d+$/.test(value) && Number.isSafeInteger(Number(value))) return { count: Number(value) }
  throw invalid(Inputs.MaxDelete, value, 'a whole number of files, or a percentage from 0% to 100% (100% = no limit)')
}

/**
 * cutover with what it depends on: `atomic: false` leaves only `file` (a default `end` becomes
 * `file`; `end` or `swap` asked for is bad input), and `rollback` needs `swap`.
 */
export function parseCutover(value: string, given: boolean, atomic: boolean, rollback: boolean): CutoverMode {
  const cutover = oneOf(Inputs.Cutover, value, { end: 'end', file: 'file', swap: 'swap' } as const)
  if (!atomic && cutover !== 'file') {
    if (given) throw invalid(Inputs.Cutover, value, "'file' with atomic: false (end and swap go live by renames)")
    return 'file'
  }
  if (rollback && cutover !== 'swap') {
    throw invalid(Inputs.Rollback, 'true', `false unless cutover is 'swap' (cutover is '${cutover}')`)
  }
  return cutover
}
