/**
 * pure-ftpd 1.0.50, unpacked from Debian's .deb by scripts/install-servers.sh (it conflicts
 * with vsftpd in dpkg). Explicit TLS only: 1.0.50 has no implicit-TLS listener.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { firstExisting, type LaunchContext, type LaunchSpec, SERVERS_DIR } from './server-runtime.js'
import type { HostProfile } from './vsftpd.js'

export const pureFtpdBin = (): string | undefined =>
  firstExisting([join(SERVERS_DIR, 'pure-ftpd/usr/sbin/pure-ftpd'), '/usr/sbin/pure-ftpd'])
export const purePwBin = (): string | undefined =>
  firstExisting([join(SERVERS_DIR, 'pure-ftpd/usr/bin/pure-pw'), '/usr/bin/pure-pw'])

/** pure-ftpd allows only half its passive range as concurrent clients (FACTS). */
export const PUREFTPD_PASSIVE_PER_CLIENT = 2

export function buildPureFtpd(ctx: LaunchContext, profile: HostProfile = {}): LaunchSpec {
  const pdb = makeUserDb(ctx)
  // pure-ftpd logs only to syslog (there is none here): the alternative log is the only trace.
  const altlog = join(ctx.dir, 'pure-ftpd.log')
  const { control, passiveMin, passiveMax } = ctx.ports
  const maxClients = Math.max(1, Math.floor((passiveMax - passiveMin + 1) / PUREFTPD_PASSIVE_PER_CLIENT))
  return {
    command: required(pureFtpdBin(), 'pure-ftpd'),
    args: [
      '-S',
      `127.0.0.1,${control}`, // bind 127.0.0.1 only
      '-4',
      '-l',
      `puredb:${pdb}`, // virtual users only (no PAM, no unix accounts)
      '-E', // no anonymous login
      '-A', // chroot everyone into their home
      '-H', // no reverse DNS
      ...(profile.hideDotfiles === true ? [] : ['-D']), // list dotfiles, like vsftpd's force_dot_files
      '-p',
      `${passiveMin}:${passiveMax}`,
      '-P',
      '127.0.0.1',
      '-c',
      String(maxClients),
      '-C', // per address; above it "421 Too many connections (N) from this IP" before the greeting
      String(profile.maxPerIp ?? maxClients),
      '-Y',
      '3', // TLS required on control and data: plain USER is 421, STOR under PROT C 521
      '-2',
      ctx.pki.pemPath,
      '-O',
      `w3c:${altlog}`,
      // Deliberately not -r (renames an upload over an existing file to name.1) nor -G (no
      // renames): both would hide client bugs. Pass them via extraConfig to test those quirks.
      ...ctx.extraConfig
    ],
    mainLog: altlog,
    logFiles: [altlog]
  }
}

/**
 * The test user as a pure-pw virtual user mapped to the `ftp` account, home = root.
 * The passwd line is written here with a SHA-512 crypt hash and compiled with `pure-pw mkdb`:
 * `pure-pw useradd` hashes with argon2id tuned to about 4 s per login on this machine, which
 * would make every test login (and 16 parallel ones) crawl. pure-ftpd checks non-argon2 hashes
 * with crypt(3).
 */
function makeUserDb(ctx: LaunchContext): string {
  const passwd = join(ctx.dir, 'pureftpd.passwd')
  const pdb = join(ctx.dir, 'pureftpd.pdb')
  const hash = execFileSync('openssl', ['passwd', '-6', '-stdin'], { input: ctx.password }).toString().trim()
  const { uid, gid } = ctx.account
  // "/./" marks the chroot point; the 12 empty fields are quotas, ratios, bandwidth, IP limits.
  writeFileSync(passwd, `${ctx.user}:${hash}:${uid}:${gid}::${ctx.root}/./${':'.repeat(12)}\n`, { mode: 0o600 })
  execFileSync(required(purePwBin(), 'pure-pw'), ['mkdb', pdb, '-f', passwd], { stdio: ['ignore', 'ignore', 'pipe'] })
  return pdb
}

function required(path: string | undefined, name: string): string {
  if (path === undefined) throw new Error(`${name} not found`)
  return path
}
