/**
 * The deploy tools under test and how each is invoked: ours as users run it (the committed CLI
 * bundle), and the peers users pick instead, each configured for explicit FTPS with PROT P and a
 * verified certificate where the tool can verify one.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FtpServer } from '../__tests__/harness/servers.js'
import { which } from '../__tests__/harness/server-runtime.js'
import type { Command } from './exec.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const OUR_CLI = join(ROOT, 'dist', 'cli', 'index.js')
/** The bundle the runs use: run.ts points it at a snapshot taken at start, so a rebuild mid-run cannot mix engines. */
export const ourBundle = { path: OUR_CLI }
/** The bundle of --base-rev, run as the tool 'ours-base' (before and after a change, in one run). */
export const baseBundle = { path: '' }
const FTP_DEPLOY_CHILD = join(ROOT, 'bench', 'ftp-deploy-child.mjs')
/** The state file @samkirkland/ftp-deploy writes into the local dir (and the server dir). */
const FTP_DEPLOY_STATE = '.ftp-deploy-sync-state.json'

export const TOOL_NAMES = ['ours', 'ours-base', 'lftp', 'rclone', 'curl', 'ftp-deploy'] as const
export type ToolName = (typeof TOOL_NAMES)[number]

/** Many files in a tree, or one file. */
export type Shape = 'tree' | 'single'

export interface RunSpec {
  server: FtpServer
  /** Where the tool connects: the server itself, or the latency proxy in front of it (::1). */
  host: string
  port: number
  localDir: string
  /** The target dir, directly under the FTP user's root (no slashes). */
  remoteName: string
  /** A second deploy of the same tree into the same target, nothing changed. */
  redeploy: boolean
  /** Scratch dir for this run: cwd, config files, output. */
  workDir: string
  /** Passed to our CLI as --concurrency when set; else our default applies. */
  concurrency?: number
  /** Delete remote files the local tree lacks (the everyday redeploy): each tool's sync mode. */
  sync?: boolean
}

export interface Tool {
  name: ToolName
  /** The invocation, for the report. */
  invocation: string
  /** undefined if installed, else what is missing. */
  missing(): string | undefined
  /** undefined if the tool can do this shape of workload, else why it is n/a. */
  notApplicable(shape: Shape): string | undefined
  command(spec: RunSpec): Command
  /** Control connections the tool uses at once (for round trips per file per connection). */
  connections(spec: RunSpec): number
  /** Removes what the tool wrote into the local tree. */
  after?(spec: RunSpec): void
  version(): string
}

/**
 * The environment every tool starts from: ours, minus Node options a test runner may have set and
 * minus trust-store overrides (this machine sets NODE_EXTRA_CA_CERTS and SSL_CERT_FILE globally):
 * each tool trusts exactly what its invocation below gives it.
 */
const STRIPPED = [
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'FTPS_PASSWORD'
]

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of STRIPPED) delete env[name]
  return env
}

const firstLine = (cmd: string, args: string[]): string => {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      .split('\n')[0]!
      .trim()
  } catch {
    return 'unknown'
  }
}

function ourTool(name: 'ours' | 'ours-base', bundle: { path: string }): Tool {
  return {
    name,
    invocation:
      (name === 'ours' ? 'node dist/cli/index.js' : 'the same with dist/cli/index.js of --base-rev') +
      ' --host 127.0.0.1 --port P --user U --ca-cert CA --local-dir D --remote-dir /R --json (FTPS_PASSWORD in env)',
    missing: () => {
      if (bundle.path === '') return 'no --base-rev given'
      return existsSync(bundle.path) ? undefined : `${bundle.path} not found (npm run build)`
    },
    notApplicable: () => undefined,
    command: spec => {
      const { server } = spec
      const args = [
        bundle.path,
        '--host',
        spec.host,
        '--port',
        String(spec.port),
        '--user',
        server.user,
        '--ca-cert',
        server.pki.caCertPath,
        '--local-dir',
        spec.localDir,
        '--remote-dir',
        `/${spec.remoteName}`,
        '--json'
      ]
      if (spec.concurrency !== undefined) args.push('--concurrency', String(spec.concurrency))
      if (spec.sync === true) args.push('--delete')
      return { cmd: process.execPath, args, env: { ...baseEnv(), FTPS_PASSWORD: server.password }, cwd: spec.workDir }
    },
    connections: spec => spec.concurrency ?? 4,
    version: () => firstLine(process.execPath, [bundle.path, '--version'])
  }
}

const ours = ourTool('ours', ourBundle)
const oursBase = ourTool('ours-base', baseBundle)

const LFTP_SETTINGS = [
  'set cmd:fail-exit yes',
  'set ftp:ssl-force true',
  'set ftp:ssl-protect-data true',
  'set ssl:verify-certificate yes',
  // lftp's defaults retry a failing server 1000 times, 30 s apart and up: fail within the run's timeout instead
  'set net:max-retries 3',
  'set net:timeout 30'
]

const lftp: Tool = {
  name: 'lftp',
  invocation:
    'lftp -c "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:ca-file CA; open ...; mirror -R --parallel=4 D R" (redeploy: mirror -R --parallel=4 --only-newer; everyday: mirror -R --parallel=4 --delete)',
  missing: () => (which('lftp') === undefined ? 'lftp not installed (apt-get install lftp)' : undefined),
  notApplicable: () => undefined,
  command: spec => {
    const { server } = spec
    // --only-newer would skip the everyday checkout's same-size changes, and its new mtimes defeat it anyway
    const only = spec.sync === true ? ['--delete'] : spec.redeploy ? ['--only-newer'] : []
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

const obscured = new Map<string, string>()

const rclone: Tool = {
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
        // rclone 1.60 writes host:port without brackets: an IPv6 address is taken by its name (the
        // certificate names localhost; Go tries 127.0.0.1, refused there, then ::1, the proxy).
        RCLONE_FTP_HOST: spec.host === '::1' ? 'localhost' : spec.host,
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

const curl: Tool = {
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

const ftpDeploy: Tool = {
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

export const TOOLS: Record<ToolName, Tool> = {
  ours,
  'ours-base': oursBase,
  lftp,
  rclone,
  curl,
  'ftp-deploy': ftpDeploy
}

/** An IPv6 address in brackets, as URLs (and lftp's open) write it. */
const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host)

/** lftp's command language: double quotes, with \ and " escaped. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, m => `\\${m}`)}"`
}
