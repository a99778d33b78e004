/**
 * Names a server could take for glob patterns: Next.js and SvelteKit builds have directories
 * such as `[slug]`. The engine lists with `STAT <dir>` on the control connection and with
 * LIST/MLSD; on every server kind both must show that directory's own entries, never what the
 * pattern would match (`[ab]` matching `a` and `b`).
 */
import { EntryType, RemoteEntry } from '../src/core/remote-session.js'
import { openSession } from '../src/ftp/index.js'
import { SessionPool } from '../src/session/pool.js'
import { poolLister, statOrListLister } from '../src/remote/remote-listing.js'
import {
  EXPLICIT_SERVERS,
  type FtpServer,
  LIMITED_SERVERS,
  serverMissing,
  type ServerKind,
  startServer
} from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'

// Not plain pyftpdlib: 1.5.7 resets most LIST/MLSD data connections (its issue 604), and inside
// jest's realm basic-ftp then never settles (see servers.test.ts storeRaw); host-servers.test.ts
// covers that bug.
const KINDS: ServerKind[] = [...EXPLICIT_SERVERS, 'windows-like', ...LIMITED_SERVERS]
const runs = (kind: ServerKind): boolean => serverMissing(kind) === undefined || process.env.CI === 'true'

const SEEDED: Record<string, string> = {
  'glob/[slug]/index.html': '12345',
  'glob/[slug]/[id].js': 'abc',
  'glob/[ab]/inner.txt': 'i',
  'glob/a': 'A-file', // what `[ab]` would match as a pattern
  'glob/b/deep.txt': 'B',
  'glob/g': 'g', // what `[slug]` would match
  'glob/x[1].txt': 'x1',
  'glob/x1.txt': 'other' // what `x[1].txt` would match
}

/** Names, types and file sizes (directory sizes differ between servers and are not checked). */
const shape = (infos: RemoteEntry[] | undefined): string[] =>
  (infos ?? []).map(i => (i.type === EntryType.Directory ? `dir ${i.name}` : `file ${i.name} ${i.size}`)).sort()

const EXPECTED: Record<string, string[]> = {
  '/glob/[slug]': ['file [id].js 3', 'file index.html 5'],
  '/glob/[ab]': ['file inner.txt 1'],
  '/glob': ['dir [ab]', 'dir [slug]', 'dir b', 'file a 6', 'file g 1', 'file x1.txt 5', 'file x[1].txt 2']
}

for (const kind of KINDS) {
  ;(runs(kind) ? describe : describe.skip)(kind, () => {
    let server: FtpServer
    beforeAll(async () => {
      server = await startServer(kind)
      for (const [path, content] of Object.entries(SEEDED)) server.putFile(path, content)
    })
    afterAll(async () => {
      await server?.stop()
    })

    test.each(Object.keys(EXPECTED))('%s is listed as itself by the checks (STAT) and by LIST/MLSD', async dir => {
      const log = recordingLog()
      const settings = settingsOf(serverInputs(server))
      const pool = new SessionPool(() => openSession(settings, log), { size: 1, retries: 3 }, log)
      try {
        expect([dir, 'check', shape(await statOrListLister(pool)(dir))]).toEqual([dir, 'check', EXPECTED[dir]])
        expect([dir, 'list', shape(await poolLister(pool)(dir))]).toEqual([dir, 'list', EXPECTED[dir]])
        const size = await pool.run('SIZE', session => session.size('/glob/x[1].txt'))
        expect(size).toBe(2)
      } finally {
        pool.closeAll()
      }
    })
  })
}
