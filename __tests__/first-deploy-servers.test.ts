/**
 * A first deploy's time from the plan to the end (issue 22), on real servers, by the protocol
 * log: the final manifest's temporary is uploaded on the lock's own connection and its size
 * read while the burst and the final check go on, and renamed live only after the check's last
 * reply; where the listing output is listed anew (LIST), it is asked for beside them, not
 * after the release; where it is built from the check's STAT listings with MLSD's times (MLST),
 * those are read once the check's listings are in.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

const tree: Record<string, Buffer> = Object.fromEntries(
  Array.from({ length: 24 }, (_, i) => [`d${i % 3}/f${i}.bin`, randomBytes(500 + i)] as const)
)
const localDir = makeTree(tree)
const MANIFEST = '.ftps-deploy-manifest.json'

/** A protocol line: its connection (`''` the first, `#2`, `#lock`...), direction and text. */
interface Line {
  at: number
  conn: string
  sent: boolean
  text: string
}

function protocolLines(lines: string[]): Line[] {
  const out: Line[] = []
  lines.forEach((line, at) => {
    const m = /^debug: (#\w+ )?([<>]) (.*)/s.exec(line)
    if (m) out.push({ at, conn: (m[1] ?? '').trim(), sent: m[2] === '>', text: m[3]! })
  })
  return out
}

/** Where the replies to the write holding `line` end: the last reply on its connection before its next command. */
function lastReplyOf(all: Line[], line: Line): number {
  const after = all.filter(l => l.conn === line.conn && l.at > line.at)
  const next = after.findIndex(l => l.sent)
  const replies = (next === -1 ? after : after.slice(0, next)).filter(l => !l.sent)
  return replies.length === 0 ? -1 : replies[replies.length - 1]!.at
}

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'proftpd', 'windows-like'])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe(
    'the final manifest staged beside the burst and the check, live after them; the listing beside',
    async () => {
      const log = recordingLog()
      const inputs = { 'local-dir': localDir, 'remote-dir': 'first' }
      const result = await deploy(settingsOf(serverInputs(block.server(), inputs)), log)
      const remote = join(block.server().root, 'first')
      expect(result.uploaded.length).toBe(Object.keys(tree).length)
      for (const [path, data] of Object.entries(tree)) {
        expect([path, readFileSync(join(remote, path)).equals(data)]).toEqual([path, true])
      }
      // windows-like renames over no file: learnt by the first such rename, said once.
      const refusal = /^atomic: the server refused to rename over an existing file/
      expect(log.warnings.filter(w => !(kind === 'windows-like' && refusal.test(w)))).toEqual([])
      const manifest = readFileSync(join(remote, MANIFEST))
      expect(Object.keys(JSON.parse(manifest.toString('utf8')).files as object).sort()).toEqual(
        Object.keys(tree).sort()
      )
      // No temporary left, no lock.
      const left = (dir: string): string[] => readdirSync(dir).filter(n => n.endsWith('.tmp'))
      expect([left(remote), ...['d0', 'd1', 'd2'].map(d => left(join(remote, d)))].flat()).toEqual([])
      expect(existsSync(join(remote, '.ftps-deploy.lock'))).toBe(false)
      // The listing output: every file, nothing of ours.
      expect(result.listing.map(e => e.path).sort()).toEqual(['d0', 'd1', 'd2'])

      const all = protocolLines(log.lines)
      const manifestTemp = /^STOR \/first\/\.ftps-deploy\.\.ftps-deploy-manifest\.json\.\S+\.tmp$/
      const stores = all.filter(l => l.sent && manifestTemp.test(l.text))
      // The final manifest's temporary goes up on the lock's connection (the pool's carry the burst).
      const final = stores[stores.length - 1]!
      expect(final.conn).toBe('#lock')
      const temp = final.text.slice('STOR '.length)
      // Its size read (the bytes written), then its rename (on any connection of the pool).
      const size = all.find(l => l.sent && l.at > final.at && (l.text === `SIZE ${temp}` || l.text === `STAT ${temp}`))!
      const sizeReply = all.find(l => !l.sent && l.conn === size.conn && l.at > size.at)!
      const rnfr = all.find(l => l.sent && l.text === `RNFR ${temp}`)!
      expect([size !== undefined, rnfr !== undefined]).toEqual([true, true])
      if (size.text.startsWith('SIZE ')) expect(sizeReply.text).toBe(`213 ${manifest.length}`)
      expect(sizeReply.at).toBeLessThan(rnfr.at)
      expect(all.find(l => l.sent && l.conn === rnfr.conn && l.at > rnfr.at)?.text).toBe(`RNTO /first/${MANIFEST}`)
      // The final check: the listings of the directories it checks by level (d0, d1, d2; the flat
      // listing output never lists them) after the burst, every reply in before the manifest's rename.
      const rename = rnfr.at
      const wentLive = log.lines.findIndex(l => l.startsWith('info: Went live:'))
      const after = all.filter(l => l.sent && l.at > wentLive)
      const checks = after.filter(l => /^(STAT|LIST|MLSD)( -a)? \/first\/d\d$/.test(l.text))
      expect(checks.length).toBeGreaterThanOrEqual(3)
      for (const check of checks) {
        expect([check.text, check.at < rename && lastReplyOf(all, check) < rename]).toEqual([check.text, true])
      }
      // The final manifest's temporary staged beside the burst (the last change of a first
      // deploy): its first command (the passive port it asks for, or its STOR) sent before the
      // burst was over, as the manifest would be once every file is live.
      const before = all.filter(l => l.conn === final.conn && l.sent && l.at < final.at).pop()
      const stageStart = before !== undefined && /^(EPSV|PASV)$/.test(before.text) ? before.at : final.at
      expect(stageStart).toBeLessThan(wentLive)
      // Where the listing output is listed anew (MLSD, or LIST), it is asked for beside the check
      // and the manifest's write, on whichever connection is free first: sent before the lock's
      // release begins, not after it (vsftpd's is built from the check's STAT listings). Before or
      // after the manifest's rename is the pool's order: on windows-like its `LIST -a` refusals
      // leave the connection the listing waits for busy past the rename now and then.
      const release = all.find(l => l.sent && l.at > rename && /^RMD \/first\/\.ftps-deploy\.lock\//.test(l.text))!
      expect(release).toBeDefined()
      const roots = after.filter(l => /^(LIST|MLSD)( -a)? \/first$/.test(l.text))
      if (kind === 'windows-like') expect(roots.length).toBeGreaterThan(0)
      for (const root of roots) expect([root.text, root.at < release.at]).toEqual([root.text, true])
      // Where the server lists with STAT and MLSD (pure-ftpd, ProFTPD): built from the check's
      // listing of remote-dir (read after every change), MLSD's times read with MLST of its
      // entries, once the check's listings are in (not listed anew).
      const facts = after.filter(l => /^MLST \/first\/d\d$/.test(l.text))
      if (kind === 'pure-ftpd' || kind === 'proftpd') {
        expect(roots).toEqual([])
        expect(facts.map(l => l.text).sort()).toEqual(['MLST /first/d0', 'MLST /first/d1', 'MLST /first/d2'])
        const lastStat = Math.max(...checks.map(check => lastReplyOf(all, check)))
        for (const f of facts) expect([f.text, f.at > lastStat]).toEqual([f.text, true])
      }
    },
    120_000
  )
})
