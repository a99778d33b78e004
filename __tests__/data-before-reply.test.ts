/**
 * A data connection that ends before the server's 1xx: TLS starts on it as soon as TCP is up, so
 * a server may have sent its bytes and closed it (or the network reset it) before the 150 reaches
 * the client, the 150 and the 226 then coming together. The transfer still settles: a download or
 * listing with the bytes that came, or the reset as its failure; an upload over a connection reset
 * before its 1xx fails with the reset. No real server here delays its 150 that way (the scripted
 * server does); each case must settle well within the control timeout.
 */
import { openSession, RemoteSession } from '../src/ftp/index.js'
import { makeTestPki } from './harness/certs.js'
import { ScriptedServer, startScriptedServer } from './harness/scripted-server.js'
import { recordingLog, settingsOf } from './support/engine.js'

const pki = makeTestPki()
let server: ScriptedServer | undefined
let session: RemoteSession | undefined
afterEach(async () => {
  session?.close()
  await server?.close()
})

async function sessionOn(how: 'close' | 'reset'): Promise<RemoteSession> {
  server = await startScriptedServer({ pki, user: 'deploy', password: 'pw', dataBeforeReply: { count: 1, how } })
  server.files.set('/a.txt', Buffer.from('the bytes of a\n'))
  const inputs = { host: '127.0.0.1', port: String(server.port), user: 'deploy', password: 'pw', 'ca-cert': pki.caCert }
  // A timeout of 60 s: a transfer that waits for it is a hang, not a failure the test could take for an outcome.
  session = await openSession(settingsOf({ ...inputs, timeout: '60' }), recordingLog())
  return session
}

/** `work`'s outcome, or 'still pending' after 10 s. */
function within10s<T>(work: Promise<T>): Promise<{ value: T } | { error: string } | 'still pending'> {
  return Promise.race([
    work.then(
      value => ({ value }),
      (err: unknown) => ({ error: (err as Error).message })
    ),
    new Promise<'still pending'>(resolve => setTimeout(() => resolve('still pending'), 10_000).unref())
  ])
}

test('a download whose data connection closed (its bytes sent) before the 150 has its bytes', async () => {
  const s = await sessionOn('close')
  expect(await within10s(s.download('/a.txt', 1000))).toEqual({ value: Buffer.from('the bytes of a\n') })
  expect(server!.dataConnections).toHaveLength(1)
}, 30_000)

test('a listing whose data connection closed before the 150 has its entries', async () => {
  const s = await sessionOn('close')
  const listed = await within10s(s.list('/'))
  expect(listed).toEqual({ value: [expect.objectContaining({ name: 'a.txt', size: 15 })] })
}, 30_000)

test('a download whose data connection was reset before the 150 fails with the reset, at once', async () => {
  const s = await sessionOn('reset')
  expect(await within10s(s.download('/a.txt', 1000))).toEqual({ error: expect.stringMatching(/ECONNRESET/) })
}, 30_000)

test('an upload whose data connection was reset before the 150 fails with the reset, at once', async () => {
  const s = await sessionOn('reset')
  expect(await within10s(s.upload(Buffer.from('new\n'), '/b.txt'))).toEqual({
    error: expect.stringMatching(/ECONNRESET/)
  })
  expect(server!.files.has('/b.txt')).toBe(false)
}, 30_000)
