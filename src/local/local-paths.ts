/**
 * Local paths to remote paths, for every runner OS. Local paths are the platform's (on Windows
 * `\` and drive letters); remote paths always use `/`. Pure: the path module is a parameter, so
 * the Windows rules are tested with path.win32 on any machine.
 */
import nodePath, { PlatformPath } from 'node:path'
import { InputError } from '../core/errors.js'
import { NameEncoding } from '../core/settings.js'

/** Prefixes a pattern relative to local-dir with the directory, keeping a leading '!'. */
export function anchorPattern(localDir: string, pattern: string, path: PlatformPath = nodePath): string {
  const negate = pattern.startsWith('!')
  const body = negate ? pattern.slice(1) : pattern
  return `${negate ? '!' : ''}${path.resolve(localDir, body)}`
}

/** Whether `target` lies strictly below `root` (on Windows: same drive, any letter case). */
export function isInside(root: string, target: string, path: PlatformPath = nodePath): boolean {
  const rel = path.relative(root, target)
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel)
}

/**
 * The remote path of a local file, relative to remote-dir with `/` separators; undefined when
 * the file is local-dir itself or lies outside it (on Windows, another drive). On Windows `\`
 * and `/` both separate; elsewhere a `\` is part of a name, and checkRemoteName refuses it.
 */
export function relPathOf(localDir: string, file: string, path: PlatformPath = nodePath): string | undefined {
  const rel = path.relative(localDir, file)
  if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep)[0] === '..') return undefined
  return rel.split(path.sep).join('/')
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const shown = (name: string): string => JSON.stringify(name).slice(1, -1)

/** Refuses names the FTP control connection cannot carry (RFC 959 ends commands with CRLF). */
export function checkRemoteName(relPath: string, encoding: NameEncoding): void {
  if (/[\r\n\0]/.test(relPath)) {
    throw new InputError(
      `Invalid file name '${shown(relPath)}' under local-dir: names with CR, LF or NUL cannot be sent over FTP`
    )
  }
  if (relPath.includes('\\')) {
    // Legal in a Linux or macOS name, but a Windows server reads it as a separator (`..\x`).
    throw new InputError(
      `Invalid file name '${relPath}' under local-dir: names with \\ cannot be sent over FTP (Windows servers read it as a separator)`
    )
  }
  if (relPath.split('/').includes('..')) {
    throw new InputError(`Invalid file name '${relPath}': it would leave remote-dir`)
  }
  if (LONE_SURROGATE.test(relPath)) {
    // NTFS names are any UTF-16 code units; a lone surrogate has no UTF-8 (or latin1) form.
    throw new InputError(
      `Invalid file name '${shown(relPath)}' under local-dir: it holds a lone UTF-16 surrogate, which no FTP name encoding can carry`
    )
  }
  if (encoding === 'latin1' && [...relPath].some(ch => ch.codePointAt(0)! > 0xff)) {
    throw new InputError(`Invalid file name '${relPath}' for encoding latin1: it has characters latin1 cannot encode`)
  }
}
