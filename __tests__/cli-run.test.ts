/**
 * The CLI as npx runs it (issue 25), against vsftpd: inputs from a --config file, from
 * FTPS_DEPLOY_* variables, a flag over both; a secret in the file and an unknown key refused
 * (exit 2); progress on a pseudo-terminal (util-linux `script`) and without one; --quiet.
 * FAULTS_CLI=src runs the sources through tsx, otherwise the package's bundle.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { makeTree } from './support/engine.js'
import { baseEnv, cliCommand, runCliIn, runNode } from './support/runner.js'

const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test

/** 30 files of 64 KiB: through a 1 MB/s link the upload takes about two seconds. */
const content: Record<string, Buffer> = Object.fromEntries(
  Array.from({ length: 30 }, (_, i) => [`assets/f${String(i).padStart(2, '0')}.bin`, randomBytes(64 * 1024)])
)
content['index.html'] = Buffer.from('<h1>cli</h1>')
const FILES = Object.keys(content).length
let server: FtpServer
let cwd: string

beforeAll(async () => {
  if (missing) return
  server = await startServer('vsftpd')
  cwd = makeTree(Object.fromEntries(Object.entries(content).map(([path, data]) => [`site/${path}`, data])))
})
afterAll(() => server?.stop())

/** What a pipeline's config file holds: the connection and the directories, no secret. */
const configText = (extra = ''): string =>
  [
    `host: 127.0.0.1`,
    `port: ${server.port}`,
    `user: ${server.user}`,
    `ca-cert: ${server.pki.caCertPath}`,
    `local-dir: site`,
    extra
  ].join('\n')

function config(name: string, text: string): string {
  writeFileSync(join(cwd, name), text)
  return name
}

const onServer = (dir: string): boolean =>
  Object.entries(content).every(([path, data]) => {
    const file = join(server.root, dir, path)
    return existsSync(file) && readFileSync(file).equals(data)
  })

const LAST =
  /^Uploaded 31 files \(1\.9 MiB\), skipped 0 unchanged, deleted 0, in [\d.]+ (ms|s) at [\d.]+ (bytes|KiB|MiB)\/s$/m

maybe('a config file alone, with the password from FTPS_PASSWORD', async () => {
  const run = await runCliIn(cwd, ['--config', config('file.yml', configText('remote-dir: from-file'))], {
    FTPS_PASSWORD: server.password
  })
  expect(run.stderr).not.toContain('error:')
  expect(run.code).toBe(0)
  expect(onServer('from-file')).toBe(true)
  expect(run.stdout).toMatch(LAST)
  expect(run.stdout + run.stderr).not.toContain(server.password)
})

maybe('the environment alone: FTPS_DEPLOY_<NAME> for each input', async () => {
  const run = await runCliIn(cwd, [], {
    FTPS_PASSWORD: server.password,
    FTPS_DEPLOY_HOST: '127.0.0.1',
    FTPS_DEPLOY_PORT: String(server.port),
    FTPS_DEPLOY_USER: server.user,
    FTPS_DEPLOY_CA_CERT: server.pki.caCertPath,
    FTPS_DEPLOY_LOCAL_DIR: 'site',
    FTPS_DEPLOY_REMOTE_DIR: 'from-env'
  })
  expect(run.code).toBe(0)
  expect(onServer('from-env')).toBe(true)
  expect(run.stdout).toMatch(LAST)
})

maybe('a flag wins over the environment, which wins over the file; a dry run says where each came from', async () => {
  const file = config('all.yml', configText('remote-dir: file-dir\nconcurrency: 2\nretries: 1'))
  const env = { FTPS_PASSWORD: server.password, FTPS_DEPLOY_REMOTE_DIR: 'env-dir', FTPS_DEPLOY_CONCURRENCY: '3' }
  const dry = await runCliIn(cwd, ['--config', file, '--concurrency', '1', '--dry-run'], env)
  expect(dry.code).toBe(0)
  const first = dry.stderr.split('\n').slice(0, 9)
  expect(first).toEqual([
    `input host: 127.0.0.1 (file all.yml:1)`,
    `input port: ${server.port} (file all.yml:2)`,
    `input user: ${server.user} (file all.yml:3)`,
    `input ca-cert: ${server.pki.caCertPath} (file all.yml:4)`,
    'input local-dir: site (file all.yml:5)',
    'input remote-dir: env-dir (environment FTPS_DEPLOY_REMOTE_DIR)',
    'input dry-run: true (flag)',
    'input concurrency: 1 (flag)',
    'input retries: 1 (file all.yml:8)'
  ])
  expect(dry.stderr).toContain('input password: set (environment FTPS_PASSWORD)')
  expect(dry.stdout).toMatch(/^Dry run: would upload 31 files \(1\.9 MiB\)/)
  expect(dry.stdout + dry.stderr).not.toContain(server.password)

  const run = await runCliIn(cwd, ['--config', file, '--remote-dir', 'flag-dir'], env)
  expect(run.code).toBe(0)
  expect(onServer('flag-dir')).toBe(true)
  expect(existsSync(join(server.root, 'env-dir'))).toBe(false)
  expect(existsSync(join(server.root, 'file-dir'))).toBe(false)
})

test('a secret in the config file is refused by name, without its value (exit 2)', async () => {
  const dir = makeTree({ 'bad.yml': 'host: ftp.example.com\npassword: hunter2\n' })
  const run = await runCliIn(dir, ['--config', 'bad.yml'])
  expect(run.code).toBe(2)
  expect(run.stderr.trim()).toBe(
    'error: Invalid config file bad.yml (line 2): password is not accepted in a config file: pass it in the FTPS_PASSWORD environment variable'
  )
  expect(run.stdout + run.stderr).not.toContain('hunter2')
})

test('an unknown key gets the suggestion a mistyped flag gets (exit 2); an unknown variable a warning', async () => {
  const dir = makeTree({ 'typo.yml': 'local-dir: .\nremote-dri: /www\n' })
  const run = await runCliIn(dir, ['--config', 'typo.yml', '--dry-run'])
  expect(run.code).toBe(2)
  expect(run.stderr.trim()).toBe(
    "error: Invalid config file typo.yml (line 2): unknown input 'remote-dri': did you mean remote-dir? (see --help)"
  )
  const env = await runCliIn(dir, ['--local-dir', '.', '--dry-run'], { FTPS_DEPLOY_REMOTE_DRI: '/www' })
  expect(env.code).toBe(0)
  expect(env.stderr).toContain(
    'warning: FTPS_DEPLOY_REMOTE_DRI names no input and is ignored: did you mean FTPS_DEPLOY_REMOTE_DIR?'
  )
})

/** The CLI on a pseudo-terminal: `script` gives it one and copies what it writes. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv) {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  // 200 columns: the whole bar fits on its row (a narrower terminal gets it cut).
  const command = `stty cols 200 && exec ${[...cliCommand(), ...args].map(quote).join(' ')}`
  return runNode(['-qfec', command, '/dev/null'], { ...baseEnv(), ...env, TERM: 'xterm' }, cwd, 'script')
}

maybe('progress: one bar on a terminal, lines without one, only the last line with --quiet', async () => {
  // A 1 MB/s link: the upload lasts long enough for the bar to move.
  const link = await startLatencyProxy({
    controlPort: server.port,
    passive: server.passivePorts,
    rttMs: 2,
    rateBytesPerSecond: 1_000_000
  })
  try {
    const env = { FTPS_PASSWORD: server.password, FTPS_DEPLOY_HOST: '::1', FTPS_DEPLOY_PORT: String(link.port) }
    const args = (dir: string): string[] => ['--config', config('p.yml', configText()), '--remote-dir', dir]
    const started = Date.now()
    const run = await onTerminal([...args('tty'), '--concurrency', '2'], env)
    // A terminal ends lines with CR LF.
    const tty = { ...run, stdout: run.stdout.replace(/\r\n/g, '\n') }
    const seconds = (Date.now() - started) / 1000
    expect(tty.code).toBe(0)
    expect(onServer('tty')).toBe(true)
    const bars = tty.stdout.split('\r\x1b[K').filter(part => part.startsWith('['))
    expect(bars.length).toBeGreaterThan(2)
    // At most 4 redraws a second.
    expect(bars.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2)
    for (const bar of bars) {
      expect(bar).toMatch(
        /^\[[#.]{20}\] \d+\/31 files, [\d.]+ (bytes|KiB|MiB) of 1\.9 MiB, (-|[\d.]+ (bytes|KiB|MiB)\/s)/
      )
    }
    expect(bars.some(bar => / left$/.test(bar))).toBe(true)
    expect(tty.stdout).not.toMatch(/^uploaded /m)
    expect(tty.stdout).toMatch(LAST)

    const plain = await runCliIn(cwd, [...args('plain'), '--concurrency', '2'], env)
    expect(plain.code).toBe(0)
    expect(plain.stderr).not.toContain('\x1b')
    const lines = plain.stderr.split('\n').filter(l => l.startsWith('Progress: '))
    expect(lines.at(-1)).toMatch(/^Progress: 31\/31 files, 1\.9 MiB of 1\.9 MiB, [\d.]+ (KiB|MiB)\/s$/)
    expect(plain.stderr.split('\n').filter(l => l.startsWith('uploaded '))).toHaveLength(FILES)
    expect(plain.stdout).toMatch(LAST)

    const quiet = await runCliIn(cwd, [...args('quiet'), '--quiet'], env)
    expect(quiet.code).toBe(0)
    expect(onServer('quiet')).toBe(true)
    expect(quiet.stderr).toBe('')
    // The last lines: what happened, and how the files went live (the default cutover, end).
    expect(quiet.stdout).toMatch(
      new RegExp(`^${LAST.source.slice(1, -1)}\nCutover end: switched over within \\d+ ms, 31 renames\n$`)
    )
  } finally {
    await link.close()
  }
})
