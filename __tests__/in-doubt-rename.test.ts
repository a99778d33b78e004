/**
 * A rename in doubt (issue 21's guarantee: never take old bytes as live): the write that carried
 * a file's rename is lost, and on a new connection its RNFR is refused. The file counts as live
 * only when the target is shown to hold the bytes sent (its size, then the server's SHA-256 where
 * it offers one, else a listing showing the temporary gone, else its bytes read back); a same-size target with the old bytes is written anew.
 *  - real servers behind the fault proxy: the server renamed, its replies were lost (the proxy
 *    drops them, then the connection): proven by STAT's listing of the directory, the temporary
 *    gone and the target at the size sent (vsftpd), or HASH (ProFTPD mod_digest), not sent again;
 *  - the scripted server, for refusals no real server gives after a lost write: RNFR and the
 *    temporary's SIZE refused (550 Permission denied) with the temporary still there, the target
 *    the old bytes of the same size: written anew.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { makeTestPki } from './harness/certs.js'
import { PROFTPD_DIGEST } from './harness/proftpd.js'
import { startProxy } from './harness/proxy.js'
import { ScriptedServer, startScriptedServer } from './harness/scripted-server.js'
import { ServerKind } from './harness/servers.js'
import { makeTree, RecordingLog, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { hookedLog, sends } from './support/hooked-log.js'
import { serverForBlock } from './support/real-server.js'
import { temporaries } from './support/going-live.js'

const sentLines = (log: RecordingLog, pattern: RegExp): string[] =>
  log.lines.filter(l => pattern.test(l.replace(/^debug: (#\S+ )?> /, '> ')))

describe.each([
  // vsftpd: STAT's listing of the directory shows the temporary gone (its SIZE's 550 is no proof).
  ['vsftpd', [], /^> STAT \/doubt$/],
  ['proftpd', PROFTPD_DIGEST, /^> (OPTS HASH SHA-256|HASH \/doubt\/big\.bin|XSHA256 \/doubt\/big\.bin)/]
] as [ServerKind, string[], RegExp][])(
  'a rename whose replies were lost after the server did it (%s)',
  (kind, extraConfig, proof) => {
    const { server: serverOf, maybe } = serverForBlock(kind, { extraConfig })

    maybe(
      'is proven live by the target bytes, not sent again',
      async () => {
        const server = serverOf()
        const v1 = { 'big.bin': randomBytes(20_000), 'a.txt': Buffer.from('a\n') }
        const v2 = { ...v1, 'big.bin': randomBytes(20_000) }
        const remote = join(server.root, 'doubt')
        // No lock: its own connection (holder.json, a passive port asked ahead) could send the
        // chunk the proxy mutes instead of the burst's (it mutes the next connection sending).
        const inputs = serverInputs(server, { 'remote-dir': 'doubt', concurrency: '1', timeout: '10', lock: 'false' })
        await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(v1) }), recordingLog())
        const proxy = await startProxy(server.port)
        try {
          // The burst's write: the server gets it, its replies are dropped, then the connection
          // once the rename is on disk (the client cannot tell whether it happened).
          let muted = false
          const log = hookedLog(line => {
            if (muted || !sends(line, /^> RNFR \/doubt\/\.ftps-deploy\.big\.bin\./)) return
            muted = true
            proxy.onNextSend('mute')
            const started = Date.now()
            const timer = setInterval(() => {
              const renamed = readFileSync(join(remote, 'big.bin')).equals(v2['big.bin'])
              if (!renamed && Date.now() - started < 10_000) return
              clearInterval(timer)
              proxy.dropMuted()
            }, 5)
          })
          const result = await deploy(
            settingsOf({ ...inputs, port: String(proxy.port), 'local-dir': makeTree(v2) }),
            log
          )
          expect(muted).toBe(true)
          expect(proxy.events.some(e => e.what === 'dropped')).toBe(true)
          expect(result.uploaded).toEqual(['big.bin'])
          expect(readFileSync(join(remote, 'big.bin'))).toEqual(v2['big.bin'])
          // Its RNFR again on a new connection: refused (no temporary), then the proof, and no second STOR
          // (nor a RETR: the proof is made on the control connection).
          expect(sentLines(log, /^> RNFR \/doubt\/\.ftps-deploy\.big\.bin\./)).toHaveLength(2)
          // The proof right after the refused RNFR (and its RNTO): the target's SIZE, then the listing or the hash.
          const sent = sentLines(log, /^> /).map(l => l.replace(/^debug: (#\S+ )?> /, '> '))
          const refusedAt = sent.map(l => /^> RNFR \/doubt\/\.ftps-deploy\.big\.bin\./.test(l)).lastIndexOf(true)
          expect(sent.slice(refusedAt + 1, refusedAt + 4)).toEqual([
            '> RNTO /doubt/big.bin',
            '> SIZE /doubt/big.bin',
            expect.stringMatching(proof)
          ])
          expect(sentLines(log, /^> STOR \/doubt\/\.ftps-deploy\.big\.bin\./)).toHaveLength(1)
          expect(sentLines(log, /^> RETR \/doubt\/big\.bin/)).toEqual([])
          expect(temporaries(remote)).toEqual([])
        } finally {
          await proxy.close()
        }
      },
      60_000
    )
  }
)

// A try that settles renames in doubt before its connection is lost is not counted against
// retries (errors' progressed): with retries 1, a burst of 4 renames whose write is lost, then a
// connection lost at each file's proof but the first, settles one file a try and completes.
describe('a burst of 4 renames in doubt, its write lost after the server did them (vsftpd, retries 1)', () => {
  const { server: serverOf, maybe } = serverForBlock('vsftpd')

  maybe.each([
    ['all four proven on the next connection with one listing of their directory', false],
    ['each try after proving one loses its connection: every try that settled a file is not counted', true]
  ])(
    '%s; the run completes, nothing sent again',
    async (_, dropping) => {
      const server = serverOf()
      const names = ['f0.bin', 'f1.bin', 'f2.bin', 'f3.bin']
      const v1 = Object.fromEntries(names.map(n => [n, randomBytes(2_000)]))
      const v2 = Object.fromEntries(names.map(n => [n, randomBytes(2_000)]))
      const remote = join(server.root, 'progress')
      const inputs = serverInputs(server, {
        'remote-dir': 'progress',
        concurrency: '1',
        timeout: '10',
        retries: '1',
        cutover: 'end'
      })
      await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(v1) }), recordingLog())
      const proxy = await startProxy(server.port)
      try {
        let phase: 'uploads' | 'burst' | 'proofs' = 'uploads'
        const proven = new Set<string>()
        const log = hookedLog(line => {
          // The burst's write: the server renames all four, its replies are lost, then the connection.
          if (phase === 'uploads' && sends(line, /^> RNFR \/progress\/\.ftps-deploy\.f\d\.bin\./)) {
            phase = 'burst'
            proxy.onNextSend('mute')
            const started = Date.now()
            const timer = setInterval(() => {
              const renamed = names.every(n => readFileSync(join(remote, n)).equals(v2[n]!))
              if (!renamed && Date.now() - started < 10_000) return
              clearInterval(timer)
              phase = 'proofs'
              proxy.dropMuted()
            }, 5)
          }
          // Each try proves one file live, then loses its connection at the next file's proof.
          const proof = /^> SIZE \/progress\/(f\d\.bin)$/.exec(line.replace(/^#\S+ /, ''))
          if (phase !== 'proofs' || proof === null || proven.has(proof[1]!)) return
          if (dropping && proven.size > 0) proxy.onNextSend('drop')
          proven.add(proof[1]!)
        })
        const result = await deploy(settingsOf({ ...inputs, port: String(proxy.port), 'local-dir': makeTree(v2) }), log)
        expect(proven.size).toBe(4)
        expect(proxy.events.filter(e => e.what === 'dropped')).toHaveLength(dropping ? 4 : 1)
        expect([...result.uploaded].sort()).toEqual(names)
        for (const n of names) expect(readFileSync(join(remote, n))).toEqual(v2[n])
        // One failed try the pool counted (the burst's write), and (dropping) three that settled a file each.
        expect(log.lines.filter(l => /retry \d+ of 1/.test(l))).toHaveLength(dropping ? 4 : 1)
        // Each try lists the directory once, for all the files in doubt it proves.
        const sent = sentLines(log, /^> /).map(l => l.replace(/^debug: (#\S+ )?> /, '> '))
        const proofs = sent.slice(sent.findIndex(l => /^> SIZE \/progress\/f\d\.bin$/.test(l)))
        expect(proofs.slice(0, dropping ? 2 : 5)).toEqual(
          dropping
            ? [expect.stringMatching(/^> SIZE \/progress\/f\d\.bin$/), '> STAT /progress']
            : [
                expect.stringMatching(/^> SIZE \/progress\/f\d\.bin$/),
                '> STAT /progress',
                expect.stringMatching(/^> SIZE \/progress\/f\d\.bin$/),
                expect.stringMatching(/^> SIZE \/progress\/f\d\.bin$/),
                expect.stringMatching(/^> SIZE \/progress\/f\d\.bin$/)
              ]
        )
        expect(sentLines(log, /^> STOR \/progress\/\.ftps-deploy\.f\d\.bin\./)).toHaveLength(4)
        expect(temporaries(remote)).toEqual([])
      } finally {
        await proxy.close()
      }
    },
    90_000
  )
})

// Both refusals a host may give for a permission: RNFR and the temporary's SIZE answer 550 while
// the temporary is there. SIZE's 550 is no proof the temporary is gone: STAT's listing of its
// directory is (it shows the temporary there), or, where STAT does not list, the target read back.
describe.each([
  ['STAT lists the directory', true],
  ['STAT does not list (502): the target is read back', false]
])(
  "RNFR and the temporary's SIZE refused after a lost write, the temporary still there (scripted server, %s)",
  (_, statLists) => {
    const pki = makeTestPki()
    let server: ScriptedServer | undefined
    afterEach(() => server?.close())

    test('a target of the same size with the old bytes is not taken as live: the file is written anew', async () => {
      const v1 = { 'big.js': 'x'.repeat(500), 'c.txt': 'c' }
      const v2 = { ...v1, 'big.js': 'y'.repeat(500) }
      let armed = false
      let dropped = false
      let refused = false
      const isTemp = (arg: string): boolean => /^\/\.ftps-deploy\.big\.js\./.test(arg)
      const s: ScriptedServer = await startScriptedServer({
        pki,
        user: 'deploy',
        password: 'pw',
        replies: {
          // The first write carrying big.js's rename is lost before the server renamed anything ...
          RNTO: (arg, session) => {
            if (!armed || dropped || arg !== '/big.js' || !isTemp(session.renameFrom ?? '')) return undefined
            dropped = true
            session.renameFrom = undefined
            return null
          },
          // ... and on the new connection its RNFR is refused, though the temporary is there ...
          RNFR: arg => {
            if (!dropped || refused || !isTemp(arg)) return undefined
            refused = true
            return '550 Permission denied'
          },
          // ... and so is the temporary's SIZE, as a host that denies it for a permission would.
          SIZE: arg => (refused && isTemp(arg) ? '550 Permission denied' : undefined),
          STAT: arg => {
            if (!statLists || arg !== '/') return '502 STAT not implemented'
            const lines = [...s.files].map(
              ([path, data]) => ` -rw-r--r-- 1 ftp ftp ${data.length} Jan 01 00:00 ${path.slice(1)}`
            )
            return [
              '211-Status of /:',
              ' drwxr-xr-x 2 ftp ftp 4096 Jan 01 00:00 .',
              ...lines,
              '211 End of status'
            ].join('\n')
          }
        }
      })
      server = s
      const inputs = {
        host: '127.0.0.1',
        port: String(s.port),
        user: 'deploy',
        password: 'pw',
        'ca-cert': pki.caCert,
        timeout: '3',
        concurrency: '1'
      }
      await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(v1) }), recordingLog())
      armed = true
      const from = s.commands.length
      const result = await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(v2) }), recordingLog())
      expect([dropped, refused]).toEqual([true, true])
      expect(result.uploaded).toEqual(['big.js'])
      expect(s.files.get('/big.js')?.toString()).toBe(v2['big.js'])
      const commands = s.commands.slice(from)
      // After the refused RNFR: the target's size, then the listing (or the target read back), then the file sent again.
      const tempRnfrs = commands.flatMap((c, i) => (c.startsWith('RNFR /.ftps-deploy.big.js.') ? [i] : []))
      const refusedAt = tempRnfrs[1]!
      const nextStor = commands.findIndex((c, i) => i > refusedAt && c.startsWith('STOR '))
      expect(commands.slice(refusedAt + 1, nextStor)).toContain(statLists ? 'STAT /' : 'RETR /big.js')
      expect(commands.filter(c => /^STOR \/\.ftps-deploy\.big\.js\./.test(c))).toHaveLength(2)
      expect([...s.files.keys()].filter(p => p.includes('.ftps-deploy.big.js'))).toEqual([])
    })
  }
)
