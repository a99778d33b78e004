/**
 * The committed bundles, run as users run them: `node dist/index.js` with the runner's INPUT_*
 * variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and the CLI through `npm exec` (npx).
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, Server } from 'node:net'
import { join } from 'node:path'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { InputValues, makeTree, serverInputs } from './support/engine.js'
import { BAD_INPUTS } from './support/bad-inputs.js'
import { runAction, runCli } from './support/runner.js'

const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test
const content = {
  'index.html': Buffer.from('<h1>bundle</h1>'),
  'js/app.js': randomBytes(5000),
  'empty.txt': Buffer.alloc(0)
}
const localDir = makeTree(content)
let server: FtpServer

beforeAll(async () => {
  if (!missing) server = await startServer('vsftpd')
})
afterAll(async () => {
  await server?.stop()
})

const inputs = (extra: InputValues = {}): InputValues => serverInputs(server, { 'local-dir': localDir, ...extra })

/** The runner learns secrets from ::add-mask::; the password must appear nowhere else. */
function expectNoPassword(text: string, password: string): void {
  const lines = text.split('\n').filter(line => line.includes(password))
  expect(lines.every(line => line === `::add-mask::${password}`)).toBe(true)
}

maybe('node dist/index.js deploys and sets the outputs and the job summary', async () => {
  const run = await runAction(inputs({ 'remote-dir': 'action' }), { RUNNER_DEBUG: '1' })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  for (const [path, data] of Object.entries(content)) {
    expect(readFileSync(join(server.root, 'action', path)).equals(data)).toBe(true)
  }
  const { outputs } = run
  expect(JSON.parse(outputs.uploaded)).toEqual(['empty.txt', 'index.html', 'js/app.js'])
  expect(outputs['files-uploaded']).toBe('3')
  expect(outputs['files-skipped']).toBe('0')
  expect(outputs['files-deleted']).toBe('0')
  expect(outputs['bytes-uploaded']).toBe(String(15 + 5000))
  expect(outputs['tls-fingerprint']).toBe(server.pki.fingerprint)
  const listing = JSON.parse(outputs.listing) as { path: string; type: string; size: number }[]
  expect(listing.map(e => [e.path, e.type])).toEqual([
    ['empty.txt', 'file'],
    ['index.html', 'file'],
    ['js', 'dir']
  ])
  expect(listing.find(e => e.path === 'index.html')?.size).toBe(15)
  expect(run.summary).toContain('FTPS deploy: 127.0.0.1:/action')
  expect(run.summary).toContain('| Files uploaded | 3 |')
  expect(run.summary).toContain(server.pki.fingerprint)
  expect(run.summary).toMatch(/\| TLS \| TLSv1\.[23] \|/)
  expect(run.stdout).toContain('::group::Connect')
  expect(run.stdout).toContain('::debug::> PASS ###')
  expectNoPassword(run.stdout + run.summary + JSON.stringify(outputs), server.password)
})

maybe(
  'adopt: download through the bundle: a site already there is adopted, not uploaded again (issue 14)',
  async () => {
    server.putFile('adopt/index.html', content['index.html'])
    server.putFile('adopt/js/app.js', Buffer.from(content['js/app.js']).fill(0, 0, 10)) // edited, same size
    const reportFile = join(makeTree({}), 'report.json')
    const run = await runAction(inputs({ 'remote-dir': 'adopt', adopt: 'download', 'report-file': reportFile }))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.uploaded)).toEqual(['empty.txt', 'js/app.js'])
    expect(run.outputs['files-skipped']).toBe('1')
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { adopted: string[]; counts: { adopted: number } }
    expect(report.adopted).toEqual(['index.html'])
    expect(report.counts.adopted).toBe(1)
    expect(run.stdout).toContain('adopted index.html (15 bytes, same SHA-256, downloaded)')
    expect(run.summary).toContain('| Files adopted (already on the server; among the skipped) | 1 |')
    expect(readFileSync(join(server.root, 'adopt', 'js/app.js')).equals(content['js/app.js'])).toBe(true)
    // A bad value is one line, exit 2, before any connection.
    const bad = await runAction(inputs({ 'remote-dir': 'adopt', adopt: 'trust' }))
    expect(bad.code).toBe(2)
    expect(bad.stdout).toContain("::error::Invalid adopt 'trust': expected auto, download, size or none")
  }
)

maybe('a wrong password fails the step with the 530 reply, never the password, even at debug', async () => {
  const password = 'Wr0ng-' + server.password
  const run = await runAction(inputs({ password, 'remote-dir': 'action-530' }), { RUNNER_DEBUG: '1' })
  expect(run.code).toBe(1)
  expect(run.stdout).toMatch(/^::error::Login as deployer failed: the server answered PASS with 530 .*$/m)
  expect(run.summary).toContain('FTPS deploy failed')
  expectNoPassword(run.stdout + run.stderr + run.summary, password)
})

describe('bad input: one clear line, exit code 2, no connection', () => {
  let listener: Server
  let connections = 0
  beforeAll(async () => {
    listener = createServer(socket => {
      connections += 1
      socket.destroy()
    })
    await new Promise<void>(resolve => listener.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>(resolve => listener.close(() => resolve())))

  // The whole table, plus the input that must never be shown, through the bundle.
  const cases: [InputValues, string][] = [
    ...BAD_INPUTS,
    [{ password: 'hunter2\r\nDELE x' }, 'Invalid password (value not shown): expected no CR, LF or NUL characters'],
    [{ files: 'nothing-matches-*.xyz' }, 'No files found in local-dir']
  ]
  test.each(cases)('%j', async (values, message) => {
    const port = (listener.address() as { port: number }).port
    const inputs = { host: '127.0.0.1', port: String(port), 'local-dir': localDir, password: 'pw', ...values }
    const run = await runAction(inputs, {}, { 'a-file.txt': 'x' })
    expect(run.code).toBe(2)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    // As the runner shows it: a workflow command's data is escaped (% as %25, CR and LF as %0D, %0A).
    const shown = errors[0]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    expect(shown).toContain(message)
    // The runner learns the password from ::add-mask::; it appears nowhere else.
    expectNoPassword(run.stdout + run.stderr, inputs.password)
    const leaks = (run.stdout + run.stderr).split('\n').filter(l => l.includes('hunter2'))
    expect(leaks.every(l => l.startsWith('::add-mask::'))).toBe(true)
    expect(connections).toBe(0)
  })
})

describe('the CLI through npx', () => {
  maybe('deploys with FTPS_PASSWORD and prints the outputs as JSON', async () => {
    const run = await runCli(
      [
        '--host',
        '127.0.0.1',
        '--port',
        String(server.port),
        '--user',
        server.user,
        '--ca-cert',
        server.pki.caCertPath
      ].concat(['--local-dir', localDir, '--remote-dir', 'cli', '--json']),
      { FTPS_PASSWORD: server.password }
    )
    expect(run.code).toBe(0)
    const outputs = JSON.parse(run.stdout) as Record<string, string>
    expect(outputs['files-uploaded']).toBe('3')
    expect(outputs['tls-fingerprint']).toBe(server.pki.fingerprint)
    expect(readFileSync(join(server.root, 'cli', 'js/app.js')).equals(content['js/app.js'])).toBe(true)
    expect(run.stdout + run.stderr).not.toContain(server.password)
  })

  maybe('--adopt size and --verify hash are flags like any input', async () => {
    server.putFile('cli-adopt/index.html', content['index.html'])
    const run = await runCli(
      ['--host', '127.0.0.1', '--port', String(server.port), '--user', server.user, '--ca-cert', server.pki.caCertPath]
        .concat(['--local-dir', localDir, '--remote-dir', 'cli-adopt', '--json'])
        .concat(['--adopt', 'size', '--verify=hash']),
      { FTPS_PASSWORD: server.password }
    )
    expect(run.code).toBe(0)
    const outputs = JSON.parse(run.stdout) as Record<string, string>
    expect(JSON.parse(outputs.uploaded)).toEqual(['empty.txt', 'js/app.js'])
    expect(outputs['files-skipped']).toBe('1')
    expect(run.stderr).toContain('warning: adopt: size: 1 file(s)')
    // vsftpd offers no hash command.
    expect(run.stderr).toContain('warning: verify: hash: the server offers no hash command')
  })

  test('--help, --version, a --password flag and a local dry run', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--remote-dir VALUE')
    const version = await runCli(['--version'])
    expect(version.stdout.trim()).toBe(
      `ftps-deploy ${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}`
    )
    const flag = await runCli(['--host', 'h', '--password', 'hunter2'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('--password is not accepted')
    expect(flag.stderr + flag.stdout).not.toContain('hunter2')
    const plan = await runCli(['--local-dir', localDir, '--dry-run', '--json'])
    expect(plan.code).toBe(0)
    expect(JSON.parse(JSON.parse(plan.stdout).uploaded as string)).toEqual(['empty.txt', 'index.html', 'js/app.js'])
    expect(plan.stderr).toContain('would upload js/app.js (5000 bytes)')
  })

  test('no host without --dry-run is a usage error', async () => {
    const run = await runCli(['--local-dir', localDir])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("Invalid host '': expected a server name or IP address (required unless --dry-run)")
  })
})
