/**
 * The session's protocol rules against a scripted responder: refusals and replies no real
 * server here produces (refused AUTH/PROT P, 332, silent server, foreign PASV address).
 */
import { deploy } from '../src/deploy.js'
import { DeployError } from '../src/core/errors.js'
import { makeSelfSigned, makeTestPki } from './harness/certs.js'
import { ScriptedServer, ScriptedServerOptions, startScriptedServer } from './harness/scripted-server.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'

const PASSWORD = 'S3cr3t-pässword'
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

function inputs(server: ScriptedServer, extra: InputValues = {}): InputValues {
  return {
    host: '127.0.0.1',
    port: String(server.port),
    user: 'deploy',
    password: PASSWORD,
    'ca-cert': pki.caCert,
    'local-dir': localDir,
    timeout: '5',
    ...extra
  }
}

async function failure(server: ScriptedServer, extra: InputValues = {}): Promise<{ error: DeployError; log: string }> {
  const log = recordingLog()
  const error = await deploy(settingsOf(inputs(server, extra)), log).then(
    () => {
      throw new Error('the deploy succeeded')
    },
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(DeployError)
  return { error: error as DeployError, log: log.text() }
}

const sentUser = (server: ScriptedServer): boolean => server.commands.some(c => c.startsWith('USER'))

test('a deploy over explicit TLS sends AUTH TLS, USER, PASS, PBSZ 0, PROT P in that order', async () => {
  const server = await serve()
  const result = await deploy(settingsOf(inputs(server)), recordingLog())
  const verbs = server.commands.map(c => c.split(' ')[0])
  const at = (verb: string): number => verbs.indexOf(verb)
  expect(at('AUTH')).toBe(0)
  expect(at('AUTH') < at('USER') && at('USER') < at('PASS') && at('PASS') < at('PBSZ')).toBe(true)
  expect(at('PBSZ') < at('PROT') && at('PROT') < at('STOR')).toBe(true)
  expect(server.files.get('/index.html')?.toString()).toBe('<h1>hi</h1>')
  // Every data connection is TLS; every handshake resumed its control connection's session (a
  // connection made ahead of an upload that did not come closes without one).
  expect(server.dataConnections.every(d => d.tls)).toBe(true)
  expect(server.dataConnections.filter(d => d.secured).every(d => d.resumed)).toBe(true)
  expect(server.dataConnections.filter(d => d.secured).length).toBeGreaterThanOrEqual(3)
  expect(server.files.has('/.ftps-deploy-manifest.json')).toBe(true)
  expect(result.uploaded).toEqual(['assets/app.js', 'index.html'])
})

test('a refused AUTH TLS ends the run before USER', async () => {
  const server = await serve({ replies: { AUTH: '500 AUTH not understood' } })
  const { error } = await failure(server)
  expect(error.message).toBe(
    'The server refused TLS (nothing was sent in clear): the server answered AUTH TLS with 500 AUTH not understood'
  )
  expect(sentUser(server)).toBe(false)
})

test('AUTH TLS answered with another 2xx than 234 is refused too', async () => {
  const server = await serve({ replies: { AUTH: '200 OK whatever' } })
  const { error } = await failure(server)
  expect(error.details).toMatchObject({ command: 'AUTH TLS', code: 200 })
  expect(sentUser(server)).toBe(false)
})

test('a refused PROT P ends the run before any file is sent (basic-ftp alone would go on)', async () => {
  const server = await serve({ replies: { PROT: '534 PROT P not supported' } })
  const { error } = await failure(server)
  expect(error.message).toBe(
    'The server refused to protect data connections (no file was sent): the server answered PROT P with 534 PROT P not supported'
  )
  // No change and no data connection: the login's write may ask for a passive port (its reads'),
  // which opens nothing; no transfer follows a refused PROT P.
  expect(server.commands.some(c => /^(STOR|MKD|RETR|LIST|MLSD|NLST)/.test(c))).toBe(false)
  expect(server.dataConnections).toEqual([])
  expect(server.files.size).toBe(0)
})

test('a refused PBSZ ends the run too', async () => {
  const server = await serve({ replies: { PBSZ: '502 not implemented' } })
  const { error } = await failure(server)
  expect(error.details).toMatchObject({ command: 'PBSZ 0', code: 502 })
  expect(server.files.size).toBe(0)
})

test('a manifest over 64 MiB is not read: the run fails naming it, before any RETR or upload', async () => {
  const server = await serve({ replies: { SIZE: '213 100000000' } })
  const { error } = await failure(server)
  expect(error.message).toBe(
    'Could not read the manifest /.ftps-deploy-manifest.json: ' +
      '/.ftps-deploy-manifest.json is 100000000 bytes, more than the 67108864 bytes such a file may have: not read'
  )
  expect(server.commands.some(c => c.startsWith('RETR'))).toBe(false)
  expect(server.files.size).toBe(0)
})

test('332 with an account sends ACCT and logs in; the account is in no log line, even at debug', async () => {
  const server = await serve({ requireAccount: 'acme-7f3q' })
  const log = recordingLog()
  await deploy(settingsOf(inputs(server, { account: 'acme-7f3q' })), log)
  expect(server.commands).toContain('ACCT acme-7f3q')
  expect(server.files.has('/index.html')).toBe(true)
  expect(log.text()).toContain('> ACCT ###')
  expect(log.text()).not.toContain('acme-7f3q')
})

test('332 without an account is a clear error', async () => {
  const server = await serve({ requireAccount: 'acme' })
  const { error } = await failure(server)
  expect(error.message).toMatch(
    /^Login as deploy failed: the server asks for an account \(332 .*\); set the account input$/
  )
  expect(server.files.size).toBe(0)
})

test('a wrong password: 530 in the error, the password in no log line, even at debug', async () => {
  const server = await serve()
  const { error, log } = await failure(server, { password: 'wrong-' + PASSWORD })
  expect(error.message).toBe('Login as deploy failed: the server answered PASS with 530 Login incorrect')
  expect(log).toContain('> PASS ###')
  expect(log).not.toContain(PASSWORD)
  expect(error.message).not.toContain(PASSWORD)
})

test('a server that never greets fails within the timeout', async () => {
  const server = await serve({ greeting: null })
  const started = Date.now()
  const { error } = await failure(server, { timeout: '1', retries: '0' })
  expect(error.message).toContain('Timeout (control socket)')
  expect(Date.now() - started).toBeLessThan(4000)
})

test('the address in a PASV reply is ignored: data goes to the control host', async () => {
  // Only announced, never contacted: the data listener is on 127.0.0.1.
  const server = await serve({ pasvAddress: '10.1.2.3', replies: { EPSV: '500 EPSV not understood' } })
  await deploy(settingsOf(inputs(server)), recordingLog())
  expect(server.commands).toContain('PASV')
  expect(server.files.get('/assets/app.js')?.toString()).toBe('console.log(1)\n')
})

test('a manifest unreadable for a transient reason is retried, then fails: never taken for a first deploy', async () => {
  const server = await serve({ replies: { SIZE: '421 Too many connections, try later' } })
  const { error, log } = await failure(server, { retries: '1' })
  expect(error.message).toBe(
    'Could not read the manifest /.ftps-deploy-manifest.json: 421 Too many connections, try later'
  )
  expect(log).toContain('Reading the manifest: 421 Too many connections, try later; retry 1 of 1')
  // No file was sent (the deploy lock's own holder.json aside).
  expect(server.commands.some(c => c.startsWith('STOR') && !c.includes('.ftps-deploy.lock/'))).toBe(false)
})

test('a refused STOR names the file, the command and the reply', async () => {
  const server = await serve({ stor: { finalReply: '552 Quota exceeded' } })
  const { error } = await failure(server)
  // Both uploads go at once on their own connections: the first refusal to come back names its file.
  const file = String(error.details.file)
  expect(['assets/app.js', 'index.html']).toContain(file)
  expect(error.message).toBe(`Upload of ${file} failed: the server answered STOR /${file} with 552 Quota exceeded`)
  expect(error.details).toMatchObject({ file, command: 'STOR', code: 552 })
})

describe('certificates', () => {
  test('an unknown CA fails before USER', async () => {
    const server = await serve()
    const { error } = await failure(server, { 'ca-cert': '' })
    expect(error.message).toMatch(/self.signed|unable to (get|verify)/i)
    expect(sentUser(server)).toBe(false)
  })

  test('a wrong host name fails before USER', async () => {
    const server = await serve()
    const { error } = await failure(server, { 'tls-servername': 'other.example.com' })
    expect(error.message).toContain("Host: other.example.com. is not in the cert's altnames")
    expect(sentUser(server)).toBe(false)
  })

  test('a pinned self-signed certificate is trusted; the output gives its fingerprint', async () => {
    const selfSigned = makeSelfSigned()
    const server = await serve({ pki: selfSigned })
    const pin = selfSigned.fingerprint.replace(/:/g, '').toLowerCase()
    const result = await deploy(settingsOf(inputs(server, { 'ca-cert': '', 'tls-fingerprint': pin })), recordingLog())
    expect(result.fingerprint).toBe(selfSigned.fingerprint)
    expect(server.files.has('/index.html')).toBe(true)
  })

  test('a fingerprint mismatch fails before USER, even with tls-verify false', async () => {
    const server = await serve()
    const wrong = 'AB'.repeat(32)
    const { error } = await failure(server, { 'tls-fingerprint': wrong, 'tls-verify': 'false' })
    expect(error.message).toBe(
      `The server certificate's SHA-256 fingerprint ${pki.fingerprint} matches none of tls-fingerprint (${Array(32).fill('AB').join(':')}); refusing to log in`
    )
    expect(sentUser(server)).toBe(false)
  })

  test('a data connection with another certificate than the pin ends the run at once, naming both; never retried', async () => {
    const other = makeSelfSigned()
    const server = await serve({ dataPki: other, replies: { MLSD: '502 no MLSD' } })
    const pin = pki.fingerprint.replace(/:/g, '').toLowerCase()
    const { error, log } = await failure(server, { 'ca-cert': '', 'tls-fingerprint': pin })
    expect(error.message).toBe(
      `A data connection presented a certificate with SHA-256 fingerprint ${other.fingerprint}, ` +
        `which matches none of tls-fingerprint (${pki.fingerprint}); stopping the run`
    )
    // Not retried, and no later one resumed the session it brought: the first data connections
    // fail (the listing's on the main connection; holder.json's, written beside on the lock's own
    // connection, at the same time: issue 22), and no file is sent.
    expect(server.dataConnections.length).toBeGreaterThan(0)
    expect(server.dataConnections.filter(c => c.resumed)).toEqual([])
    const sent = server.commands.filter(c => /^(STOR|RETR)/.test(c))
    expect(sent.every(c => c === 'STOR /.ftps-deploy.lock/holder.json')).toBe(true)
    expect([...server.files.keys()].filter(path => !path.startsWith('/.ftps-deploy.lock/'))).toEqual([])
    expect(log).not.toMatch(/retry/i)
  })

  test('tls-verify false connects to an unknown CA, with a warning', async () => {
    const server = await serve()
    const log = recordingLog()
    await deploy(settingsOf(inputs(server, { 'ca-cert': '', 'tls-verify': 'false' })), log)
    expect(log.warnings.join('\n')).toContain('tls-verify: false')
    expect(server.files.has('/index.html')).toBe(true)
  })
})

test('implicit TLS and plain FTP (with its warning) both deploy', async () => {
  const implicit = await serve({ tls: 'implicit' })
  await deploy(settingsOf(inputs(implicit, { tls: 'implicit' })), recordingLog())
  expect(implicit.commands.some(c => c.startsWith('AUTH'))).toBe(false)
  expect(implicit.files.has('/index.html')).toBe(true)

  const plain = await serve({ tls: 'none' })
  const log = recordingLog()
  await deploy(settingsOf(inputs(plain, { tls: 'none' })), log)
  expect(log.warnings.join('\n')).toContain('travel in clear text')
  expect(plain.commands.some(c => c.startsWith('PROT'))).toBe(false)
  expect(plain.files.has('/index.html')).toBe(true)
})
