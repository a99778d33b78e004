/**
 * The test servers themselves: each one takes a TLS upload whose bytes land on disk, and each
 * explicit one refuses what a client that dropped TLS would do (plain login, PROT C data,
 * a data connection that does not resume the TLS session). If these pass, a deploy test
 * against these servers cannot pass while sending anything in clear text.
 */
import { type AccessOptions, Client } from 'basic-ftp'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import tls, { type TLSSocket } from 'node:tls'
import { makeTestPki, type TestPki } from './harness/certs.js'
import {
  EXPLICIT_SERVERS,
  type FtpServer,
  missingServersLine,
  type ServerKind,
  serverMissing,
  startServer
} from './harness/servers.js'

/** How each explicit server refuses what it must refuse (codes as seen here, see FACTS). */
interface Expected {
  plainLoginCode: number
  /** STOR with the data in clear after a TLS login that never sent PBSZ/PROT. */
  noProtStorCode: number
  /** Reply to PROT C, and to a STOR with clear data after it. */
  protCReply: number
  protCStorCode: number
  /** Server requires TLS session reuse on data connections: the code when a client does not. */
  noReuseCode?: number
  tlsVersion: string
  /** Server-side evidence that the upload's data connection was protected. */
  protectedLog?: RegExp
}

const PYFTPDLIB: Expected = {
  plainLoginCode: 550,
  noProtStorCode: 550,
  protCReply: 200,
  protCStorCode: 550,
  tlsVersion: 'TLSv1.3',
  // The handler that wrote hello.bin had its data TLS up (ssl-data=True). Which line shows it
  // depends on timing: "SSL connection established" when STOR came before the handshake ended,
  // else the transfer's own lines (recv, shutdown, close).
  protectedLog: /<\w*DTPHandler\(.*ssl-data=True, sending-file=<[^>]*hello\.bin/
}

const EXPECTED: Record<string, Expected> = {
  vsftpd: {
    plainLoginCode: 530,
    noProtStorCode: 522,
    protCReply: 200,
    protCStorCode: 522,
    noReuseCode: 522,
    tlsVersion: 'TLSv1.3',
    protectedLog:
      /SSL version: TLSv1\.3, SSL cipher: [^,]+, reused[\s\S]*OK UPLOAD: Client "127\.0\.0\.1", "\/hello\.bin"/
  },
  'vsftpd-tls12': {
    plainLoginCode: 530,
    noProtStorCode: 522,
    protCReply: 200,
    protCStorCode: 522,
    noReuseCode: 522,
    tlsVersion: 'TLSv1.2',
    protectedLog:
      /SSL version: TLSv1\.2, SSL cipher: [^,]+, reused[\s\S]*OK UPLOAD: Client "127\.0\.0\.1", "\/hello\.bin"/
  },
  // pure-ftpd logs only transfers (no syslog here); the PROT C test proves it refuses clear data.
  'pure-ftpd': { plainLoginCode: 421, noProtStorCode: 521, protCReply: 200, protCStorCode: 521, tlsVersion: 'TLSv1.3' },
  proftpd: {
    plainLoginCode: 550,
    noProtStorCode: 522,
    protCReply: 534, // TLSRequired on: refused outright; the STOR after it still expects TLS
    protCStorCode: 425,
    noReuseCode: 425,
    tlsVersion: 'TLSv1.3',
    protectedLog: /client reused TLS session for data connection\s*\n.*TLSv1\.3 data connection accepted/
  },
  // pyftpdlib refuses the data connection itself (EPSV: 550) until PROT P; it needs no reuse.
  pyftpdlib: PYFTPDLIB,
  'windows-like': PYFTPDLIB
}

const inCi = process.env.CI === 'true'
/** Must never reach the disk. */
const SECRET = randomBytes(64 * 1024)
const UTF8_NAME = 'héllo wörld 日本.txt'
// Not plain pyftpdlib: 1.5.7 resets basic-ftp's data connections (its issue 604), which these
// tests upload with; host-servers.test.ts checks what it refuses and that bug itself.
const TLS_REQUIRED: ServerKind[] = [...EXPLICIT_SERVERS, 'windows-like']
const ALL_KINDS: ServerKind[] = [...TLS_REQUIRED, 'vsftpd-implicit', 'vsftpd-plain']
const missing = new Set(ALL_KINDS.filter(k => serverMissing(k) !== undefined))
const skipLine = missingServersLine(ALL_KINDS)
if (skipLine !== undefined && !inCi) process.stdout.write(`servers.test: ${skipLine}\n`)

/** Skip a missing server locally; in CI run it anyway, so startServer's error fails the tests. */
const describeServer = (kind: ServerKind): typeof describe => (missing.has(kind) && !inCi ? describe.skip : describe)

let pki: TestPki
beforeAll(() => {
  // One CA and certificate for every server in this file (none needed if all are skipped).
  if (inCi || missing.size < ALL_KINDS.length) pki = makeTestPki()
})
afterAll(() => {
  if (pki !== undefined) rmSync(pki.dir, { recursive: true, force: true })
})

for (const kind of TLS_REQUIRED) {
  const expected = EXPECTED[kind] as Expected
  describeServer(kind)(`${kind} (explicit TLS required)`, () => {
    let server: FtpServer
    beforeAll(async () => {
      server = await startServer(kind, { pki })
    })
    afterAll(async () => {
      await server?.stop()
    })

    test('uploads over TLS with PROT P and the bytes land on disk', async () => {
      const data = randomBytes(300 * 1024 + 7)
      const { client, replies } = await login(server)
      try {
        await settle(client.uploadFrom(Readable.from(data), 'hello.bin'), 'upload')
        // basic-ftp ignores a failed PROT P (FACTS): check the server said yes
        expect(replies).toContainEqual(expect.stringMatching(/^> PROT P\n< 200 /))
        expect((client.ftp.socket as TLSSocket).getProtocol()).toBe(expected.tlsVersion)
      } finally {
        client.close()
      }
      expect(readFileSync(join(server.root, 'hello.bin')).equals(data)).toBe(true)
      if (expected.protectedLog) await expectLog(server, expected.protectedLog)
    })

    test('supports what a deploy needs: MKD, overwrite, RNFR/RNTO, SIZE, DELE, UTF-8 and dot names', async () => {
      server.putFile('old/stale.txt', 'left by an earlier deploy') // owned by the server's account
      const { client } = await login(server)
      try {
        await client.remove('old/stale.txt')
        await client.ensureDir('/deep/er') // MKD + CWD per segment
        await client.cd('/')
        await put(client, 'deep/er/.hidden', 'first version')
        await put(client, 'deep/er/.hidden', 'second') // overwrites (pure-ftpd without -r)
        await put(client, 'deep/er/tmp.part', 'renamed')
        await client.rename('deep/er/tmp.part', `deep/er/${UTF8_NAME}`) // pure-ftpd without -G
        expect(await client.size(`deep/er/${UTF8_NAME}`)).toBe(7)
        const names = (await settle(client.list('deep/er'), 'list')).map(f => f.name)
        expect(names.sort()).toEqual(['.hidden', UTF8_NAME]) // dotfiles listed
        await put(client, 'gone.txt', 'x')
        await client.remove('gone.txt')
      } finally {
        client.close()
      }
      expect(readFileSync(join(server.root, 'deep/er/.hidden'), 'utf8')).toBe('second')
      expect(readFileSync(join(server.root, 'deep/er', UTF8_NAME), 'utf8')).toBe('renamed')
      expect(existsSync(join(server.root, 'deep/er/tmp.part'))).toBe(false)
      expect(existsSync(join(server.root, 'gone.txt'))).toBe(false)
      expect(existsSync(join(server.root, 'old/stale.txt'))).toBe(false)
    })

    // 8, not 16: in clean CI runs pure-ftpd left 2 of 16 TLS logins unanswered for 30 s (not
    // understood yet; not seen with 8, nor with 16 run on their own).
    test('serves 8 clients in parallel (passive range wide enough)', async () => {
      const logins = await Promise.allSettled(Array.from({ length: 8 }, () => login(server)))
      const clients = logins.flatMap(r => (r.status === 'fulfilled' ? [r.value.client] : []))
      try {
        expect(logins.filter(r => r.status === 'rejected')).toEqual([])
        await Promise.all(clients.map((client, i) => put(client, `parallel-${i}.txt`, `file ${i}`)))
      } finally {
        clients.forEach(c => c.close())
      }
      clients.forEach((_, i) => expect(readFileSync(join(server.root, `parallel-${i}.txt`), 'utf8')).toBe(`file ${i}`))
    }, 90_000)

    test('refuses anonymous logins', async () => {
      // In parallel: pure-ftpd answers a failed login only after a fixed 3-6 s delay.
      const attempts = ['anonymous', 'ftp'].map(async user => {
        const client = new Client(10_000)
        try {
          const login = client.access({ ...tlsLogin(server), user, password: 'guest@example.com' })
          await expect(settle(login, `${user} login`)).rejects.toMatchObject({ code: 530 })
        } finally {
          client.close()
        }
      })
      await Promise.all(attempts)
    })

    test(`refuses a login without TLS (${expected.plainLoginCode})`, async () => {
      const client = new Client(10_000)
      try {
        const login = client.access({
          host: server.host,
          port: server.port,
          user: server.user,
          password: server.password,
          secure: false
        })
        await expect(settle(login, 'plain login')).rejects.toMatchObject({ code: expected.plainLoginCode })
      } finally {
        client.close()
      }
    })

    test(`refuses clear data when PROT P was never sent (${expected.noProtStorCode})`, async () => {
      const client = new Client(10_000)
      try {
        await client.connect(server.host, server.port)
        await client.useTLS({ ca: server.pki.caCert, servername: 'localhost' })
        await client.login(server.user, server.password)
        await client.send('TYPE I')
        expect(await storeRaw(client, server, 'no-prot.bin', SECRET, 'clear')).toBe(expected.noProtStorCode)
      } finally {
        client.close()
      }
      expectNoneOf(server, 'no-prot.bin')
    })

    test(`PROT C gets ${expected.protCReply}, clear data after it ${expected.protCStorCode}, none of it stored`, async () => {
      const { client } = await login(server)
      try {
        expect((await client.sendIgnoringError('PROT C')).code).toBe(expected.protCReply)
        expect(await storeRaw(client, server, 'clear.bin', SECRET, 'clear')).toBe(expected.protCStorCode)
      } finally {
        client.close()
      }
      expectNoneOf(server, 'clear.bin')
    })

    const noReuseCode = expected.noReuseCode
    if (noReuseCode !== undefined) {
      test(`refuses a data connection that does not resume the TLS session (${noReuseCode})`, async () => {
        const { client } = await login(server)
        try {
          expect(await storeRaw(client, server, 'fresh-session.bin', SECRET, 'tls-new-session')).toBe(noReuseCode)
        } finally {
          client.close()
        }
        expectNoneOf(server, 'fresh-session.bin')
      })
    }
  })
}

describeServer('vsftpd-implicit')('vsftpd-implicit', () => {
  let server: FtpServer
  beforeAll(async () => {
    server = await startServer('vsftpd-implicit', { pki })
  })
  afterAll(async () => {
    await server?.stop()
  })

  test('uploads over implicit TLS', async () => {
    const data = randomBytes(100 * 1024)
    const { client, replies } = await login(server)
    try {
      await settle(client.uploadFrom(Readable.from(data), 'hello.bin'), 'upload')
      expect(replies).toContainEqual(expect.stringMatching(/^> PROT P\n< 200 /))
    } finally {
      client.close()
    }
    expect(readFileSync(join(server.root, 'hello.bin')).equals(data)).toBe(true)
  })
})

describeServer('vsftpd-plain')('vsftpd-plain', () => {
  let server: FtpServer
  beforeAll(async () => {
    server = await startServer('vsftpd-plain', { pki })
  })
  afterAll(async () => {
    await server?.stop()
  })

  test('uploads over plain FTP', async () => {
    const data = randomBytes(100 * 1024)
    const { client } = await login(server)
    try {
      await settle(client.uploadFrom(Readable.from(data), 'hello.bin'), 'upload')
    } finally {
      client.close()
    }
    expect(readFileSync(join(server.root, 'hello.bin')).equals(data)).toBe(true)
  })
})

/** Connection options for the server's TLS mode, with its CA. */
function tlsLogin(server: FtpServer): AccessOptions {
  const secure = server.tls === 'explicit' ? true : server.tls === 'implicit' ? 'implicit' : false
  return {
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    secure,
    secureOptions: { ca: server.pki.caCert, servername: 'localhost' }
  }
}

async function put(client: Client, path: string, content: string): Promise<void> {
  await settle(client.uploadFrom(Readable.from(Buffer.from(content)), path), `upload ${path}`)
}

/** Logs in the way the server kind expects, recording the protocol exchange. */
async function login(server: FtpServer): Promise<{ client: Client; replies: string[] }> {
  // Generous: 16 TLS logins at once on a loaded 2-core machine took over 10 s once.
  const client = new Client(30_000)
  const replies: string[] = []
  client.ftp.verbose = true
  client.ftp.log = (message: string) => {
    // basic-ftp logs "> CMD" and then "< reply" as separate messages: pair them up
    if (message.startsWith('< ') && replies.at(-1)?.startsWith('> ')) replies[replies.length - 1] += `\n${message}`
    else replies.push(message)
  }
  await settle(client.access(tlsLogin(server)), 'login', 40_000)
  return { client, replies }
}

/**
 * STOR over a data connection the test opens itself, so it controls exactly what the server
 * sees (basic-ftp would always wrap it in TLS and resume the session), sending the data in
 * clear or over a TLS session of its own. Resolves with the final reply code.
 *
 * Also avoids a jest trap: node-core socket errors are not `instanceof Error` inside jest's
 * module realm, so basic-ftp ignores them and a transfer whose data socket is reset by the
 * server never settles (seen with proftpd).
 */
async function storeRaw(
  client: Client,
  server: FtpServer,
  name: string,
  data: Buffer,
  channel: 'clear' | 'tls-new-session'
): Promise<number> {
  const epsv = await client.sendIgnoringError('EPSV')
  if (epsv.code >= 400) return epsv.code // refused before any data connection (pyftpdlib)
  const port = Number(/\(\|\|\|(\d+)\|\)/.exec(epsv.message)?.[1])
  const tcp = net.connect({ host: server.host, port })
  tcp.on('error', () => undefined) // the server is expected to drop this connection
  await once(tcp, 'connect')
  // No `session` option: a full handshake, which is what a server requiring reuse must refuse.
  const dataSocket =
    channel === 'clear' ? tcp : tls.connect({ socket: tcp, ca: server.pki.caCert, servername: 'localhost' })
  dataSocket.on('error', () => undefined)
  try {
    const stor = client.ftp.handle(`STOR ${name}`, (res, task) => {
      if (!('code' in res) || typeof res.code !== 'number') return task.reject(res as Error) // socket error
      if (res.code === 150 || res.code === 125) dataSocket.end(data)
      else task.resolve(res.code)
    })
    return (await settle(stor, `STOR ${name}`)) as number
  } finally {
    dataSocket.destroy()
  }
}

/** Rejects instead of hanging if basic-ftp never settles (see storeRaw). */
function settle<T>(promise: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Server logs may be flushed a moment after the client saw the reply. */
async function expectLog(server: FtpServer, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 3000
  while (!pattern.test(server.readLog()) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  expect(server.readLog()).toMatch(pattern)
}

/** A refused upload may leave an empty file (proftpd, FACTS) but never any of its bytes. */
function expectNoneOf(server: FtpServer, name: string): void {
  const path = join(server.root, name)
  if (existsSync(path)) expect(statSync(path).size).toBe(0)
}
