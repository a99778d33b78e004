/**
 * Every input parsed and validated once, into one typed object. Nothing below the entry
 * points reads inputs again. Validation throws InputError naming the input, the value
 * (never a secret) and what is accepted, before any connection is made.
 */
import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { Settings } from '../core/settings.js'
import {
  invalid,
  noControlChars,
  parseAdopt,
  parseCutover,
  parseMaxDelete,
  oneOf,
  parseBoolean,
  parseCaCert,
  parseFingerprints,
  parseHost,
  parseInteger,
  parseLocalDir,
  parseManifestName,
  parseMode,
  parsePassword,
  parsePatterns,
  parseRemoteDir,
  parseTimeoutMs,
  parseTlsMaxVersion,
  parseVerify
} from './input-parsers.js'
import { InputDefaults, InputName, Inputs } from './inputs.js'
import { parseSsh } from './ssh-inputs.js'

export type { Settings }

/** Returns an input's raw value, '' when not given. */
export type InputReader = (name: InputName) => string

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
  const verify = parseVerify(get(Inputs.Verify))
  const atomic = bool(Inputs.Atomic)
  const rollback = bool(Inputs.Rollback)
  const cutover = parseCutover(get(Inputs.Cutover), read(Inputs.Cutover) !== '', atomic, rollback)
  const ssh = parseSsh(get, read, cwd)

  return {
    ...ssh,
    host,
    port:
      portText === ''
        ? ssh.protocol === 'sftp'
          ? 22
          : tls === 'implicit'
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
    adopt: parseAdopt(get(Inputs.Adopt)),
    lock: bool(Inputs.Lock),
    lockTimeoutMs:
      parseInteger(Inputs.LockTimeout, get(Inputs.LockTimeout), 0, 86400, 'a whole number of seconds') * 1000,
    concurrency: parseInteger(Inputs.Concurrency, get(Inputs.Concurrency), 1, 16, 'a whole number of connections'),
    retries: parseInteger(Inputs.Retries, get(Inputs.Retries), 0, 100, 'a whole number of retries'),
    atomic,
    verify: verify.size,
    verifyHash: verify.hash,
    fileMode: parseMode(Inputs.FileMode, get(Inputs.FileMode)),
    dirMode: parseMode(Inputs.DirMode, get(Inputs.DirMode)),
    reportFile: reportFile === '' ? undefined : resolve(cwd, reportFile),
    listing: oneOf(Inputs.Listing, get(Inputs.Listing), {
      flat: 'flat',
      recursive: 'recursive',
      none: 'none'
    } as const),
    cutover,
    rollback,
    maxDelete: parseMaxDelete(get(Inputs.MaxDelete))
  }
}
