/**
 * A deploy's fixed round trips (issue 22 items 2 and 5), on real servers: the lock's heartbeat
 * is made in the write that carries the STOR of its holder.json, the release removes the
 * heartbeat, holder.json and the directory in one write, a rename's RNFR and RNTO go in one
 * write, and a download starts TLS on its data connection as soon as TCP is up, as uploads do:
 * through the latency proxy, the manifest's handshake starts before the RETR's 150 comes back.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy } from '../src/deploy.js'
import { ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'
import { protocol, writes } from './support/protocol-writes.js'

const tree: Record<string, Buffer> = Object.fromEntries(
  Array.from({ length: 6 }, (_, i) => [`d${i % 2}/f${i}.bin`, randomBytes(1000 + i)] as const)
)
const localDir = makeTree(tree)
const LOCK = '.ftps-deploy.lock'
const MANIFEST = '.ftps-deploy-manifest.json'

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'proftpd'])('%s', kind => {
  const block = serverForBlock(kind)
  const maybe = block.maybe

  maybe(
    'the lock is taken and released in a write each, renames go in one, a download starts TLS before its 1xx',
    async () => {
      const log = recordingLog()
      const inputs = { 'local-dir': localDir, 'remote-dir': 'fixed', concurrency: '1' }
      const result = await deploy(settingsOf(serverInputs(block.server(), inputs)), log)
      expect(result.uploaded.length).toBe(Object.keys(tree).length)
      for (const [path, data] of Object.entries(tree)) {
        expect([path, readFileSync(join(block.server().root, 'fixed', path)).equals(data)]).toEqual([path, true])
      }
      expect(log.warnings).toEqual([])
      const lock = `/fixed/${LOCK}`
      const sent = writes(log.lines)
      // The lock's write carries the state read under it; the heartbeat (this run's token in its
      // name) leads the next, with the manifest's passive port; holder.json is written beside
      // (lock-reads-servers.test.ts has more).
      const lockAt = sent.findIndex(w => w.includes(`MKD ${lock}`))
      expect(sent[lockAt]!.slice(-3)).toEqual([
        `SIZE /fixed/${MANIFEST}`,
        `SIZE /fixed/${MANIFEST}.previous`,
        'STAT /fixed'
      ])
      expect(sent[lockAt + 1]).toEqual([
        expect.stringMatching(/^MKD \/fixed\/\.ftps-deploy\.lock\/beat-\d{12}0$/),
        'EPSV'
      ])
      const stored = log.lines.findIndex(l => l.endsWith(`> STOR ${lock}/holder.json`))
      const reply = log.lines.findIndex((l, i) => i > stored && /^debug: (#lock )?< 226 /.test(l))
      expect([stored > -1, reply > -1]).toEqual([true, true])
      // The release: the heartbeat by name, holder.json, the directory, in one write, with the port
      // of the listing that follows.
      expect(sent).toContainEqual([
        expect.stringMatching(/^RMD \/fixed\/\.ftps-deploy\.lock\/beat-\d{13,}$/),
        `DELE ${lock}/holder.json`,
        `RMD ${lock}`,
        'EPSV'
      ])
      expect(existsSync(join(block.server().root, 'fixed', LOCK))).toBe(false)
      // The manifest goes in place with RNFR and RNTO in one write.
      expect(sent).toContainEqual([expect.stringMatching(/^RNFR \/fixed\/\S*\.tmp$/), `RNTO /fixed/${MANIFEST}`])

      // Again through 200 ms of latency: the manifest is downloaded, its TLS started before the 150.
      const link = await startLatencyProxy({
        controlPort: block.server().port,
        passive: block.server().passivePorts,
        rttMs: 200
      })
      try {
        const again = recordingLog()
        const through = { ...serverInputs(block.server(), inputs), host: '::1', port: String(link.port) }
        const second = await deploy(settingsOf(through), again)
        expect(second.uploaded).toEqual([])
        expect(again.warnings).toEqual([])
        const lines = again.lines
        const retr = lines.indexOf(`debug: > RETR /fixed/${MANIFEST}`)
        expect(retr).toBeGreaterThan(-1)
        const handshake = lines.findIndex((l, i) => i > retr && /^debug: Data connection to .*: TLS handshake$/.test(l))
        const preliminary = lines.findIndex((l, i) => i > retr && /^debug: < 1\d\d/.test(l))
        expect(preliminary).toBeGreaterThan(-1)
        expect([handshake > -1, handshake < preliminary]).toEqual([true, true])
        // And every listing over a data connection (MLSD or LIST; vsftpd lists with STAT) the same.
        lines.forEach((l, at) => {
          if (!/^debug: (#\w+ )?> (MLSD|LIST)/.test(l)) return
          const tls = lines.findIndex(
            (m, i) => i > at && /^debug: (#\w+ )?Data connection to .*: TLS handshake$/.test(m)
          )
          const reply = lines.findIndex((m, i) => i > at && /^debug: (#\w+ )?< 1\d\d/.test(m))
          expect([l, tls > -1 && tls < reply]).toEqual([l, true])
        })
      } finally {
        await link.close()
      }
    },
    120_000
  )

  maybe(
    'adopt: download reads every file; where the block.server() reads a command after the transfer, the next EPSV rides behind each RETR',
    async () => {
      for (const [path, data] of Object.entries(tree)) block.server().putFile(`adopted/${path}`, data)
      const log = recordingLog()
      const inputs = { 'local-dir': localDir, 'remote-dir': 'adopted', concurrency: '1', adopt: 'download' }
      const result = await deploy(settingsOf(serverInputs(block.server(), inputs)), log)
      expect(result.uploaded).toEqual([])
      expect(result.adopted.length).toBe(Object.keys(tree).length)
      expect(log.warnings).toEqual([])
      const retrs = writes(log.lines).filter(w => /^RETR \/adopted\/d/.test(w[0]!))
      expect(retrs).toHaveLength(Object.keys(tree).length)
      // vsftpd: RETR and EPSV in one burst, the 229 after the 226; pure-ftpd and ProFTPD answer a
      // command during a transfer: after the first such answer the port is asked for on its own.
      const behind = kind.startsWith('vsftpd')
      const withEpsv = retrs.filter(w => w[1] === 'EPSV').length
      if (behind) expect(withEpsv).toBe(retrs.length)
      else expect(withEpsv).toBeLessThanOrEqual(1)
      if (behind) {
        // Each RETR's 226, then the EPSV's 229: vsftpd read the EPSV after the transfer.
        const lines = protocol(log.lines)
        lines.forEach((l, at) => {
          if (!/^debug: > RETR \/adopted\/d/.test(l)) return
          const replies = lines
            .slice(at + 1)
            .filter(r => r.startsWith('debug: <'))
            .map(r => r.slice(9, 12))
          expect([l, replies.slice(0, 3)]).toEqual([l, ['150', '226', '229']])
        })
      }
      // The next run finds everything recorded.
      const again = await deploy(settingsOf(serverInputs(block.server(), inputs)), recordingLog())
      expect([again.uploaded, again.adopted]).toEqual([[], []])
    },
    120_000
  )
})
