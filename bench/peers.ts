/**
 * The peers users pick instead of ours, each configured for explicit FTPS with PROT P and a
 * verified certificate where the tool can verify one: lftp (and lftp with --ignore-time, the
 * everyday redeploy's other mode), rclone, curl and @samkirkland/ftp-deploy.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { which } from '../__tests__/harness/server-runtime.js'
import { baseEnv, firstLine, ROOT, type Tool, urlHost } from './tool.js'

const FTP_DEPLOY_CHILD = join(ROOT, 'bench', 'ftp-deploy-child.mjs')
/** The state file @samkirkland/ftp-deploy writes into the local dir (and the server dir). */
const FTP_DEPLOY_STATE = '.ftp-deploy-sync-state.json'

const LFTP_SETTINGS = [
  'set cmd:fail-exit yes',
  'set ftp:ssl-force true',
  'set ftp:ssl-protect-data true',
  'set ssl:verify-certificate yes',
  // lftp's defaults retry a failing server 1000 times, 30 s apart and up: fail within the run's timeout instead
  'set net:max-retries 3',
  'set net:timeout 30'
]

/**
 * lftp mirror -R --parallel=4. ignoreTime: the everyday redeploy's other mode, `--ignore-time`
 * (sizes only: the fresh checkout's new mtimes make plain `--delete` upload everything again,
 * and the same-size changes are then left out: the verification reports it as incorrect).
 */
function lftpTool(ignoreTime: boolean): Tool {
  return {
    name: ignoreTime ? 'lftp-ignore-time' : 'lftp',
    invocation: ignoreTime
      ? 'lftp -c "...; mirror -R --parallel=4 --delete --ignore-time D R" (everyday only)'
      : 'lftp -c "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:ca-file CA; open ...; mirror -R --parallel=4 D R" (redeploy: mirror -R --parallel=4 --only-newer; everyday: mirror -R --parallel=4 --delete)',
    missing: () => (which('lftp') === undefined ? 'lftp not installed (apt-get install lftp)' : undefined),
    notApplicable: (_shape, sync) =>
      ignoreTime && !sync ? 'lftp --ignore-time runs in the everyday redeploy only' : undefined,
    syncOnly: ignoreTime,
    command: spec => {
      const { server } = spec
      // --only-newer would skip the everyday checkout's same-size changes, and its new mtimes defeat it anyway
      const only =
        spec.sync === true
          ? ['--delete', ...(ignoreTime ? ['--ignore-time'] : [])]
          : spec.redeploy
            ? ['--only-newer']
            : []
      const mirror = ['mirror', '-R', '--parallel=4', ...only]
      const script = [
        ...LFTP_SETTINGS,
        `set ssl:ca-file ${quote(server.pki.caCertPath)}`,
        `open --env-password -u ${quote(server.user)} -p ${spec.port} ${urlHost(spec.host)}`,
        [...mirror, quote(spec.localDir), quote(spec.remoteName)].join(' ')
      ].join('; ')
      return {
        cmd: 'lftp',
        args: ['--norc', '-c', script],
        env: { ...baseEnv(), LFTP_PASSWORD: server.password, HOME: spec.workDir },
        cwd: spec.workDir
      }
    },
    connections: () => 4,
    version: () => firstLine('lftp', ['--version'])
  }
}

export const lftp = lftpTool(false)
export const lftpIgnoreTime = lftpTool(true)

const obscured = new Map<string, string>()

export const rclone: Tool = {
  name: 'rclone',
  invocation:
    'rclone copy --transfers 4 D :ftp:R (everyday: rclone sync) with RCLONE_FTP_EXPLICIT_TLS=true and the test CA as SSL_CERT_FILE (certificate verified)',
  missing: () => (which('rclone') === undefined ? 'rclone not installed (apt-get install rclone)' : undefined),
  notApplicable: () => undefined,
  command: spec => {
    const { server } = spec
    let pass = obscured.get(server.password)
    if (pass === undefined) {
      pass = execFileSync('rclone', ['obscure', '-'], { input: server.password }).toString().trim()
      obscured.set(server.password, pass)
    }
    const config = join(spec.workDir, 'rclone.conf')
    writeFileSync(config, '')
    return {
      cmd: 'rclone',
      args: [
        spec.sync === true ? 'sync' : 'copy',
        '--transfers',
        '4',
        '--config',
        config,
        spec.localDir,
        `:ftp:${spec.remoteName}`
      ],
      env: {
        ...baseEnv(),
        // rclone 1.60 writes host + ':' + port, without brackets: an IPv6 address goes in them here
        // ('[::1]:P' dials; Go's certificate check strips them and matches the IP:::1 SAN). By the
        // name localhost it failed where localhost is 127.0.0.1 only (refused: the proxy is on ::1).
        RCLONE_FTP_HOST: urlHost(spec.host),
        RCLONE_FTP_PORT: String(spec.port),
        RCLONE_FTP_USER: server.user,
        RCLONE_FTP_PASS: pass,
        RCLONE_FTP_EXPLICIT_TLS: 'true',
        // rclone 1.60's FTP backend ignores --ca-cert (that flag is for its HTTP transport), but
        // Go's system root pool reads SSL_CERT_FILE: the test CA becomes the only trusted root.
        SSL_CERT_FILE: server.pki.caCertPath,
        SSL_CERT_DIR: join(spec.workDir, 'no-cert-dir')
      },
      cwd: spec.workDir
    }
  },
  connections: () => 4,
  version: () => firstLine('rclone', ['version'])
}

export const curl: Tool = {
  name: 'curl',
  invocation: 'curl --ssl-reqd --cacert CA --ftp-create-dirs -T file ftp://127.0.0.1:P/R/ (one file per URL)',
  missing: () => (which('curl') === undefined ? 'curl not installed (apt-get install curl)' : undefined),
  notApplicable: shape =>
    shape === 'single'
      ? undefined
      : 'curl uploads one URL per file; no tree upload or sync (impractical for many files)',
  command: spec => {
    const { server } = spec
    const netrc = join(spec.workDir, 'netrc')
    writeFileSync(netrc, `machine ${spec.host} login ${server.user} password ${server.password}\n`, { mode: 0o600 })
    const file = join(spec.localDir, 'large.bin')
    return {
      cmd: 'curl',
      args: [
        '--silent',
        '--show-error',
        '--fail',
        '--ssl-reqd',
        '--cacert',
        server.pki.caCertPath,
        '--netrc-file',
        netrc,
        '--ftp-create-dirs',
        '-T',
        file,
        `ftp://${urlHost(spec.host)}:${spec.port}/${spec.remoteName}/`
      ],
      env: baseEnv(),
      cwd: spec.workDir
    }
  },
  connections: () => 1,
  version: () => firstLine('curl', ['--version'])
}

const require = createRequire(import.meta.url)

function ftpDeployPackage(): string | undefined {
  try {
    return require.resolve('@samkirkland/ftp-deploy/package.json')
  } catch {
    return undefined
  }
}

export const ftpDeploy: Tool = {
  name: 'ftp-deploy',
  invocation:
    "@samkirkland/ftp-deploy deploy({protocol: 'ftps', security: 'strict', ...}) in a child node process, NODE_EXTRA_CA_CERTS=CA (certificate verified)",
  missing: () => (ftpDeployPackage() === undefined ? '@samkirkland/ftp-deploy not installed (npm install)' : undefined),
  notApplicable: () => undefined,
  command: spec => {
    const { server } = spec
    const args = {
      server: spec.host,
      port: spec.port,
      username: server.user,
      protocol: 'ftps',
      security: 'strict',
      'local-dir': `${spec.localDir}/`,
      'server-dir': `${spec.remoteName}/`,
      'log-level': 'minimal'
    }
    return {
      cmd: process.execPath,
      args: [FTP_DEPLOY_CHILD],
      env: {
        ...baseEnv(),
        BENCH_FTP_DEPLOY_ARGS: JSON.stringify(args),
        BENCH_FTP_DEPLOY_PASSWORD: server.password,
        NODE_EXTRA_CA_CERTS: server.pki.caCertPath
      },
      cwd: spec.workDir // it writes a temp state file into the cwd on a redeploy
    }
  },
  connections: () => 1,
  after: spec => rmSync(join(spec.localDir, FTP_DEPLOY_STATE), { force: true }),
  version: () => {
    const pkg = ftpDeployPackage()
    if (pkg === undefined) return 'not installed'
    const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }
    const basicFtp = join(dirname(pkg), 'node_modules', 'basic-ftp', 'package.json')
    const inner = existsSync(basicFtp)
      ? (JSON.parse(readFileSync(basicFtp, 'utf8')) as { version: string }).version
      : '?'
    return `@samkirkland/ftp-deploy ${version} (basic-ftp ${inner})`
  }
}

/** lftp's command language: double quotes, with \ and " escaped. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, m => `\\${m}`)}"`
}
