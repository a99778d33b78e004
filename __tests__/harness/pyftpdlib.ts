/**
 * pyftpdlib 1.5.7 (Debian 12's python3-pyftpdlib, with python3-openssl) run by
 * pyftpd-server.py: plainly, or as a Windows-like server (IIS's names, listings and refusals).
 * 1.5.7 resets a TLS data connection whose client starts the handshake before the server has
 * read STOR/RETR (pyftpdlib issue 604, fixed in 1.5.9): that is on purpose, hosts run it.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { firstExisting, type LaunchContext, type LaunchSpec } from './server-runtime.js'

export const PYFTPD_SCRIPT = fileURLToPath(new URL('./pyftpd-server.py', import.meta.url))

export interface PyftpdOptions {
  windows: boolean
  hideDotfiles: boolean
}

/** Debian's own python3 (where apt puts pyftpdlib), not a pyenv or venv one found first on PATH. */
const python3 = (): string | undefined => firstExisting(['/usr/bin/python3'])

/** undefined when python3 with pyftpdlib and pyOpenSSL can run here, else what is missing. */
export function pyftpdlibMissing(): string | undefined {
  const python = python3()
  if (python === undefined) return 'python3 not installed'
  try {
    execFileSync(python, ['-c', 'import pyftpdlib, OpenSSL'], { stdio: 'ignore' })
    return undefined
  } catch {
    return 'python3-pyftpdlib or python3-openssl not installed'
  }
}

export function buildPyftpd(ctx: LaunchContext, options: PyftpdOptions): LaunchSpec {
  const log = join(ctx.dir, 'pyftpdlib.log')
  const conf = join(ctx.dir, 'pyftpdlib.json')
  writeFileSync(
    conf,
    JSON.stringify({
      port: ctx.ports.control,
      passiveMin: ctx.ports.passiveMin,
      passiveMax: ctx.ports.passiveMax,
      user: ctx.user,
      password: ctx.password,
      root: ctx.root,
      cert: ctx.pki.certPath,
      key: ctx.pki.keyPath,
      log,
      uid: ctx.account.uid,
      gid: ctx.account.gid,
      windows: options.windows,
      hideDotfiles: options.hideDotfiles,
      // 'handshake-fix': 1.5.9's data connections (see pyftpd-server.py)
      extra: ctx.extraConfig
    }),
    { mode: 0o600 }
  )
  const python = python3()
  if (python === undefined) throw new Error('/usr/bin/python3 not found')
  return { command: python, args: [PYFTPD_SCRIPT, conf], mainLog: log, logFiles: [log] }
}
