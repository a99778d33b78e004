/** A stop by the runner (SIGINT/SIGTERM) ends the CLI non-zero, with the manifest true, and the next run resumes. */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { runCliDeploy } from './support/cli-process.js'

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
    let uploaded = 0
    const run = await runCliDeploy(serverInputs(server, { 'local-dir': local, 'remote-dir': remote }), {
      password: server.password,
      onLine: (line, child) => {
        if (line.startsWith('uploaded ') && ++uploaded === 60) child.kill(signal)
      }
    })
    expect(uploaded).toBeGreaterThanOrEqual(60)
    expect(run.code).toBe(1)
    expect(run.error).toMatch(new RegExp(`the deploy was cancelled \\(${signal}\\)`))
    const manifest = JSON.parse(readFileSync(join(server.root, remote, '.ftps-deploy-manifest.json'), 'utf8')) as {
      files: Record<string, { size: number }>
    }
    const recorded = Object.keys(manifest.files)
    expect(recorded.length).toBeGreaterThanOrEqual(60)
    expect(recorded.length).toBeLessThan(300)
    for (const path of recorded) expect(statSync(join(server.root, remote, path)).size).toBe(1024)
    // The cancelled run released its deploy lock: the next one does not wait for it.
    expect(existsSync(join(server.root, remote, '.ftps-deploy.lock'))).toBe(false)

    const resumed = await deploy(
      settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': remote })),
      recordingLog()
    )
    expect(resumed.filesSkipped).toBe(recorded.length)
    for (const [path, data] of Object.entries(files))
      expect(readFileSync(join(server.root, remote, path)).equals(data)).toBe(true)
  }
)
