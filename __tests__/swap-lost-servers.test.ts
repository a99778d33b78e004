/**
 * cutover: swap when the connection is lost during the switch (issue 23 item 4, issue 21's
 * guarantee: never lose the live site), on real servers behind the fault proxy:
 *  - the switch's write dropped before the server read it: the same run finds it not begun
 *    (remote-dir and the spare copy there, no previous release) and sends it again;
 *  - its replies lost after the server did both renames (servers that take commands together):
 *    found done, not sent again;
 *  - one command at a time (the Windows-like server), the connection dropped between the two
 *    renames: remote-dir is missing, and the same run finishes the switch;
 *  - a run that could not repair it leaves remote-dir missing with both the spare copy and the
 *    previous release beside it: the next deploy puts the previous release back, says so, and
 *    goes on; a rollback in that state is that one rename.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { startProxy, TcpProxy } from './harness/proxy.js'
import { ServerKind } from './harness/servers.js'
import { InputValues, makeTree, recordingLog, RecordingLog, serverInputs, settingsOf } from './support/engine.js'
import { hookedLog, sends } from './support/hooked-log.js'
import { serverForBlock } from './support/real-server.js'
import { onDisk, Tree } from './support/swap.js'

const KINDS: ServerKind[] = ['vsftpd-tls12', 'pure-ftpd', 'proftpd', 'pyftpdlib', 'windows-like']

const release = (): Tree => ({ 'index.html': randomBytes(2000), 'a/app.js': randomBytes(3000) })
const STOR = (log: RecordingLog): string[] =>
  log.lines.filter(l => /^debug: (#\d+ )?> STOR /.test(l) && !l.includes('.ftps-deploy.lock/'))

describe.each(KINDS)('cutover: swap after a lost connection (%s)', kind => {
  const { server, maybe } = serverForBlock(kind)
  /** Deploys `tree` to www/<dir> under cutover: swap (through `via` where given). */
  const deployer = (dir: string, via?: TcpProxy) => {
    const inputs: InputValues = serverInputs(via === undefined ? server() : { ...server(), port: via.port }, {
      'remote-dir': `www/${dir}`,
      cutover: 'swap',
      timeout: '10'
    })
    return async (tree: Tree, extra: InputValues = {}, log = recordingLog()) => {
      const result = await deploy(settingsOf({ ...inputs, 'local-dir': makeTree(tree), ...extra }), log)
      return { result, log }
    }
  }
  const paths = (dir: string) => {
    const live = join(server().root, 'www', dir)
    return { live, next: `${live}.ftps-deploy-next`, prev: `${live}.ftps-deploy-prev` }
  }

  maybe(
    'the switch lost in the same run: not begun is sent again; done (replies lost) or half done is found and finished',
    async () => {
      const proxy = await startProxy(server().port)
      try {
        const run = deployer('lost', proxy)
        const { live, next, prev } = paths('lost')
        const [v1, v2, v3] = [release(), release(), release()]
        await run(v1)
        // The switch's connection, dropped as its write leaves: the server never reads it.
        let armed = true
        const notBegun = hookedLog(m => {
          if (!armed || !sends(m, /^> RNFR \/www\/lost$/)) return
          armed = false
          proxy.onNextSend('drop')
        })
        const second = await run(v2, {}, notBegun)
        expect(armed).toBe(false)
        expect(notBegun.warnings).toContainEqual(
          expect.stringMatching(
            /^The connection was lost during the switch \(.+\), before its renames: sending them again$/
          )
        )
        expect(second.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 2 })
        expect(onDisk(live)).toEqual(v2)
        expect(onDisk(prev)).toEqual(v1)
        expect(existsSync(next)).toBe(false)

        // Where commands go together: the replies lost, the connection dropped once both renames
        // are on disk. One at a time: the connection dropped before the second rename leaves.
        const together = kind !== 'windows-like'
        armed = true
        let liveAtCut: boolean | undefined
        const cut = hookedLog(m => {
          if (!armed) return
          if (!together && sends(m, /^> RNFR \/www\/lost\.ftps-deploy-next$/)) {
            armed = false
            liveAtCut = existsSync(live)
            proxy.onNextSend('drop')
          }
          if (!together || !sends(m, /^> RNFR \/www\/lost$/)) return
          armed = false
          proxy.onNextSend('mute')
          const started = Date.now()
          const timer = setInterval(() => {
            const done = existsSync(live) && existsSync(prev) && !existsSync(next)
            if (!done && Date.now() - started < 10_000) return
            clearInterval(timer)
            proxy.dropMuted()
          }, 5)
        })
        const third = await run(v3, {}, cut)
        expect(armed).toBe(false)
        const found = together
          ? /^info: The connection was lost during the switch \(.+\), after its renames: \/www\/lost is switched$/
          : /^warning: The connection was lost during the switch \(.+\), between its two renames: finished, \/www\/lost\.ftps-deploy-next renamed to \/www\/lost$/
        expect(cut.lines).toContainEqual(expect.stringMatching(found))
        // One at a time, remote-dir was aside when the connection dropped.
        if (!together) expect(liveAtCut).toBe(false)
        expect(third.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 2 })
        expect(onDisk(live)).toEqual(v3)
        expect(onDisk(prev)).toEqual(v2)
        expect(readdirSync(join(server().root, 'www')).filter(n => n.startsWith('lost'))).toEqual([
          'lost',
          'lost.ftps-deploy-prev'
        ])
      } finally {
        await proxy.close()
      }
    },
    120_000
  )

  maybe(
    'remote-dir missing between the spare copy and the previous release: the next deploy puts the previous release back and goes on',
    async () => {
      const run = deployer('cut')
      const { live, next, prev } = paths('cut')
      const [v1, v2, v3] = [release(), release(), release()]
      for (const v of [v1, v2, v3]) await run(v)
      // What a switch cut between its two renames leaves (v3's: v2 aside, v3 not yet in place).
      renameSync(live, next)
      const v4 = { ...v3, 'index.html': randomBytes(2100) }
      const { result, log } = await run(v4)
      expect(log.warnings).toContain(
        '/www/cut is missing, with both /www/cut.ftps-deploy-next and /www/cut.ftps-deploy-prev beside it: ' +
          'an earlier switch was cut between its two renames. Putting /www/cut.ftps-deploy-prev back as /www/cut ' +
          '(/www/cut.ftps-deploy-next stays the spare copy)'
      )
      // The spare copy (v3) brought up to date: only what differs from it went.
      expect(result.uploaded).toEqual(['index.html'])
      expect(onDisk(live)).toEqual(v4)
      expect(onDisk(prev)).toEqual(v2)
      expect(existsSync(next)).toBe(false)
    },
    120_000
  )

  maybe('a rollback in that state puts the previous release back, in one rename, nothing uploaded', async () => {
    const run = deployer('back')
    const { live, next, prev } = paths('back')
    const [v1, v2, v3] = [release(), release(), release()]
    for (const v of [v1, v2, v3]) await run(v)
    renameSync(live, next)
    const dry = await run({}, { rollback: 'true', 'dry-run': 'true' })
    expect(dry.log.lines).toContain(
      'info: Would put the previous release /www/back.ftps-deploy-prev back as /www/back (it is missing)'
    )
    expect(existsSync(live)).toBe(false)
    const { result, log } = await run({}, { rollback: 'true' })
    expect(result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 1 })
    expect(onDisk(live)).toEqual(v2)
    expect(onDisk(next)).toEqual(v3)
    expect(existsSync(prev)).toBe(false)
    expect(STOR(log)).toEqual([])
  })
})
