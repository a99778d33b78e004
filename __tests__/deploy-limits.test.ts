/**
 * Contract: "A server's connection limit is not a failure". The CLI bundle, as users run it,
 * deploys 1,000 files to each shared-host profile (2 connections per address) with the default
 * concurrency and with 16: every byte arrives, one warning names the limit and the count it
 * settled on, and no file's retry is spent on it. A wrong password still fails at once.
 */
import { Client } from 'basic-ftp'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type FtpServer,
  HOST_LIMIT,
  LIMIT_REPLY,
  LIMITED_SERVERS,
  serverMissing,
  type ServerKind,
  startServer
} from './harness/servers.js'
import { runCliDeploy } from './support/cli-process.js'
import { makeTree, serverInputs } from './support/engine.js'

const FILES = 1000
const tree: Record<string, Buffer> = Object.fromEntries(
  Array.from({ length: FILES }, (_, i) => [`d${i % 10}/s${i % 3}/file-${i}.bin`, randomBytes(64 + (i % 50))])
)
const localDir = makeTree(tree)
/** Another client (an FTP program, another deploy) holding one of the host's connections. */
async function otherClient(server: FtpServer): Promise<Client> {
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

const runs = (kind: ServerKind): boolean => serverMissing(kind) === undefined || process.env.CI === 'true'

for (const kind of LIMITED_SERVERS) {
  const { reply } = LIMIT_REPLY[kind]
  ;(runs(kind) ? describe : describe.skip)(`${kind}`, () => {
    let server: FtpServer
    beforeAll(async () => {
      server = await startServer(kind)
    })
    afterAll(async () => {
      await server?.stop()
    })

    test.each([4, 16])(
      `concurrency %i: ${FILES} files arrive, one warning names the limit, no retry spent on it`,
      async concurrency => {
        const remoteDir = `site-${concurrency}`
        const inputs = serverInputs(server, {
          'local-dir': localDir,
          'remote-dir': remoteDir,
          // 4 is the default: leave it out, as users do
          ...(concurrency === 4 ? {} : { concurrency: String(concurrency) })
        })
        const run = await runCliDeploy(inputs, { password: server.password, limitMs: 150_000 })
        expect([run.code, run.error]).toEqual([0, ''])
        expect(run.outputs?.['files-uploaded']).toBe(String(FILES))
        for (const [path, content] of Object.entries(tree)) {
          expect([path, readFileSync(join(server.root, remoteDir, path)).equals(content)]).toEqual([path, true])
        }
        expect(run.lines.filter(line => line.startsWith('warning: '))).toEqual([
          `warning: The server limits connections ("${reply}"): going on with ${HOST_LIMIT} connection(s) instead of ` +
            `${concurrency} (concurrency); no file's retries are spent on it`
        ])
        expect(run.lines.filter(line => / retry \d+ of /.test(line) && line.includes(reply.slice(4)))).toEqual([])
      },
      160_000
    )

    // One refusing at the greeting (421), one after PASS (530); pure-ftpd's is vsftpd's case again.
    if (kind !== 'pure-ftpd-limited')
      test('a server full of other clients: the deploy waits for a slot, then fails naming the limit', async () => {
        const others = [await otherClient(server), await otherClient(server)]
        try {
          const inputs = serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'full' })
          // Freed after 2 s: the first connection gets in on a later try and the deploy completes.
          const freed = new Promise(r => setTimeout(r, 2000)).then(() => others.pop()?.close())
          const waited = await runCliDeploy(inputs, { password: server.password, limitMs: 150_000 })
          await freed
          expect([waited.code, waited.error]).toEqual([0, ''])
          expect(waited.lines).toContainEqual(
            expect.stringContaining(`${reply}: no connection of ours is open; trying again in`)
          )
          // Held for good: a bounded wait, then a clear failure (no file was sent).
          others.push(await otherClient(server))
          const full = await runCliDeploy({ ...inputs, 'remote-dir': 'full2' }, { password: server.password })
          expect(full.code).toBe(1)
          expect(full.error).toContain(
            `${reply} (the server's connection limit: no connection was let in after 6 tries; other clients hold every connection it allows)`
          )
          expect(full.ms).toBeLessThan(40_000)
        } finally {
          others.forEach(c => c.close())
        }
      }, 120_000)

    test('a wrong password still fails with 530, within seconds', async () => {
      const inputs = serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'wrong', password: 'not-it' })
      const run = await runCliDeploy(inputs, { password: 'not-it' })
      expect(run.code).toBe(1)
      expect(run.error).toMatch(/^Login as deployer failed: the server answered PASS with 530 /)
      expect(run.error).not.toContain('maximum number')
      // pure-ftpd delays a failed login by 3-6 s on purpose
      expect(run.ms).toBeLessThan(10_000)
    })
  })
}
