/**
 * The test servers themselves: each one takes a TLS upload whose bytes land on disk, and each
 * explicit one refuses what a client that dropped TLS would do (plain login, PROT C data,
 * a data connection that does not resume the TLS session). If these pass, a deploy test
 * against these servers cannot pass while sending anything in clear text.
 */
import { Client } from 'basic-ftp'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { TLSSocket } from 'node:tls'
import { makeTestPki, type TestPki } from './harness/certs.js'
import { EXPLICIT_SERVERS, type FtpServer, type ServerKind, serverMissing, startServer } from './harness/servers.js'

/** How each explicit server refuses what it must refuse (codes as seen here, see FACTS). */
interface Expected {
  plainLoginCode: number
  protCUploadCode: number
  /** Server requires TLS session reuse on data connections: the code when a client does not. */
  noReuseCode?: number
  tlsVersion: string
  /** Server-side evidence that the upload's data connection was protected. */
  protectedLog?: RegExp
}

const EXPECTED: Record<string, Expected> = {
  vsftpd: {
    plainLoginCode: 530,
    protCUploadCode: 522,
    noReuseCode: 522,
    tlsVersion: 'TLSv1.3',
    protectedLog:
      /SSL version: TLSv1\.3, SSL cipher: [^,]+, reused[\s\S]*OK UPLOAD: Client "127\.0\.0\.1", "\/hello\.bin"/
  },
  'vsftpd-tls12': {
    plainLoginCode: 530,
    protCUploadCode: 522,
    noReuseCode: 522,
    tlsVersion: 'TLSv1.2',
    protectedLog:
      /SSL version: TLSv1\.2, SSL cipher: [^,]+, reused[\s\S]*OK UPLOAD: Client "127\.0\.0\.1", "\/hello\.bin"/
  },
  // pure-ftpd logs only transfers (no syslog here); the PROT C test proves it refuses clear data.
  'pure-ftpd': { plainLoginCode: 421, protCUploadCode: 521, tlsVersion: 'TLSv1.3' },
  proftpd: {
    plainLoginCode: 550,
    protCUploadCode: 425,
    noReuseCode: 425,
    tlsVersion: 'TLSv1.3',
    protectedLog: /client reused TLS session for data connection\s*\n.*TLSv1\.3 data connection accepted/
  }
}

const inCi = process.env.CI === 'true'
const ALL_KINDS: ServerKind[] = [...EXPLICIT_SERVERS, 'vsftpd-implicit', 'vsftpd-plain']
const missing = new Map(ALL_KINDS.map(k => [k, serverMissing(k)] as const).filter(([, m]) => m !== undefined))
if (missing.size > 0 && !inCi) {
  const names = [...new Set([...missing.keys()].map(k => k.replace(/^vsftpd-.*/, 'vsftpd')))]
  process.stdout.write(`servers.test: skipping tests of ${names.join(', ')} (${[...missing.values()][0]})\n`)
}

/** Skip a missing server locally; in CI run it anyway, so startServer's error fails the tests. */
const describeServer = (kind: ServerKind): typeof describe => (missing.has(kind) && !inCi ? describe.skip : describe)

let pki: TestPki
beforeAll(() => {
  pki = makeTestPki() // one CA and certificate for every server in this file
})
afterAll(() => {
  if (pki !== undefined) rmSync(pki.dir, { recursive: true, force: true })
})

for (const kind of EXPLICIT_SERVERS) {
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
        await client.uploadFrom(Readable.from(data), 'hello.bin')
        // basic-ftp ignores a failed PROT P (FACTS): check the server said yes
        expect(replies).toContainEqual(expect.stringMatching(/^> PROT P\n< 200 /))
        expect((client.ftp.socket as TLSSocket).getProtocol()).toBe(expected.tlsVersion)
      } finally {
        client.close()
      }
      expect(readFileSync(join(server.root, 'hello.bin')).equals(data)).toBe(true)
      if (expected.protectedLog) await expectLog(server, expected.protectedLog)
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
        await expect(login).rejects.toMatchObject({ code: expected.plainLoginCode })
      } finally {
        client.close()
      }
    })

    test(`refuses an upload under PROT C (${expected.protCUploadCode}) and stores none of its bytes`, async () => {
      const { client } = await login(server)
      try {
        await client.send('PROT C')
        const upload = client.uploadFrom(Readable.from(randomBytes(64 * 1024)), 'clear.bin')
        await expect(upload).rejects.toMatchObject({ code: expected.protCUploadCode })
      } finally {
        client.close()
      }
      expectEmptyOrAbsent(join(server.root, 'clear.bin'))
    })

    const noReuseCode = expected.noReuseCode
    if (noReuseCode !== undefined) {
      test(`refuses a data connection that does not resume the TLS session (${noReuseCode})`, async () => {
        const { client } = await login(server)
        try {
          withoutSessionReuse(client)
          const upload = client.uploadFrom(Readable.from(randomBytes(1024)), 'fresh-session.bin')
          await expect(upload).rejects.toMatchObject({ code: noReuseCode })
        } finally {
          client.close()
        }
        expectEmptyOrAbsent(join(server.root, 'fresh-session.bin'))
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
      await client.uploadFrom(Readable.from(data), 'hello.bin')
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
      await client.uploadFrom(Readable.from(data), 'hello.bin')
    } finally {
      client.close()
    }
    expect(readFileSync(join(server.root, 'hello.bin')).equals(data)).toBe(true)
  })
})

/** Logs in the way the server kind expects, recording the protocol exchange. */
async function login(server: FtpServer): Promise<{ client: Client; replies: string[] }> {
  const client = new Client(10_000)
  const replies: string[] = []
  client.ftp.verbose = true
  client.ftp.log = (message: string) => {
    // basic-ftp logs "> CMD" and then "< reply" as separate messages: pair them up
    if (message.startsWith('< ') && replies.at(-1)?.startsWith('> ')) replies[replies.length - 1] += `\n${message}`
    else replies.push(message)
  }
  const secure = server.tls === 'explicit' ? true : server.tls === 'implicit' ? 'implicit' : false
  await client.access({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    secure,
    secureOptions: { ca: server.pki.caCert, servername: 'localhost' }
  })
  return { client, replies }
}

/** Makes basic-ftp open data connections with a fresh TLS session instead of resuming one. */
function withoutSessionReuse(client: Client): void {
  Object.defineProperty(client.ftp, 'tlsSessionStore', { get: () => undefined, set: () => undefined })
  const control = client.ftp.socket as TLSSocket
  control.getSession = () => undefined
}

/** Server logs may be flushed a moment after the client saw the reply. */
async function expectLog(server: FtpServer, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 3000
  while (!pattern.test(server.readLog()) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  expect(server.readLog()).toMatch(pattern)
}

function expectEmptyOrAbsent(path: string): void {
  // proftpd leaves a 0-byte file for a refused STOR (FACTS)
  if (existsSync(path)) expect(statSync(path).size).toBe(0)
}
