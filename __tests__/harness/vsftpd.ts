/**
 * vsftpd 3.0.3 (Debian's package, /usr/sbin/vsftpd) in four variants: explicit TLS (negotiates
 * TLS 1.3), explicit TLS capped at 1.2, implicit TLS, and plain FTP.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type LaunchContext, type LaunchSpec, rmQuiet } from './server-runtime.js'

export type VsftpdVariant = 'explicit' | 'tls12' | 'implicit' | 'plain'

export const VSFTPD_BIN = '/usr/sbin/vsftpd'
export const DB_LOAD = 'db5.3_load'

/**
 * Virtual users need PAM, and Linux-PAM only reads services from /etc/pam.d (an absolute
 * pam_service_name is cut to its basename), so this one service file and its pam_userdb
 * database are shared by every vsftpd the tests start. Their content depends only on the
 * user and password (constants), so concurrent workers write the same bytes.
 */
const PAM_SERVICE = 'ftps-deploy-test'
const PAM_FILE = `/etc/pam.d/${PAM_SERVICE}`
const USERDB_DIR = '/etc/ftps-deploy-test'
const USERDB = join(USERDB_DIR, 'vsftpd-users') // pam_userdb appends ".db"

/** How a host configures it: a per-address limit (max_per_ip), dotfiles left out of listings. */
export interface HostProfile {
  maxPerIp?: number
  hideDotfiles?: boolean
}

export function buildVsftpd(ctx: LaunchContext, variant: VsftpdVariant, profile: HostProfile = {}): LaunchSpec {
  ensurePamUser(ctx.user, ctx.password)
  const log = join(ctx.dir, 'vsftpd.log')
  const emptyDir = join(ctx.dir, 'empty')
  mkdirSync(emptyDir, { mode: 0o755 }) // secure_chroot_dir: must exist, root-owned, not writable
  const conf = join(ctx.dir, 'vsftpd.conf')
  writeFileSync(
    conf,
    [...baseConfig(ctx, log, emptyDir, profile), ...tlsConfig(ctx, variant), ...ctx.extraConfig, ''].join('\n')
  )
  return {
    command: VSFTPD_BIN,
    args: [conf],
    env: variant === 'tls12' ? { ...process.env, OPENSSL_CONF: writeTls12OpensslConf(ctx.dir) } : process.env,
    mainLog: log,
    logFiles: [log]
  }
}

function baseConfig(ctx: LaunchContext, log: string, emptyDir: string, profile: HostProfile): string[] {
  return [
    // Foreground standalone listener on 127.0.0.1 only; unknown options are fatal.
    'background=NO',
    'listen=YES',
    'listen_ipv6=NO',
    'listen_address=127.0.0.1',
    `listen_port=${ctx.ports.control}`,
    'seccomp_sandbox=NO', // YES breaks TLS here (FACTS)
    `secure_chroot_dir=${emptyDir}`,
    // One virtual user from PAM, mapped to the `ftp` account, chrooted in its writable root.
    'anonymous_enable=NO',
    'local_enable=YES',
    'write_enable=YES',
    'guest_enable=YES',
    `guest_username=${ctx.account.name}`,
    'virtual_use_local_privs=YES', // guests get write commands (MKD, DELE, RNFR/RNTO, STOR)
    `pam_service_name=${PAM_SERVICE}`,
    `local_root=${ctx.root}`,
    'chroot_local_user=YES',
    'allow_writeable_chroot=YES',
    'local_umask=022', // uploads 0644: readable by the test
    // NO is vsftpd's default (listings hide dotfiles); many hosts keep it
    `force_dot_files=${profile.hideDotfiles === true ? 'NO' : 'YES'}`,
    // Passive only, announced as 127.0.0.1.
    'pasv_enable=YES',
    `pasv_min_port=${ctx.ports.passiveMin}`,
    `pasv_max_port=${ctx.ports.passiveMax}`,
    'pasv_address=127.0.0.1',
    'port_enable=NO',
    // Every command and response, TLS details and transfers in one log.
    'xferlog_enable=YES',
    'xferlog_std_format=NO',
    'log_ftp_protocol=YES',
    `vsftpd_log_file=${log}`,
    'max_clients=200',
    `max_per_ip=${profile.maxPerIp ?? 200}` // above it: "421 There are too many connections from your internet address."
  ]
}

function tlsConfig(ctx: LaunchContext, variant: VsftpdVariant): string[] {
  if (variant === 'plain') return ['ssl_enable=NO']
  return [
    'ssl_enable=YES',
    `implicit_ssl=${variant === 'implicit' ? 'YES' : 'NO'}`,
    `rsa_cert_file=${ctx.pki.certPath}`,
    `rsa_private_key_file=${ctx.pki.keyPath}`,
    'ssl_ciphers=HIGH', // 3.0.3's default cipher list fails under OpenSSL 3 (FACTS)
    'allow_anon_ssl=NO',
    'force_local_logins_ssl=YES', // USER before AUTH TLS: 530
    'force_local_data_ssl=YES', // STOR under PROT C: 522
    'require_ssl_reuse=YES', // data connections must resume the control session: else 522
    'ssl_request_cert=NO',
    'debug_ssl=YES' // logs "reused" / "not reused" per TLS connection
  ]
}

/** A private OpenSSL config that caps TLS at 1.2 for this vsftpd only (FACTS: clean under 1.2). */
function writeTls12OpensslConf(dir: string): string {
  const path = join(dir, 'openssl-tls12.cnf')
  writeFileSync(
    path,
    [
      'openssl_conf = default_conf',
      '[default_conf]',
      'ssl_conf = ssl_sect',
      '[ssl_sect]',
      'system_default = system_default_sect',
      '[system_default_sect]',
      'MaxProtocol = TLSv1.2',
      ''
    ].join('\n')
  )
  return path
}

/** Writes the PAM service and its user database unless they already hold this user. */
function ensurePamUser(user: string, password: string): void {
  const pam = [
    `# Written by ftps-deploy's test harness (__tests__/harness/vsftpd.ts); safe to delete.`,
    `auth required pam_userdb.so db=${USERDB}`,
    'account required pam_permit.so',
    'session required pam_permit.so',
    ''
  ].join('\n')
  if (readOr(PAM_FILE) !== pam) atomicWrite(PAM_FILE, pam, 0o644)

  const source = `${user}\n${password}\n` // db_load -T: alternating key and value lines
  if (readOr(`${USERDB}.txt`) === source && existsSync(`${USERDB}.db`)) return
  mkdirSync(USERDB_DIR, { recursive: true, mode: 0o700 })
  const tmp = `${USERDB}.${process.pid}.${Date.now()}`
  try {
    writeFileSync(`${tmp}.txt`, source, { mode: 0o600 })
    execFileSync(DB_LOAD, ['-T', '-t', 'hash', '-f', `${tmp}.txt`, `${tmp}.db`], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    chmodSync(`${tmp}.db`, 0o600)
    renameSync(`${tmp}.db`, `${USERDB}.db`)
    renameSync(`${tmp}.txt`, `${USERDB}.txt`) // last: marks the db as complete
  } finally {
    rmQuiet(`${tmp}.txt`)
    rmQuiet(`${tmp}.db`)
  }
}

function readOr(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

function atomicWrite(path: string, content: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, content, { mode })
  renameSync(tmp, path)
}
