/**
 * What a data connection offers after its control connection (data-tls.ts), as real TLS servers
 * see it: after TLS 1.2, TLS 1.2 only (a server that takes TLS 1.3 alone refuses it); after a
 * TLS 1.3 control connection that gave a ticket, TLS 1.3, resuming it. pure-ftpd's case (TLS
 * 1.3, no ticket) is in data-order.test.ts, against pure-ftpd itself.
 */
import { Client } from 'basic-ftp'
import { rmSync } from 'node:fs'
import { AddressInfo } from 'node:net'
import { connect, createServer, Server, TLSSocket } from 'node:tls'
import { setDataTlsOptions, useControlSocket } from '../src/ftp/basic-ftp.js'
import { dataTls } from '../src/ftp/data-tls.js'
import { tlsOptionsFor } from '../src/ftp/tls-options.js'
import { makeTestPki } from './harness/certs.js'

const pki = makeTestPki()
const servers: Server[] = []
afterAll(() => {
  for (const server of servers) server.close()
  rmSync(pki.dir, { recursive: true, force: true })
})

/** A TLS server on 127.0.0.1 speaking only the versions given; it answers every line with "ok". */
async function tlsServer(minVersion: 'TLSv1.2' | 'TLSv1.3', maxVersion: 'TLSv1.2' | 'TLSv1.3'): Promise<number> {
  const server = createServer({ key: pki.key, cert: pki.cert, minVersion, maxVersion }, socket => {
    socket.on('data', () => socket.write('ok\r\n'))
    socket.on('error', () => undefined)
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const settings = {
  host: '127.0.0.1',
  tlsVerify: true,
  caCert: pki.caCert,
  tlsFingerprints: [],
  tlsServername: 'localhost',
  tlsMaxVersion: undefined,
  sourceAddress: undefined
}

/** A basic-ftp Client whose control connection is a TLS connection to `port`, read once (a ticket comes then). */
async function controlTo(port: number): Promise<Client> {
  const client = new Client()
  const control = connect({ ...tlsOptionsFor(settings), port })
  await new Promise((resolve, reject) => control.once('secureConnect', resolve).once('error', reject))
  useControlSocket(client, control)
  setDataTlsOptions(client, tlsOptionsFor(settings))
  control.write('hello\r\n')
  await new Promise(resolve => control.once('data', resolve))
  return client
}

/** A data connection to `port` as data-tls.ts sets it up: its version and whether it resumed, or the error. */
async function dataTo(client: Client, port: number): Promise<string> {
  const socket: TLSSocket = connect({ ...dataTls(client).options, host: '127.0.0.1', port })
  try {
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject))
    return `${socket.getProtocol()}, ${socket.isSessionReused() ? 'resumed' : 'new'}`
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err)
  } finally {
    socket.destroy()
    client.close()
  }
}

test('after a TLS 1.2 control connection, data connections offer TLS 1.2 only', async () => {
  const tls13only = await tlsServer('TLSv1.3', 'TLSv1.3')
  const client = await controlTo(await tlsServer('TLSv1.2', 'TLSv1.2'))
  expect(await dataTo(client, tls13only)).toBe('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION')
})

test('after a TLS 1.3 control connection with a ticket, data connections offer TLS 1.3 and resume it', async () => {
  const port = await tlsServer('TLSv1.2', 'TLSv1.3')
  const client = await controlTo(port)
  expect(await dataTo(client, port)).toBe('TLSv1.3, resumed')
})
