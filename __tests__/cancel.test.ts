/** A stop by the runner (SIGINT/SIGTERM) ends the CLI non-zero, with the manifest true, and the next run resumes. */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { REPO } from './support/runner.js'

const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test
let server: FtpServer

beforeAll(async () => {
  if (!missing) server = await startServer('vsftpd')
})
afterAll(async () => {
  await server?.stop()
})

maybe.each(['SIGTERM', 'SIGINT'] as const)(
  '%s stops the deploy: exit 1, manifest true, the next run resumes',
  async signal => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`s${i % 5}/f${i}.bin`, randomBytes(1024)]))
    const local = makeTree(files)
    const remote = `cancel-${signal}`
    const args = [
      '--host',
      '127.0.0.1',
      '--port',
      String(server.port),
      '--user',
      server.user,
      '--ca-cert',
      server.pki.caCertPath
    ]
    const child = spawn(
      process.execPath,
      [join(REPO, 'dist/cli/index.js'), ...args, '--local-dir', local, '--remote-dir', remote],
      {
        env: { ...process.env, FTPS_PASSWORD: server.password, NODE_OPTIONS: '' },
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let stderr = ''
    let sent = false
    const code = await new Promise<number | null>(resolve => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        if (!sent && stderr.split('\n').filter(l => l.startsWith('uploaded ')).length >= 60) {
          sent = true
          child.kill(signal)
        }
      })
      child.on('close', resolve)
    })
    expect(sent).toBe(true)
    expect(code).toBe(1)
    expect(stderr).toMatch(new RegExp(`the deploy was cancelled \\(${signal}\\)`))
    const manifest = JSON.parse(readFileSync(join(server.root, remote, '.ftps-deploy-manifest.json'), 'utf8')) as {
      files: Record<string, { size: number }>
    }
    const recorded = Object.keys(manifest.files)
    expect(recorded.length).toBeGreaterThanOrEqual(60)
    expect(recorded.length).toBeLessThan(300)
    for (const path of recorded) expect(statSync(join(server.root, remote, path)).size).toBe(1024)

    const resumed = await deploy(
      settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': remote })),
      recordingLog()
    )
    expect(resumed.filesSkipped).toBe(recorded.length)
    for (const [path, data] of Object.entries(files))
      expect(readFileSync(join(server.root, remote, path)).equals(data)).toBe(true)
  }
)
