/**
 * Server hash commands against a scripted responder: replies no real server here produces (a
 * wrong hash, X commands only, a refused OPTS HASH), for verify: hash and adopt: auto.
 */
import { createHash } from 'node:crypto'
import { deploy } from '../src/deploy.js'
import { DeployError } from '../src/core/errors.js'
import { makeTestPki } from './harness/certs.js'
import { ScriptedServer, ScriptedServerOptions, startScriptedServer } from './harness/scripted-server.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'

const pki = makeTestPki()
const localDir = makeTree({ 'index.html': '<h1>hi</h1>', 'assets/app.js': 'console.log(1)\n' })
const servers: ScriptedServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

/** FEAT as the scripted server answers it by default, plus `extra` lines. */
const feat = (...extra: string[]): string =>
  ['211-Features:', ' UTF8', ' EPSV', ' PASV', ' SIZE', ' AUTH TLS', ' PBSZ', ' PROT', ...extra, '211 End'].join('\n')
const digest = (algorithm: string, data: Buffer): string => createHash(algorithm).update(data).digest('hex')

async function serve(options: ScriptedServerOptions): Promise<ScriptedServer> {
  const server = await startScriptedServer({ pki, ...options })
  servers.push(server)
  return server
}
const inputs = (server: ScriptedServer, extra: InputValues = {}): InputValues => ({
  host: '127.0.0.1',
  port: String(server.port),
  user: 'deploy',
  password: 'pw',
  'ca-cert': pki.caCert,
  'local-dir': localDir,
  timeout: '5',
  ...extra
})

test('verify: hash: a server whose HASH disagrees with the bytes sent is retried, then fails naming the file', async () => {
  const wrong = 'ab'.repeat(32)
  let server: ScriptedServer | undefined = undefined
  server = await serve({
    replies: {
      FEAT: feat(' HASH SHA-1;SHA-256*'),
      HASH: arg => {
        const data = server?.files.get(arg)
        if (data === undefined) return '550 No such file'
        // Right for index.html, wrong for app.js (its temporary, in atomic mode).
        const hex = arg.includes('app.js') ? wrong : digest('sha256', data)
        return `213-Computing SHA-256 digest\n213 SHA-256 0-${data.length} ${hex} ${arg}`
      }
    }
  })
  const log = recordingLog()
  const error = await deploy(settingsOf(inputs(server, { verify: 'hash', retries: '1' })), log).catch(
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(DeployError)
  const sent = digest('sha256', Buffer.from('console.log(1)\n'))
  expect((error as DeployError).message).toBe(
    `Upload of assets/app.js does not match what was sent: the server's SHA-256 of it is ${wrong}, the bytes sent hash to ${sent}`
  )
  expect((error as DeployError).details).toMatchObject({ file: 'assets/app.js', command: 'HASH' })
  // Checked on the temporary, twice (one retry), and never renamed into place.
  const hashes = server.commands.filter(c => /^HASH \/assets\/\.ftps-deploy\.app\.js\..*\.tmp$/.test(c))
  expect(hashes).toHaveLength(2)
  expect(server.files.has('/assets/app.js')).toBe(false)
  // Under cutover end (the default) the run failed before its burst: index.html, checked, is not live either.
  expect(server.files.has('/index.html')).toBe(false)
  expect(log.text()).toContain('retry 1 of 1')
})

test('verify: hash with XSHA1 only: the file is hashed again locally in SHA-1', async () => {
  let server: ScriptedServer | undefined = undefined
  server = await serve({
    replies: {
      FEAT: feat(' XMD5', ' XSHA1'),
      XSHA1: arg => {
        const data = server?.files.get(arg)
        return data === undefined
          ? '550 No such file'
          : `250-Computing SHA1 digest\n250 ${digest('sha1', data).toUpperCase()}`
      }
    }
  })
  const log = recordingLog()
  const result = await deploy(settingsOf(inputs(server, { verify: 'hash' })), log)
  expect(result.uploaded).toEqual(['assets/app.js', 'index.html'])
  expect(server.commands.filter(c => c.startsWith('XSHA1 '))).toHaveLength(2)
  expect(log.warnings).toEqual([])
})

test('verify: hash where FEAT offers none: one warning, sizes checked', async () => {
  const server = await serve({})
  const log = recordingLog()
  await deploy(settingsOf(inputs(server, { verify: 'hash' })), log)
  expect(log.warnings).toEqual([
    'verify: hash: the server offers no hash command (HASH, XSHA256, XSHA512, XSHA1 or XMD5 in FEAT): uploads are checked by size only'
  ])
})

test('adopt: auto where OPTS HASH is refused: the X command decides', async () => {
  let server: ScriptedServer | undefined = undefined
  server = await serve({
    replies: {
      FEAT: feat(' HASH SHA-1*;SHA-256', ' XSHA256'),
      OPTS: arg => (arg.startsWith('HASH') ? '501 Unsupported algorithm' : '200 Option set'),
      XSHA256: arg => {
        const data = server?.files.get(arg)
        return data === undefined ? '550 No such file' : `250 ${digest('sha256', data)}`
      }
    }
  })
  server.files.set('/index.html', Buffer.from('<h1>hi</h1>'))
  server.files.set('/assets/app.js', Buffer.from('console.log(2)\n'))
  server.dirs.add('/assets')
  const result = await deploy(settingsOf(inputs(server)), recordingLog())
  expect(result.adopted).toEqual(['index.html'])
  expect(result.uploaded).toEqual(['assets/app.js'])
  expect(server.commands).toContain('OPTS HASH SHA-256')
  expect(server.commands.filter(c => c.startsWith('HASH '))).toEqual([])
  expect(server.commands).toContain('XSHA256 /index.html')
})

test('adopt: download where RETR is refused: the file is uploaded, the run goes on', async () => {
  const server = await serve({ replies: { RETR: '553 Not allowed to read that' } })
  server.files.set('/index.html', Buffer.from('<h1>hi</h1>'))
  const log = recordingLog()
  const result = await deploy(settingsOf(inputs(server, { adopt: 'download' })), log)
  expect(result.adopted).toEqual([])
  expect(result.uploaded).toEqual(['assets/app.js', 'index.html'])
  expect(log.text()).toContain('index.html: not compared (553 Not allowed to read that): to upload')
})
