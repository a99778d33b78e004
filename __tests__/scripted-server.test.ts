/**
 * Proves that the scripted FTP responder can produce each negative case the product's tests
 * need, using basic-ftp's Client directly (and documents how basic-ftp itself reacts).
 */
import { Readable } from 'node:stream'
import net from 'node:net'
import { Client, FTPError, type AccessOptions, type FTPContext, type FTPResponse } from 'basic-ftp'
import { connectForPassiveTransfer } from 'basic-ftp/dist/transfer.js'
import { makeTestPki, type TestPki } from './harness/certs.js'
import { startScriptedServer, type ScriptedServer, type ScriptedServerOptions } from './harness/scripted-server.js'

let pki: TestPki
const servers: ScriptedServer[] = []
const clients: Client[] = []

beforeAll(() => {
  pki = makeTestPki()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  await Promise.all(servers.splice(0).map(s => s.close()))
})

async function server(opts: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const s = await startScriptedServer({ pki, ...opts })
  servers.push(s)
  return s
}
function client(timeout = 5000, options?: { allowSeparateTransferHost: boolean }): Client {
  const c = new Client(timeout, options)
  clients.push(c)
  return c
}
function access(s: ScriptedServer, secure: AccessOptions['secure'] = true): AccessOptions {
  return { host: s.host, port: s.port, user: 'deploy', password: 's3cret', secure, secureOptions: { ca: pki.caCert } }
}
const upload = (c: Client, data: string | Buffer, path: string): Promise<FTPResponse> =>
  c.uploadFrom(Readable.from([Buffer.from(data)]), path)
/** Resolves with the FTPError (or other error) a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p
  } catch (err) {
    return err as Error
  }
  throw new Error('expected a rejection')
}
/** A port on 127.0.0.1 that nothing listens on (was free a moment ago). */
async function closedPort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1')
  await new Promise(resolve => srv.once('listening', resolve))
  const { port } = srv.address() as net.AddressInfo
  await new Promise(resolve => srv.close(resolve))
  return port
}

describe('default behaviour', () => {
  test('explicit TLS: basic-ftp logs in, uploads over a protected, resumed data connection, lists, renames, deletes', async () => {
    const s = await server({ user: 'deploy', password: 's3cret' })
    const c = client()
    await c.access(access(s))
    await c.ensureDir('site/assets')
    await upload(c, 'hello', 'a.txt')
    expect(s.files.get('/site/assets/a.txt')?.toString()).toBe('hello')
    expect(await c.size('a.txt')).toBe(5)
    expect((await c.list()).map(f => [f.name, f.size, f.isFile])).toEqual([['a.txt', 5, true]])
    await c.rename('a.txt', 'b.txt')
    await c.cd('/')
    expect(await c.pwd()).toBe('/')
    await c.remove('site/assets/b.txt')
    expect(s.files.size).toBe(0)
    expect(s.dirs.has('/site/assets')).toBe(true)
    expect(s.commands.slice(0, 9)).toEqual([
      'AUTH TLS',
      'OPTS UTF8 ON',
      'USER deploy',
      'PASS s3cret',
      'FEAT',
      'TYPE I',
      'STRU F',
      'OPTS UTF8 ON',
      expect.stringMatching(/^OPTS MLST/)
    ])
    expect(s.commands).toEqual(expect.arrayContaining(['PBSZ 0', 'PROT P', 'EPSV', 'STOR a.txt', 'MLSD']))
    expect(s.sessions[0]).toMatchObject({ tls: true, prot: 'P', loggedIn: true })
    expect(s.dataConnections.length).toBe(2)
    expect(s.dataConnections.every(d => d.tls && d.resumed)).toBe(true)
  })

  test('wrong password is answered 530', async () => {
    const s = await server({ user: 'deploy', password: 'right' })
    const err = await failure(client().access(access(s)))
    expect(err).toBeInstanceOf(FTPError)
    expect((err as FTPError).code).toBe(530)
  })

  test('close() ends live control connections and the client notices', async () => {
    const s = await server()
    const c = client()
    await c.access(access(s))
    await s.close()
    await expect(c.send('NOOP')).rejects.toThrow()
  })
})

describe('1. AUTH TLS refused', () => {
  test('access rejects with the refusal and no USER/PASS is ever sent', async () => {
    const s = await server({ replies: { AUTH: '500 AUTH not understood' } })
    const err = await failure(client().access(access(s)))
    expect(err).toBeInstanceOf(FTPError)
    expect((err as FTPError).code).toBe(500)
    expect(s.commands).toEqual(['AUTH TLS'])
    expect(s.commands.some(l => /^(USER|PASS)/.test(l))).toBe(false)
  })
})

describe('2. PROT P refused', () => {
  test('basic-ftp ignores the refusal in access(); an explicit PROT P rejects with 534', async () => {
    const s = await server({ replies: { PROT: '534 PROT P not supported' } })
    const c = client()
    await c.access(access(s)) // sendIgnoringError("PROT P") swallows the 534
    expect(s.commands).toContain('PROT P')
    expect(s.sessions[0].prot).toBe('C')
    const err = await failure(c.send('PROT P'))
    expect(err).toBeInstanceOf(FTPError)
    expect((err as FTPError).code).toBe(534)
  })

  test('after the ignored refusal basic-ftp still speaks TLS on the data connection, so an upload stalls', async () => {
    const s = await server({ replies: { PROT: '534 PROT P not supported' } })
    const c = client(1000)
    await c.access(access(s))
    await expect(upload(c, 'x', 'a.txt')).rejects.toThrow('Timeout (data socket)')
    expect(s.dataConnections).toEqual([{ session: 1, tls: false, resumed: false }])
    expect(s.files.size).toBe(0)
  })
})

describe('3. 332 Need account', () => {
  test('login rejects with FTPError 332; ACCT then completes the login', async () => {
    const s = await server({ requireAccount: 'acme' })
    const c = client()
    const err = await failure(c.access(access(s)))
    expect(err).toBeInstanceOf(FTPError)
    expect((err as FTPError).code).toBe(332)
    expect(c.closed).toBe(false)
    expect(((await failure(c.send('ACCT wrong'))) as FTPError).code).toBe(530)
    expect((await c.send('ACCT acme')).code).toBe(230)
    await c.useDefaultSettings()
    await upload(c, 'after acct', 'a.txt')
    expect(s.files.get('/a.txt')?.toString()).toBe('after acct')
    expect(s.commands).toEqual(expect.arrayContaining(['PASS s3cret', 'ACCT wrong', 'ACCT acme']))
  })

  test('commands before ACCT are refused with 530', async () => {
    const s = await server({ requireAccount: 'acme' })
    const c = client()
    await failure(c.access(access(s)))
    expect(((await failure(c.send('TYPE I'))) as FTPError).code).toBe(530)
  })
})

describe('4. silent server', () => {
  test('a server that never greets makes basic-ftp time out', async () => {
    const s = await server({ greeting: null })
    const started = Date.now()
    const err = await failure(client(1000).access(access(s)))
    expect(err.message).toBe('Timeout (control socket)')
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(s.commands).toEqual([])
  })

  test('a null reply swallows a command (no answer at all)', async () => {
    const s = await server({ replies: { NOOP: null } })
    const c = client(1000)
    await c.access(access(s))
    await expect(c.send('NOOP')).rejects.toThrow('Timeout (control socket)')
  })
})

describe('5. PASV announcing a foreign address, EPSV refused', () => {
  const opts: ScriptedServerOptions = { pasvAddress: '10.1.2.3', replies: { EPSV: '500 EPSV not understood' } }

  test('default basic-ftp refuses the foreign PASV host without connecting anywhere', async () => {
    const s = await server(opts)
    const c = client()
    await c.access(access(s))
    const err = await failure(upload(c, 'x', 'a.txt'))
    expect(err.message).toMatch(/None of the available transfer strategies work/)
    expect(err.message).toMatch(/PASV returned another host \(10\.1\.2\.3\)/)
    expect(s.commands.slice(-2)).toEqual(['EPSV', 'PASV'])
    expect(s.dataConnections).toEqual([])
    expect(s.files.size).toBe(0)
  })

  test('a client that connects to the control host with the announced port gets the upload through', async () => {
    const s = await server(opts)
    const c = client()
    const replies: string[] = []
    // Use the port from PASV, ignore its address: connect to where the control connection goes.
    c.prepareTransfer = async (ftp: FTPContext): Promise<FTPResponse> => {
      const res = await ftp.request('PASV')
      replies.push(res.message)
      const m = /(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(res.message)
      if (!m) throw new Error(`bad PASV reply ${res.message}`)
      await connectForPassiveTransfer(ftp.socket.remoteAddress ?? '', Number(m[5]) * 256 + Number(m[6]), ftp)
      return res
    }
    await c.access(access(s))
    await upload(c, 'via control host', 'a.txt')
    expect(replies[0]).toMatch(/^227 Entering Passive Mode \(10,1,2,3,\d+,\d+\)$/)
    expect(s.files.get('/a.txt')?.toString()).toBe('via control host')
    expect(s.dataConnections).toEqual([{ session: 1, tls: true, resumed: true, secured: true }])
  })
})

describe('6. transfer failures', () => {
  test.each([
    ['451 Local error in processing', 451],
    ['452 Insufficient storage space', 452],
    ['552 Exceeded storage allocation', 552]
  ])('final reply %s after the data arrived rejects the upload', async (reply, code) => {
    let received = -1
    const s = await server({
      stor: {
        finalReply: (_path, data) => {
          received = data.length
          return reply
        }
      }
    })
    const c = client()
    await c.access(access(s))
    const err = await failure(upload(c, 'x'.repeat(1000), 'a.txt'))
    expect(err).toBeInstanceOf(FTPError)
    expect((err as FTPError).code).toBe(code)
    expect(received).toBe(1000)
    expect(s.files.has('/a.txt')).toBe(false)
    expect(c.closed).toBe(false) // an FTP error reply keeps the client usable
    expect((await c.send('NOOP')).code).toBe(200)
  })

  test('STOR refused before any data (553) rejects', async () => {
    const s = await server({ replies: { STOR: '553 Could not create file' } })
    const c = client()
    await c.access(access(s))
    expect(((await failure(upload(c, 'x', 'a.txt'))) as FTPError).code).toBe(553)
  })

  test('data connection reset mid-transfer rejects the upload', async () => {
    const s = await server({ stor: { abortAfterBytes: 64 * 1024 } })
    const c = client()
    await c.access(access(s))
    // basic-ftp reports the reset of the data connection ("read ECONNRESET (data socket)") and closes.
    await expect(upload(c, Buffer.alloc(16 * 1024 * 1024, 1), 'big.bin')).rejects.toThrow(/ECONNRESET/)
    expect(c.closed).toBe(true)
    expect(s.files.size).toBe(0)
    expect(s.commands).toContain('STOR big.bin')
  })

  test('a PASV pointing at a closed port makes the data connection fail', async () => {
    const port = await closedPort()
    const s = await server({
      replies: {
        EPSV: '500 EPSV not understood',
        PASV: `227 Entering Passive Mode (127,0,0,1,${port >> 8},${port & 255})`
      }
    })
    const c = client()
    await c.access(access(s))
    await expect(upload(c, 'x', 'a.txt')).rejects.toThrow(
      /Can't open data connection in passive mode: connect ECONNREFUSED/
    )
  })
})

describe('7. other TLS modes', () => {
  test('implicit TLS: login and upload work', async () => {
    const s = await server({ tls: 'implicit' })
    const c = client()
    await c.access(access(s, 'implicit'))
    await upload(c, 'implicit', 'a.txt')
    expect(s.files.get('/a.txt')?.toString()).toBe('implicit')
    expect(s.commands).not.toContain('AUTH TLS')
    expect(s.commands).toContain('PROT P')
    expect(s.dataConnections[0]?.tls).toBe(true)
  })

  test('plain FTP: login and upload work, no TLS anywhere', async () => {
    const s = await server({ tls: 'none' })
    const c = client()
    await c.access(access(s, false))
    await upload(c, 'plain', 'a.txt')
    expect(s.files.get('/a.txt')?.toString()).toBe('plain')
    expect(s.commands).not.toContain('AUTH TLS')
    expect(s.commands).not.toContain('PROT P')
    expect(s.dataConnections).toEqual([{ session: 1, tls: false, resumed: false }])
  })

  test('plain mode refuses AUTH TLS', async () => {
    const s = await server({ tls: 'none' })
    expect(((await failure(client().access(access(s)))) as FTPError).code).toBe(503)
  })
})
