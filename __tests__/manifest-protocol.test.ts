/**
 * What no real server here does on demand, with the scripted responder: a manifest download
 * shorter than the server's SIZE, a leftover that is gone when it is deleted, a server that
 * echoes the password in a reply (through the bundle, as the runner runs it).
 */
import { deploy } from '../src/deploy.js'
import { DeployError } from '../src/core/errors.js'
import { makeTestPki } from './harness/certs.js'
import { ScriptedServer, ScriptedServerOptions, startScriptedServer } from './harness/scripted-server.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'
import { runAction } from './support/runner.js'

const PASSWORD = 'p|ss|w0rd-S3cr3t'
const MANIFEST = '/.ftps-deploy-manifest.json'
const pki = makeTestPki()
const localDir = makeTree({ 'index.html': '<h1>hi</h1>', 'assets/app.js': 'console.log(1)\n' })
const servers: ScriptedServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

async function serve(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const server = await startScriptedServer({ pki, user: 'deploy', password: PASSWORD, ...options })
  servers.push(server)
  return server
}

const inputs = (server: ScriptedServer, extra: InputValues = {}): InputValues => ({
  host: '127.0.0.1',
  port: String(server.port),
  user: 'deploy',
  password: PASSWORD,
  'ca-cert': pki.caCert,
  'local-dir': localDir,
  timeout: '5',
  retries: '1',
  ...extra
})

const manifestText = JSON.stringify({
  format: 'ftps-deploy-manifest',
  version: 1,
  files: { 'old.txt': { sha256: 'a'.repeat(64), size: 3 } },
  dirs: []
})

test('a manifest download shorter than its SIZE fails the run after retries: never taken as corrupt or absent', async () => {
  const server = await serve({
    replies: { SIZE: arg => (arg === MANIFEST ? `213 ${manifestText.length + 100}` : undefined) }
  })
  server.files.set(MANIFEST, Buffer.from(manifestText))
  server.files.set('/old.txt', Buffer.from('old'))
  const log = recordingLog()
  const error = await deploy(settingsOf(inputs(server, { delete: 'true' })), log).catch((err: unknown) => err)
  expect(error).toBeInstanceOf(DeployError)
  expect((error as Error).message).toBe(
    `Could not read the manifest ${MANIFEST}: Download of ${MANIFEST} is incomplete: ${manifestText.length} of ${manifestText.length + 100} bytes arrived`
  )
  expect(log.text()).toMatch(/retry 1 of 1 in \d+ ms on a new connection/)
  // Nothing was touched but the deploy lock (taken and released): no upload, no deletion.
  expect(server.commands.filter(c => /^(STOR|DELE|RNFR|MKD)/.test(c) && !c.includes('/.ftps-deploy.lock'))).toEqual([])
  expect(server.dirs.has('/.ftps-deploy.lock')).toBe(false)
  expect(server.files.has('/old.txt')).toBe(true)
})

test('a leftover temporary already gone when it is deleted (550) does not fail the run', async () => {
  const leftover = '/.ftps-deploy.index.html.1a2b3c4d-3.tmp'
  const server = await serve({ replies: { DELE: arg => (arg === leftover ? '550 No such file' : undefined) } })
  server.files.set(leftover, Buffer.from('partial'))
  const log = recordingLog()
  const result = await deploy(settingsOf(inputs(server)), log)
  expect(server.commands).toContain(`DELE ${leftover}`)
  expect(result.applied.map(s => `${s.kind} ${s.path}`)).toContain(
    'remove leftover .ftps-deploy.index.html.1a2b3c4d-3.tmp'
  )
  expect(result.uploaded).toEqual(['assets/app.js', 'index.html'])
})

test('a server that echoes the password: not in the log, the error or the summary, raw or escaped', async () => {
  const server = await serve({ stor: { finalReply: `553 Could not create file for user deploy:${PASSWORD}` } })
  const run = await runAction(inputs(server), { RUNNER_DEBUG: '1' })
  expect(run.code).toBe(1)
  // The failure names the reply, with the password replaced.
  expect(run.stdout).toMatch(
    /::error::Upload of \S+ failed: the server answered STOR \S+ with 553 Could not create file for user deploy:\*\*\*/
  )
  expect(run.summary).toContain('553 Could not create file for user deploy:***')
  const emitted = [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, run.summary].join('\n')
  for (const form of [PASSWORD, 'p\\|ss\\|w0rd-S3cr3t', 'S3cr3t']) expect(emitted).not.toContain(form)
})
