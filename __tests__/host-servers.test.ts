/**
 * The harness's real-host kinds do what hosts do: the limited profiles refuse a third
 * connection with the text each server sends at its limit; pyftpdlib requires TLS and has its
 * 1.5.7 data-connection bug; the Windows-like server behaves like IIS; hidden dotfiles stay out
 * of listings. What the deploy does on them is tested elsewhere; these prove the servers.
 */
import { Client, parseList } from 'basic-ftp'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import tls from 'node:tls'
import {
  type FtpServer,
  HOST_LIMIT,
  LIMIT_REPLY,
  LIMITED_SERVERS,
  serverMissing,
  type ServerKind,
  type StartOptions,
  startServer
} from './harness/servers.js'

const runs = (kind: ServerKind): boolean => serverMissing(kind) === undefined || process.env.CI === 'true'
const describeOn = (kind: ServerKind): typeof describe => (runs(kind) ? describe : describe.skip)

function withServer(kind: ServerKind, options: StartOptions = {}): () => FtpServer {
  let server: FtpServer | undefined
  beforeAll(async () => {
    server = await startServer(kind, options)
  })
  afterAll(async () => {
    await server?.stop()
  })
  return () => server as FtpServer
}

async function login(server: FtpServer): Promise<Client> {
  const client = new Client(10_000)
  await client.access({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    secure: true,
    secureOptions: { ca: server.pki.caCert, servername: 'localhost' }
  })
  return client
}

/** The first reply on a plain TCP connection (the greeting, or a refusal in its place). */
async function firstReply(server: FtpServer): Promise<string> {
  const socket = net.connect({ host: server.host, port: server.port })
  try {
    const [data] = (await once(socket, 'data')) as [Buffer]
    return data.toString('latin1').trimEnd()
  } finally {
    socket.destroy()
  }
}

/** Tries a login until the server has noticed a closed session (vsftpd counts exited children). */
async function loginSoon(server: FtpServer): Promise<Client> {
  for (let i = 0; ; i++) {
    try {
      return await login(server)
    } catch (err) {
      if (i >= 20) throw err
      await new Promise(r => setTimeout(r, 100))
    }
  }
}

for (const kind of LIMITED_SERVERS) {
  const { at, reply } = LIMIT_REPLY[kind]
  describeOn(kind)(`${kind}`, () => {
    const server = withServer(kind)

    test(`a connection beyond ${HOST_LIMIT} is refused at ${at}: ${reply}`, async () => {
      const held = [await login(server()), await login(server())]
      try {
        if (at === 'greeting') expect(await firstReply(server())).toBe(reply)
        else await expect(login(server())).rejects.toMatchObject({ code: 530, message: reply })
        held.pop()?.close()
        ;(await loginSoon(server())).close() // a slot freed is a slot taken: the limit, nothing else
      } finally {
        held.forEach(c => c.close())
      }
    })
  })
}

describeOn('vsftpd-limited')('vsftpd-limited (force_dot_files=NO)', () => {
  const server = withServer('vsftpd-limited')

  // Measured: force_dot_files=NO hides dotfiles from a bare LIST only; LIST -a and STAT show them.
  test('a bare LIST leaves .htaccess out; LIST -a and STAT show it', async () => {
    server().putFile('www/.htaccess', 'Deny from all\n')
    server().putFile('www/index.html', 'hi')
    const client = await login(server())
    const names = async (command: string): Promise<string[]> => {
      client.availableListCommands = [command]
      return (await client.list('/www')).map(f => f.name).sort()
    }
    try {
      expect(await names('LIST')).toEqual(['index.html'])
      expect(await names('LIST -a')).toEqual(['.htaccess', 'index.html'])
      const stat = (await client.send('STAT /www')).message
      expect([stat.includes('index.html'), stat.includes('.htaccess')]).toEqual([true, true])
      expect(await client.size('/www/.htaccess')).toBe(14)
    } finally {
      client.close()
    }
  })
})

describeOn('pyftpdlib')('pyftpdlib 1.5.7', () => {
  const server = withServer('pyftpdlib', { hideDotfiles: true })

  test('refuses USER before AUTH TLS and a data connection before PROT P, with its texts', async () => {
    const plain = new Client(10_000)
    try {
      await expect(
        plain.access({ host: server().host, port: server().port, user: server().user, password: server().password })
      ).rejects.toMatchObject({ code: 550, message: '550 SSL/TLS required on the control channel.' })
    } finally {
      plain.close()
    }
    const client = await login(server())
    try {
      await client.send('PROT C')
      await expect(client.send('EPSV')).rejects.toMatchObject({
        code: 550,
        message: '550 SSL/TLS required on the data channel.'
      })
    } finally {
      client.close()
    }
  })

  test('resets a TLS data connection started before RETR (its issue 604); RETR first, then TLS, works', async () => {
    server().putFile('d/file.txt', 'hello from disk')
    const client = await login(server())
    try {
      // TLS first, as basic-ftp and our uploads do: the server closes it before RETR is read.
      const early = tls.connect({ ...(await passivePort(client)), ca: server().pki.caCert, servername: 'localhost' })
      const [err] = (await once(early, 'error')) as [NodeJS.ErrnoException]
      expect(err.code).toMatch(/^(ECONNRESET|EPIPE)$/)
      early.destroy()
      // The order ftplib and lftp use: connect, RETR, 150 (or 125), then the TLS handshake.
      const endpoint = await passivePort(client)
      const tcp = net.connect(endpoint)
      await once(tcp, 'connect')
      const got: Buffer[] = []
      const retr = client.ftp.handle('RETR /d/file.txt', (res, task) => {
        if (res instanceof Error) return task.reject(res)
        // 125: the data connection is open already (it was accepted before RETR)
        if (res.code !== 150 && res.code !== 125) return task.resolve(res.code)
        const data = tls.connect({ socket: tcp, ca: server().pki.caCert, servername: 'localhost' })
        data.on('data', (chunk: Buffer) => got.push(chunk))
      })
      expect(await retr).toBe(226)
      await new Promise(r => setTimeout(r, 50))
      expect(Buffer.concat(got).toString()).toBe('hello from disk')
    } finally {
      client.close()
    }
  })

  test('with hideDotfiles, STAT leaves dotfiles out (its LIST and MLSD use the same listdir)', async () => {
    server().putFile('h/.htaccess', 'x')
    server().putFile('h/page.html', 'y')
    const client = await login(server())
    try {
      expect((await client.send('STAT /h')).message).not.toContain('.htaccess')
      expect((await client.send('STAT /h')).message).toContain('page.html')
    } finally {
      client.close()
    }
  })
})

async function passivePort(client: Client): Promise<{ host: string; port: number }> {
  const epsv = await client.send('EPSV')
  return { host: '127.0.0.1', port: Number(/\(\|\|\|(\d+)\|\)/.exec(epsv.message)?.[1]) }
}

describeOn('windows-like')('windows-like (IIS as a deploy sees it)', () => {
  const server = withServer('windows-like')

  test('greets as IIS, offers no MLST, refuses MLSD and STAT listings', async () => {
    expect(await firstReply(server())).toBe('220 Microsoft FTP Service')
    const client = await login(server())
    try {
      const feat = await client.send('FEAT')
      expect(feat.message).not.toMatch(/MLS[TD]/)
      await expect(client.send('MLSD /')).rejects.toMatchObject({ code: 500 })
      await expect(client.send('STAT /')).rejects.toMatchObject({ code: 501 })
      expect((await client.send('SYST')).message).toBe('215 Windows_NT')
    } finally {
      client.close()
    }
  })

  test('LIST in DOS format: dirs, sizes, names with spaces', async () => {
    server().putFile('site/assets/app.js', 'x')
    server().putFile('site/index.html', '1234')
    server().putFile('site/with space.txt', '')
    const client = await login(server())
    let raw = ''
    client.parseList = (text: string) => ((raw = text), parseList(text))
    try {
      const listed = await client.list('/site')
      const dos = /^\d\d-\d\d-\d\d {2}\d\d:\d\d[AP]M {7}<DIR> {10}assets\r$/m
      expect(raw).toMatch(dos)
      expect(raw).toMatch(/^\d\d-\d\d-\d\d {2}\d\d:\d\d[AP]M {20}4 index\.html\r$/m) // size right-aligned in 20
      expect(listed.map(f => [f.name, f.isDirectory, f.size]).sort()).toEqual([
        ['assets', true, 0],
        ['index.html', false, 4],
        ['with space.txt', false, 0]
      ])
    } finally {
      client.close()
    }
  })

  test("names are case-insensitive and case-preserving; '\\' separates; RNTO onto a file is refused", async () => {
    const root = server().root
    server().putFile('w/Logo.PNG', 'old logo')
    server().putFile('w/other.txt', 'other')
    const client = await login(server())
    try {
      expect(await client.size('/W/logo.png')).toBe(8)
      expect(await client.size('\\w\\LOGO.png')).toBe(8)
      await client.send('RNFR /w/other.txt')
      await expect(client.send('RNTO /w/LOGO.png')).rejects.toMatchObject({
        code: 550,
        message: '550 Cannot create a file when that file already exists.'
      })
      expect(readFileSync(join(root, 'w/Logo.PNG'), 'utf8')).toBe('old logo')
      // A case-only rename renames the file itself (NTFS).
      await client.send('RNFR /w/Logo.PNG')
      await client.send('RNTO /w/logo.png')
      expect([existsSync(join(root, 'w/logo.png')), existsSync(join(root, 'w/Logo.PNG'))]).toEqual([true, false])
    } finally {
      client.close()
    }
  })
})
