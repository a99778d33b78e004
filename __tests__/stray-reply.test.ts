/**
 * A data command the server refuses while its data connection is open: pyftpdlib 1.5.7 answers
 * the close of that connection with "226 Transfer complete.", a reply to no command. Taken for
 * the next command's reply, every later reply would be one behind: wrong results, not errors.
 */
import { ReplyError } from '../src/core/errors.js'
import { openSession } from '../src/ftp/index.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'
const KINDS: ServerKind[] = ['pyftpdlib', 'windows-like', 'vsftpd', 'pure-ftpd', 'proftpd']
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Replies of 226 that follow no 1xx since the last command: answers to no command. */
function strays(lines: string[]): string[] {
  let opened = false
  let command = ''
  const out: string[] = []
  for (const line of lines) {
    if (line.startsWith('debug: > ')) [command, opened] = [line, false]
    else if (/^debug: < 1\d\d/.test(line)) opened = true
    else if (line.startsWith('debug: < 226') && !opened) out.push(`${line} after ${command}`)
  }
  return out
}

// pyftpdlib 1.5.9 and later read a data connection during its handshake (their issue 604 fix), so
// they see the close of one the client never started TLS on, and answer it with that 226.
describe.each<[string, ServerKind, string[]]>([
  ...KINDS.map(kind => [kind, kind, []] as [string, ServerKind, string[]]),
  ['pyftpdlib with 1.5.9 data connections', 'pyftpdlib', ['handshake-fix']]
])('%s', (_name, kind, extraConfig) => {
  const maybe = skipped(kind) ? test.skip : test
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind, { extraConfig })
  })
  afterAll(async () => {
    await server?.stop()
  })

  maybe('after refused LIST, STOR and RETR, each later command gets its own reply', async () => {
    server.putFile('stray/a.txt', 'abc')
    const log = recordingLog()
    const s = await openSession(settingsOf(serverInputs(server, { timeout: '5' })), log)
    try {
      // With a pause after each refusal (the stray comes while no command waits), and without.
      for (const pause of [50, 0, 50, 0]) {
        // Refused (550), or an empty listing (vsftpd, pure-ftpd list a missing directory so).
        expect(await s.list('/no-such-dir').catch((err: unknown) => (err instanceof ReplyError ? [] : err))).toEqual([])
        await sleep(pause)
        expect(await s.size('/stray/a.txt')).toBe(3)
        await expect(s.upload(Buffer.from('x'), '/no-such-dir/x.txt')).rejects.toBeInstanceOf(Error)
        await sleep(pause)
        expect(await s.size('/stray/a.txt')).toBe(3)
        await expect(s.remove('/stray/missing.txt')).rejects.toBeInstanceOf(ReplyError)
        expect((await s.list('/stray')).map(f => f.name)).toContain('a.txt')
        expect((await s.download('/stray/a.txt', 1024))?.toString()).toBe('abc')
      }
    } finally {
      s.close()
    }
    // A stray comes while no command waits (dropped), or first for the next command: skipped,
    // never taken for its reply (the checks above would have failed).
    const skippedStrays = log.lines.filter(l => l.startsWith("debug: Skipped '226 Transfer complete.'"))
    if (extraConfig.length === 0) expect([strays(log.lines), skippedStrays]).toEqual([[], []])
    // How many come while a command waits depends on timing: the checks above are the proof.
    else expect(strays(log.lines).length).toBeGreaterThan(0)
  })
})
