/**
 * Every input parsed and validated once, into one typed object. Nothing below the entry
 * points reads inputs again. Validation throws InputError naming the input, the value
 * (never a secret) and what is accepted, before any connection is made.
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isIP } from 'node:net'
import { isAbsolute, resolve } from 'node:path'
import { InputError } from './errors.js'
import { InputDefaults, InputName, Inputs } from './inputs.js'

export type TlsMode = 'explicit' | 'implicit' | 'none'
export type NameEncoding = 'utf8' | 'latin1'
export type IfNoFilesFound = 'error' | 'warn' | 'ignore'
export type SyncMode = 'changed' | 'all'
export type ListingMode = 'flat' | 'recursive' | 'none'

export interface Settings {
  /** Server name or IP address. */
  host: string
  /** Control port: 21, or 990 for implicit TLS, unless given. */
  port: number
  /** Login name. */
  user: string
  /** Password sent with PASS ('anonymous@' for anonymous without one). Never logged. */
  password: string
  /** Sent with ACCT when the server answers 332; empty when not given. */
  account: string
  /** How the control and data connections are protected. */
  tls: TlsMode
  /** Verify the certificate chain and host name (unless a fingerprint pins the certificate). */
  tlsVerify: boolean
  /** Extra trusted CA certificates (PEM), in addition to the system CAs. */
  caCert: string | undefined
  /** Pinned SHA-256 certificate fingerprints as colon-separated uppercase hex. */
  tlsFingerprints: string[]
  /** Name sent as SNI and checked against the certificate. */
  tlsServername: string
  /** Highest TLS version to negotiate, if capped. */
  tlsMaxVersion: 'TLSv1.2' | 'TLSv1.3' | undefined
  /** Encoding of path names on the control connection. */
  encoding: NameEncoding
  /** Connect and idle timeout in milliseconds (control and data). */
  timeoutMs: number
  /** Local address to bind control and data sockets to. */
  sourceAddress: string | undefined
  /** Absolute local root directory. */
  localDir: string
  /** Glob patterns relative to localDir; a leading '!' excludes. */
  files: string[]
  /** Remote target directory, relative to the login directory unless absolute. */
  remoteDir: string
  /** What to do when the patterns match no file. */
  ifNoFilesFound: IfNoFilesFound
  /** Upload symbolic links as their targets' content (only targets inside localDir). */
  followSymlinks: boolean
  /** Which files to upload: those the manifest shows changed, or all. */
  sync: SyncMode
  /** The manifest's file name inside remoteDir. */
  manifest: string
  /** Delete remote files the previous manifest lists and the new set lacks. */
  delete: boolean
  /** Report the plan without changing anything on the server. */
  dryRun: boolean
  /** Parallel connections. */
  concurrency: number
  /** Retries per file after transient failures. */
  retries: number
  /** Upload to a temporary name, then rename over the target. */
  atomic: boolean
  /** Compare the remote size with the local size after each upload. */
  verify: boolean
  /** Absolute path for the JSON report of the whole result; undefined: the front end decides. */
  reportFile: string | undefined
  /** What the listing output holds. */
  listing: ListingMode
}

/** Returns an input's raw value, '' when not given. */
export type InputReader = (name: InputName) => string

/** Shows a value in an error message with control characters made visible. */
function show(value: string): string {
  const visible = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"')
  return `'${visible}'`
}

function invalid(name: InputName, value: string, expected: string): InputError {
  return new InputError(`Invalid ${name} ${show(value)}: expected ${expected}`)
}

const CONTROL_CHARS = /[\r\n\0]/

function oneOf<T extends string>(name: InputName, value: string, accepted: Record<string, T>): T {
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

function parseInteger(name: InputName, value: string, min: number, max: number, what: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw invalid(name, value, `${what} from ${min} to ${max}`)
  }
  return n
}

function parseTimeoutMs(value: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
  // ftplib treats 0 as "non-blocking", which makes no sense for a deploy: an input error.
  if (!(seconds > 0) || seconds > 86400) {
    throw invalid(Inputs.Timeout, value, 'a number of seconds above 0 (at most 86400)')
  }
  return Math.max(1, Math.round(seconds * 1000))
}

function noControlChars(name: InputName, value: string): string {
  if (CONTROL_CHARS.test(value)) throw invalid(name, value, 'no CR, LF or NUL characters')
  return value
}

function parseHost(value: string, required: boolean): string {
  if (value === '' && !required) return ''
  if (value === '') throw invalid(Inputs.Host, value, 'a server name or IP address (required)')
  if (/\s|[\0/]/.test(value)) throw invalid(Inputs.Host, value, 'a server name or IP address without spaces or slashes')
  return value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
}

function parsePassword(raw: string, user: string): string {
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
function parseCaCert(value: string, cwd: string): string | undefined {
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

function parseTlsMaxVersion(value: string): Settings['tlsMaxVersion'] {
  if (value === '') return undefined
  return oneOf(Inputs.TlsMaxVersion, value, { '1.2': 'TLSv1.2', '1.3': 'TLSv1.3' } as const)
}

function parseLocalDir(value: string, cwd: string): string {
  const dir = resolve(cwd, value)
  if (!existsSync(dir)) throw invalid(Inputs.LocalDir, value, 'an existing directory (not found)')
  if (!statSync(dir).isDirectory()) throw invalid(Inputs.LocalDir, value, 'a directory (this is a file)')
  return dir
}

function parsePatterns(value: string): string[] {
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

function parseRemoteDir(value: string): string {
  noControlChars(Inputs.RemoteDir, value)
  if (value.split(/[\\/]/).includes('..')) {
    throw invalid(Inputs.RemoteDir, value, 'a directory path without .. segments')
  }
  return value
}

function parseManifestName(value: string): string {
  if (CONTROL_CHARS.test(value) || /[\\/]/.test(value) || value === '.' || value === '..') {
    throw invalid(Inputs.Manifest, value, 'a plain file name (no slashes, CR, LF or NUL)')
  }
  return value
}

export interface ParseOptions {
  /** Base for relative local paths. */
  cwd?: string
  /** The CLI's local dry run needs no host. */
  requireHost?: boolean
}

/** Reads, validates and normalises every input. Throws InputError on the first bad one. */
export function parseSettings(read: InputReader, options: ParseOptions = {}): Settings {
  const cwd = options.cwd ?? process.cwd()
  const get = (name: InputName): string => {
    const value = read(name)
    return value === '' ? InputDefaults[name] : value
  }
  const bool = (name: InputName): boolean => parseBoolean(name, get(name))

  const host = parseHost(get(Inputs.Host), options.requireHost ?? true)
  const tls = oneOf(Inputs.Tls, get(Inputs.Tls), { explicit: 'explicit', implicit: 'implicit', none: 'none' } as const)
  const portText = get(Inputs.Port)
  const user = noControlChars(Inputs.User, get(Inputs.User))
  const sourceAddress = get(Inputs.SourceAddress)
  if (sourceAddress !== '' && isIP(sourceAddress) === 0) {
    throw invalid(Inputs.SourceAddress, sourceAddress, 'an IPv4 or IPv6 address of this machine')
  }
  const servername = get(Inputs.TlsServername)
  if (/\s|\0/.test(servername)) throw invalid(Inputs.TlsServername, servername, 'a host name without spaces')
  const reportFile = noControlChars(Inputs.ReportFile, get(Inputs.ReportFile))

  return {
    host,
    port:
      portText === ''
        ? tls === 'implicit'
          ? 990
          : 21
        : parseInteger(Inputs.Port, portText, 1, 65535, 'a port number'),
    user,
    password: parsePassword(read(Inputs.Password), user),
    account: noControlChars(Inputs.Account, get(Inputs.Account)),
    tls,
    tlsVerify: bool(Inputs.TlsVerify),
    caCert: parseCaCert(get(Inputs.CaCert), cwd),
    tlsFingerprints: parseFingerprints(get(Inputs.TlsFingerprint)),
    tlsServername: servername === '' ? host : servername,
    tlsMaxVersion: parseTlsMaxVersion(get(Inputs.TlsMaxVersion)),
    encoding: oneOf(Inputs.Encoding, get(Inputs.Encoding), {
      'utf-8': 'utf8',
      utf8: 'utf8',
      latin1: 'latin1'
    } as const),
    timeoutMs: parseTimeoutMs(get(Inputs.Timeout)),
    sourceAddress: sourceAddress === '' ? undefined : sourceAddress,
    localDir: parseLocalDir(get(Inputs.LocalDir), cwd),
    files: parsePatterns(get(Inputs.Files)),
    remoteDir: parseRemoteDir(get(Inputs.RemoteDir)),
    ifNoFilesFound: oneOf(Inputs.IfNoFilesFound, get(Inputs.IfNoFilesFound), {
      error: 'error',
      warn: 'warn',
      ignore: 'ignore'
    } as const),
    followSymlinks: bool(Inputs.FollowSymlinks),
    sync: oneOf(Inputs.Sync, get(Inputs.Sync), { changed: 'changed', all: 'all' } as const),
    manifest: parseManifestName(get(Inputs.Manifest)),
    delete: bool(Inputs.Delete),
    dryRun: bool(Inputs.DryRun),
    concurrency: parseInteger(Inputs.Concurrency, get(Inputs.Concurrency), 1, 16, 'a whole number of connections'),
    retries: parseInteger(Inputs.Retries, get(Inputs.Retries), 0, 100, 'a whole number of retries'),
    atomic: bool(Inputs.Atomic),
    verify: bool(Inputs.Verify),
    reportFile: reportFile === '' ? undefined : resolve(cwd, reportFile),
    listing: oneOf(Inputs.Listing, get(Inputs.Listing), { flat: 'flat', recursive: 'recursive', none: 'none' } as const)
  }
}
