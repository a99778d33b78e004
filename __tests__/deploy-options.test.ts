/** Connection options against real vsftpd: TLS cap, implicit TLS, plain FTP, source address, name encoding. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test
const localDir = makeTree({ 'index.html': 'options', 'café/menu.txt': 'latin1 or utf-8' })
const started: FtpServer[] = []

afterAll(async () => {
  await Promise.all(started.map(s => s.stop()))
})

async function start(kind: ServerKind): Promise<FtpServer> {
  const server = await startServer(kind)
  started.push(server)
  return server
}

const inputs = (server: FtpServer, extra: InputValues = {}): InputValues =>
  serverInputs(server, { 'local-dir': localDir, ...extra })

maybe('tls-max-version 1.2 caps a server that would negotiate TLS 1.3', async () => {
  const server = await start('vsftpd')
  const open = await deploy(settingsOf(inputs(server, { 'remote-dir': 'open' })), recordingLog())
  const capped = await deploy(
    settingsOf(inputs(server, { 'remote-dir': 'capped', 'tls-max-version': '1.2' })),
    recordingLog()
  )
  expect([open.tlsVersion, capped.tlsVersion]).toEqual(['TLSv1.3', 'TLSv1.2'])
  expect(readFileSync(join(server.root, 'capped/index.html'), 'utf8')).toBe('options')
  expect(server.readLog()).toContain('SSL version: TLSv1.2')
})

maybe('implicit TLS on its own port', async () => {
  const server = await start('vsftpd-implicit')
  const result = await deploy(settingsOf(inputs(server, { tls: 'implicit' })), recordingLog())
  expect(result.fingerprint).toBe(server.pki.fingerprint)
  expect(readFileSync(join(server.root, 'café/menu.txt'), 'utf8')).toBe('latin1 or utf-8')
})

maybe('tls none works against a plain server, with the warning', async () => {
  const server = await start('vsftpd-plain')
  const log = recordingLog()
  const result = await deploy(settingsOf(inputs(server, { tls: 'none', 'ca-cert': '' })), log)
  expect(result.tlsVersion).toBe('')
  expect(log.warnings).toContain('tls: none: the password and every file travel in clear text over the network')
  expect(readFileSync(join(server.root, 'index.html'), 'utf8')).toBe('options')
})

maybe('explicit TLS against a server without TLS ends before USER, naming the refused command', async () => {
  const server = await start('vsftpd-plain')
  const error = await deploy(settingsOf(inputs(server, { 'remote-dir': 'never' })), recordingLog()).catch(
    (e: unknown) => e
  )
  expect(String(error)).toMatch(
    /The server refused TLS \(nothing was sent in clear\): the server answered AUTH TLS with 5\d\d /
  )
  expect(server.readLog()).not.toMatch(/FTP command: Client "[\d.]+", "USER /)
  expect(readdirSync(server.root)).toEqual([])
})

describe('on one explicit-TLS vsftpd', () => {
  let server: FtpServer
  beforeAll(async () => {
    if (!missing) server = await start('vsftpd')
  })

  maybe('source-address binds control and data sockets (vsftpd refuses data from another address)', async () => {
    await deploy(settingsOf(inputs(server, { 'remote-dir': 'bound', 'source-address': '127.0.0.2' })), recordingLog())
    expect(readFileSync(join(server.root, 'bound/index.html'), 'utf8')).toBe('options')
    expect(server.readLog()).toMatch(/Client "127\.0\.0\.2", "STOR \/bound\/\.ftps-deploy\.index\.html\.[\w.-]+\.tmp"/)
    expect(server.readLog()).not.toMatch(/Client "127\.0\.0\.1", "STOR \/bound/)
  })

  maybe('encoding latin1 sends names as latin1 bytes', async () => {
    await deploy(settingsOf(inputs(server, { 'remote-dir': 'latin1', encoding: 'latin1' })), recordingLog())
    const names = readdirSync(join(server.root, 'latin1'), { encoding: 'buffer' })
    expect(names.map(n => n.toString('hex')).sort()).toEqual(
      [Buffer.from('café', 'latin1'), Buffer.from('index.html'), Buffer.from('.ftps-deploy-manifest.json')]
        .map(b => b.toString('hex'))
        .sort()
    )
    await deploy(settingsOf(inputs(server, { 'remote-dir': 'utf8' })), recordingLog())
    expect(readdirSync(join(server.root, 'utf8')).sort()).toEqual(['.ftps-deploy-manifest.json', 'café', 'index.html'])
  })
})
