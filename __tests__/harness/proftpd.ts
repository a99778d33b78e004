/**
 * ProFTPD 1.3.8 with mod_tls, unpacked from Debian's .deb by scripts/install-servers.sh (it
 * conflicts with vsftpd in dpkg). Session reuse on data connections stays REQUIRED, as by
 * default: never add NoSessionReuseRequired, the tests prove a client resumes the session.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { firstExisting, type LaunchContext, type LaunchSpec, SERVERS_DIR } from './server-runtime.js'
import type { HostProfile } from './vsftpd.js'

export const proftpdBin = (): string | undefined =>
  firstExisting([join(SERVERS_DIR, 'proftpd/usr/sbin/proftpd'), '/usr/sbin/proftpd'])

/** mod_tls.so ships in proftpd-mod-crypto, next to the binary's prefix. */
export function proftpdModTls(): string | undefined {
  const bin = proftpdBin()
  return bin === undefined ? undefined : firstExisting([join(dirname(bin), '../lib/proftpd/mod_tls.so')])
}

/**
 * mod_digest (in Debian's proftpd-core, not loaded by default): HASH (draft-bryan-ftpext-hash)
 * and XCRC, XMD5, XSHA1, XSHA256, XSHA512, every algorithm offered. Give it as `extraConfig`
 * (after ModulePath); without it ProFTPD offers no hash command, as most hosts run it.
 */
export const PROFTPD_DIGEST = ['LoadModule mod_digest.c', 'DigestEngine on', 'DigestAlgorithms all']

export function buildProftpd(ctx: LaunchContext, profile: HostProfile = {}): LaunchSpec {
  const bin = proftpdBin()
  const modTls = proftpdModTls()
  if (bin === undefined || modTls === undefined) throw new Error('proftpd or its mod_tls.so not found')
  const logs = {
    commands: join(ctx.dir, 'commands.log'),
    tls: join(ctx.dir, 'tls.log'),
    transfers: join(ctx.dir, 'xfer.log'),
    system: join(ctx.dir, 'system.log')
  }
  const conf = join(ctx.dir, 'proftpd.conf')
  writeFileSync(conf, [...config(ctx, dirname(modTls), logs, profile), ...ctx.extraConfig, ''].join('\n'))
  // A bad directive makes the daemon exit at once; `-t` says which line (FACTS).
  execFileSync(bin, ['-t', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] })
  return {
    command: bin,
    args: ['-n', '-c', conf], // -n: stay in the foreground
    mainLog: logs.commands,
    logFiles: [logs.commands, logs.tls, logs.transfers, logs.system]
  }
}

interface ProftpdLogs {
  commands: string
  tls: string
  transfers: string
  system: string
}

function config(ctx: LaunchContext, moduleDir: string, logs: ProftpdLogs, profile: HostProfile): string[] {
  const run = join(ctx.dir, 'run')
  mkdirSync(run, { mode: 0o755 })
  return [
    'ServerType standalone',
    'ServerName "ftps-deploy test"',
    'ServerIdent on "FTP server ready"',
    'DefaultAddress 127.0.0.1',
    'SocketBindTight on', // bind 127.0.0.1 only
    'UseIPv6 off',
    `Port ${ctx.ports.control}`,
    `PassivePorts ${ctx.ports.passiveMin} ${ctx.ports.passiveMax}`,
    'MaxInstances 200',
    // Plesk's and cPanel's limit: above it "530 Sorry, the maximum number of clients (N) from
    // your host are already connected." after PASS
    ...(profile.maxPerIp === undefined ? [] : [`MaxClientsPerHost ${profile.maxPerIp}`]),
    `User ${ctx.account.name}`,
    `Group ${ctx.account.group}`,
    // Keep every state file out of /run and the system's control socket (FACTS).
    `PidFile ${join(run, 'proftpd.pid')}`,
    `ScoreboardFile ${join(run, 'proftpd.scoreboard')}`,
    'DelayEngine off',
    'ControlsEngine off',
    'WtmpLog off',
    'UseReverseDNS off',
    // Only the virtual user from our AuthUserFile; no PAM, no /etc/passwd, no <Anonymous>.
    '<IfModule mod_auth_pam.c>',
    '  AuthPAM off',
    '</IfModule>',
    'AuthOrder mod_auth_file.c',
    `AuthUserFile ${writeUserFile(ctx)}`,
    `AuthGroupFile ${writeGroupFile(ctx)}`,
    'RequireValidShell off',
    'DefaultRoot ~',
    'Umask 022', // uploads 0644: readable by the test
    'AllowOverwrite on',
    ...(profile.hideDotfiles === true ? [] : ['ListOptions "-a"']), // LIST shows dotfiles (MLSD always does)
    // Logs: every command with its reply code, TLS details, transfers.
    'LogFormat commands "%t %a %u \\"%r\\" %s %b"',
    `ExtendedLog ${logs.commands} ALL commands`,
    `TransferLog ${logs.transfers}`,
    `SystemLog ${logs.system}`,
    `ModulePath ${moduleDir}`,
    'LoadModule mod_tls.c',
    'TLSEngine on',
    'TLSRequired on', // control and data: plain USER is 550, STOR under PROT C 425
    'TLSProtocol TLSv1.2 TLSv1.3',
    `TLSRSACertificateFile ${ctx.pki.certPath}`,
    `TLSRSACertificateKeyFile ${ctx.pki.keyPath}`,
    'TLSVerifyClient off',
    `TLSLog ${logs.tls}` // "client reused TLS session for data connection"
  ]
}

/** passwd(5) line for the test user, mapped to the `ftp` account, SHA-512 crypt. */
function writeUserFile(ctx: LaunchContext): string {
  const hash = execFileSync('openssl', ['passwd', '-6', '-stdin'], { input: ctx.password }).toString().trim()
  const { uid, gid } = ctx.account
  const path = join(ctx.dir, 'ftpd.passwd')
  writeFileSync(path, `${ctx.user}:${hash}:${uid}:${gid}::${ctx.root}:/bin/false\n`, { mode: 0o600 })
  return path
}

function writeGroupFile(ctx: LaunchContext): string {
  const path = join(ctx.dir, 'ftpd.group')
  writeFileSync(path, `${ctx.account.group}:x:${ctx.account.gid}:${ctx.user}\n`, { mode: 0o600 })
  return path
}
