/**
 * What src/ftp/basic-ftp.ts relies on inside basic-ftp, checked against the installed version:
 * an upgrade that renames, removes or changes any of it fails here first (README: upgrading).
 */
import { Client, FileInfo, FileType, FTPContext } from 'basic-ftp'
import { readFileSync } from 'node:fs'
import { TLSSocket } from 'node:tls'
import {
  BASIC_FTP_VERSION,
  bindSockets,
  controlSocket,
  dropTaskStacks,
  listCommands,
  useListCommand,
  failSession,
  parseEpsvResponse,
  parsePasvResponse,
  sendWithHandler,
  sessionToResume
} from '../src/ftp/basic-ftp.js'
import { EntryType, RemoteEntry } from '../src/core/remote-session.js'
import { makeTestPki, type TestPki } from './harness/certs.js'
import { startScriptedServer, type ScriptedServer } from './harness/scripted-server.js'

const json = (path: string): { version?: string; devDependencies?: Record<string, string> } =>
  JSON.parse(readFileSync(path, 'utf8'))

test('basic-ftp is pinned to the version the internals were checked against, and that one is installed', () => {
  // A devDependency: ncc bundles it into dist/, so the package itself depends on nothing.
  expect(json('package.json').devDependencies?.['basic-ftp']).toBe(BASIC_FTP_VERSION)
  expect(json('node_modules/basic-ftp/package.json').version).toBe(BASIC_FTP_VERSION)
})

test("listings cross the transport as basic-ftp's FileInfo: core's EntryType numbers are its FileType's", () => {
  expect(EntryType).toEqual({
    Unknown: FileType.Unknown,
    File: FileType.File,
    Directory: FileType.Directory,
    SymbolicLink: FileType.SymbolicLink
  })
  const info = Object.assign(new FileInfo('a.txt'), { type: FileType.File, size: 3, rawModifiedAt: 'Nov 25 09:40' })
  const entry: RemoteEntry = info
  expect([entry.name, entry.type, entry.size, entry.rawModifiedAt, entry.modifiedAt]).toEqual([
    'a.txt',
    EntryType.File,
    3,
    'Nov 25 09:40',
    undefined
  ])
})

test('the private members and deep imports are there, with the shapes used', () => {
  const ftp = new Client().ftp
  expect(ftp).toBeInstanceOf(FTPContext)
  for (const method of ['handle', 'closeWithError', '_newSocket', 'request'] as const) {
    expect([method, typeof ftp[method]]).toEqual([method, 'function'])
  }
  expect('tlsSessionStore' in ftp).toBe(true)
  expect([typeof ftp.verbose, typeof ftp.log, ftp.encoding]).toEqual(['boolean', 'function', 'utf8'])
  // The listing commands basic-ftp tries before FEAT (MLSD first once FEAT offers MLST).
  const client = new Client()
  expect(listCommands(client)).toEqual(['LIST -a', 'LIST'])
  useListCommand(client, 'LIST')
  expect(listCommands(client)).toEqual(['LIST'])
  expect(typeof ftp.tlsOptions).toBe('object')
  expect(parseEpsvResponse('229 Entering Extended Passive Mode (|||6446|)')).toBe(6446)
  expect(parsePasvResponse('227 Entering Passive Mode (127,0,0,1,25,46)')).toMatchObject({
    host: '127.0.0.1',
    port: 6446
  })
})

describe('over a TLS session with the scripted server', () => {
  let pki: TestPki
  let server: ScriptedServer
  const client = new Client(5000)
  beforeAll(async () => {
    pki = makeTestPki()
    server = await startScriptedServer({ pki })
  })
  afterAll(async () => {
    client.close()
    await server.close()
  })

  test('bound sockets, a session to resume, commands by handler and without stacks, a failed session', async () => {
    bindSockets(client, '127.0.0.1')
    dropTaskStacks(client)
    await client.access({
      host: server.host,
      port: server.port,
      user: 'u',
      password: 'p',
      secure: true,
      secureOptions: { ca: pki.caCert }
    })
    const socket = controlSocket(client)
    expect(socket).toBeInstanceOf(TLSSocket)
    expect(socket.localAddress).toBe('127.0.0.1')
    expect(sessionToResume(client)).toBeInstanceOf(Buffer)
    const codes: number[] = []
    const res = await sendWithHandler(client, 'NOOP', (r, task) => {
      if (r instanceof Error) return task.reject(r)
      codes.push(r.code)
      task.resolve(r)
    })
    expect([res.code, codes]).toEqual([200, [200]])
    failSession(client, new Error('gave up on this session'))
    expect(client.closed).toBe(true)
    await expect(client.send('NOOP')).rejects.toThrow('gave up on this session')
  })
})
