/**
 * Listings and downloads keep ftplib's order: the command, the server's 1xx, then the TLS
 * handshake; uploads start TLS once TCP is up, after the command went. pyftpdlib 1.5.7 (Debian 12's) resets a data connection whose client starts TLS
 * before it has read the command (its issue 604); every other server here answers 1xx first.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openSession, RemoteSession } from '../src/ftp/index.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'
const KINDS: ServerKind[] = [
  'vsftpd',
  'vsftpd-tls12',
  'pure-ftpd',
  'proftpd',
  'pyftpdlib',
  'windows-like',
  'vsftpd-implicit'
]

async function session(server: FtpServer, log: RecordingLog): Promise<RemoteSession> {
  const tls = server.tls === 'implicit' ? { tls: 'implicit' } : {}
  return openSession(settingsOf(serverInputs(server, { timeout: '10', ...tls })), log)
}

/** The protocol log from a data command on: its command, 1xx, TLS, 2xx, in the order they came. */
function transferLines(log: RecordingLog, command: RegExp): string[] {
  const lines = log.lines.map(l => l.replace(/^debug: /, ''))
  // The last such command: a refused LIST -a (windows-like) is followed by LIST.
  const at = lines.length - 1 - [...lines].reverse().findIndex(l => command.test(l))
  const next = lines.findIndex((l, i) => i > at && /^< 2\d\d/.test(l))
  return (
    lines
      .slice(at, next + 1)
      // vsftpd's sized download ends this side once TLS is up (server-record.ts): not about TLS's order.
      .filter(l => /^> |^< \d{3}|^Data connection/.test(l) && !l.startsWith('Data connection: this side ended'))
      .map(l => l.replace(/^(< \d{3}|> \S+|Data connection).*$/s, '$1'))
  )
}

describe.each(KINDS)('%s', kind => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe('LIST or MLSD, RETR and STOR: TLS starts once TCP is up, after the command, and resumes', async () => {
    server.putFile('order/a.txt', 'abc')
    const log = recordingLog()
    const s = await session(server, log)
    try {
      await s.upload(Buffer.from('uploaded'), '/order/b.txt')
      expect((await s.list('/order')).map(i => i.name).sort()).toEqual(expect.arrayContaining(['a.txt', 'b.txt']))
      expect((await s.download('/order/a.txt', 1024))?.toString()).toBe('abc')
    } finally {
      s.close()
    }
    expect(readFileSync(join(server.root, 'order/b.txt'), 'utf8')).toBe('uploaded')
    // Every transfer starts TLS once TCP is up, after its command went (a round trip saved per
    // transfer): the handshake (its start and its end) and the 1xx may come in either order, all
    // after the command and before the 2xx.
    // (The next EPSV goes behind the STOR: pure-ftpd (500) and ProFTPD (450) answer it during the transfer.)
    for (const [command, verb] of [
      [/^> (MLSD|LIST)/, /^> (MLSD|LIST)$/],
      [/^> RETR /, /^> RETR$/],
      [/^> STOR /, /^> STOR$/]
    ] as const) {
      const lines = transferLines(log, command).filter(l => l !== '> EPSV' && !/^< (450|500)$/.test(l))
      expect(lines[0]).toMatch(verb)
      expect(lines.slice(1, 4).filter(l => l === 'Data connection')).toHaveLength(2)
      expect(lines.slice(1, 4)).toContainEqual(expect.stringMatching(/^< 1(25|50)$/))
      expect(lines[4]?.slice(0, 3)).toBe('< 2')
    }
    // pure-ftpd gives no TLS 1.3 ticket, so nothing of the control connection can be resumed:
    // its data connections go in TLS 1.2, the first in full and the next two resuming that one's
    // session (data-tls.ts). Everywhere else each resumes the control connection's, in its version.
    const secured = log.lines.filter(l => /Data connection to .*: TLSv/.test(l)).map(l => l.replace(/.*: TLSv/, 'TLSv'))
    const control = kind === 'vsftpd-tls12' ? 'TLSv1.2' : 'TLSv1.3'
    expect(secured).toEqual(
      kind === 'pure-ftpd'
        ? ['TLSv1.2, session new', 'TLSv1.2, session resumed', 'TLSv1.2, session resumed']
        : Array(3).fill(`${control}, session resumed`)
    )
  })

  maybe(
    '40 listings, 40 downloads and 40 uploads on one session: none fails',
    async () => {
      server.putFile('many/file.txt', 'x'.repeat(1000))
      const log = recordingLog()
      const failed = { list: 0, retr: 0, stor: 0 }
      let s = await session(server, log)
      // A transfer that hangs counts as failed too (main's order hung some, longer than the timeout).
      const attempt = async (what: keyof typeof failed, op: () => Promise<unknown>): Promise<void> => {
        let timer: NodeJS.Timeout | undefined
        const deadline = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('hung')), 3000)))
        try {
          await Promise.race([op(), deadline])
        } catch {
          failed[what]++
          s.close()
          s = await session(server, log)
        } finally {
          clearTimeout(timer)
        }
      }
      try {
        for (let i = 0; i < 40; i++) {
          await attempt('list', async () => expect((await s.list('/many')).map(f => f.name)).toContain('file.txt'))
          await attempt('retr', async () => expect((await s.download('/many/file.txt', 1024))?.length).toBe(1000))
          await attempt('stor', () => s.upload(Buffer.from(`upload ${i}`), `/many/up-${i}.txt`))
        }
      } finally {
        s.close()
      }
      expect(failed).toEqual({ list: 0, retr: 0, stor: 0 })
    },
    60_000
  )
})
