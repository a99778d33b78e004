/**
 * Commands sent together against every server kind in the harness: the deploy arrives byte for
 * byte, the protocol log shows the rename of the file checked before, the size check of the
 * temporary just uploaded and the next EPSV leaving in one write (before any reply), every
 * temporary's size read before its rename is sent, no server's replies were taken for a
 * mismatch, and the Windows-like server (greeting `Microsoft FTP Service`) gets one command at a
 * time.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import {
  EXPLICIT_SERVERS,
  FtpServer,
  LIMITED_SERVERS,
  PYFTPDLIB_SERVERS,
  serverMissing,
  ServerKind,
  startServer
} from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { renamedUnchecked } from './support/renamed-unchecked.js'

const tree: Record<string, Buffer> = Object.fromEntries([
  ...Array.from({ length: 12 }, (_, i) => [`d${i % 3}/f${i}.bin`, randomBytes(1000 + i)] as const),
  ['d0/sub/deep.txt', Buffer.from('deep\n')],
  ['empty.txt', Buffer.alloc(0)]
])
const localDir = makeTree(tree)

const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

/** Runs of the first connection's commands sent before any reply came back. */
function batches(lines: string[]): string[][] {
  const out: string[][] = []
  let run: string[] = []
  for (const line of lines) {
    const sent = /^debug: > (.*)$/.exec(line)
    if (sent !== null) run.push(sent[1]!.split(' ')[0]!)
    else if (line.startsWith('debug: <')) {
      if (run.length > 1) out.push(run)
      run = []
    }
  }
  return out
}

describe.each<ServerKind>([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS, ...LIMITED_SERVERS])('%s', kind => {
  let server: FtpServer
  beforeAll(async () => {
    if (!skipped(kind)) server = await startServer(kind)
  }, 60_000)
  afterAll(() => server?.stop())
  const maybe = skipped(kind) ? test.skip : test

  maybe(
    'a pipelined deploy arrives byte for byte; commands went together where the server takes them',
    async () => {
      const log = recordingLog()
      // Each file goes live when checked: its rename rides on the next upload's write.
      const result = await deploy(
        settingsOf(
          serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'piped', concurrency: '1', cutover: 'file' })
        ),
        log
      )
      expect(result.uploaded.length).toBe(Object.keys(tree).length)
      for (const [path, data] of Object.entries(tree)) {
        expect([path, readFileSync(join(server.root, 'piped', path)).equals(data)]).toEqual([path, true])
      }
      expect(log.warnings.filter(w => /did not match/.test(w))).toEqual([])
      // Nothing goes live before its checks: each temporary's size read before its rename.
      expect(renamedUnchecked(log.lines)).toEqual([])
      const together = batches(log.lines)
      if (kind === 'windows-like') {
        expect(together).toEqual([])
      } else {
        // Each upload after the first: the rename of the file checked before it, its own
        // temporary's SIZE and the next EPSV in one write; where the server reads the EPSV only
        // after a transfer (vsftpd), that EPSV went behind the STOR instead (behind-transfer-servers).
        const behind = kind.startsWith('vsftpd')
        expect(
          together.filter(b => b.join(' ') === (behind ? 'RNFR RNTO SIZE' : 'RNFR RNTO SIZE EPSV')).length
        ).toBeGreaterThanOrEqual(Object.keys(tree).length - 1)
        // Login and the session's set-up in one write (issue 22 item 2), the first session's
        // with the manifest's first reads behind it (STATs, its SIZE and its backup's, a port).
        // (pyftpdlib, which answers a wrong password late, logs in first.)
        if (kind === 'pyftpdlib') expect(together).toContainEqual(['FEAT', 'TYPE', 'PBSZ', 'PROT', 'PWD'])
        else {
          const login = ['USER', 'PASS', 'FEAT', 'TYPE', 'PBSZ', 'PROT', 'PWD', 'OPTS']
          const first = together.find(b => b.slice(0, login.length).join(' ') === login.join(' '))
          expect(first?.slice(login.length).filter(c => c !== 'STAT')).toEqual(['SIZE', 'SIZE', 'EPSV'])
        }
        // The lock: remote-dir's MKD and the lock's in one write, the state read under it behind
        // them (the manifest's SIZEs, remote-dir's STAT); then the heartbeat's MKD with the next
        // port (holder.json is written beside, lock-reads-servers); its release: its heartbeat (by
        // name, so only its own lock), holder.json and the directory in one write.
        expect(together).toContainEqual(['MKD', 'MKD', 'SIZE', 'SIZE', 'STAT'])
        expect(together.filter(b => b.join(' ') === 'MKD EPSV')).toHaveLength(1)
        expect(together.filter(b => b.join(' ').startsWith('RMD DELE RMD'))).toHaveLength(1)
        // The plan's four directories (d0, d1, d2, d0/sub) in one write.
        expect(together).toContainEqual(['MKD', 'MKD', 'MKD', 'MKD'])
      }
      // The second run finds everything in place: nothing is uploaded.
      const again = await deploy(
        settingsOf(serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'piped', concurrency: '1' })),
        recordingLog()
      )
      expect(again.uploaded).toEqual([])

      // cutover end: each upload's checks with the next EPSV in one write, then the renames together.
      const endLog = recordingLog()
      await deploy(
        settingsOf(serverInputs(server, { 'local-dir': localDir, 'remote-dir': 'piped-end', concurrency: '1' })),
        endLog
      )
      for (const [path, data] of Object.entries(tree)) {
        expect([path, readFileSync(join(server.root, 'piped-end', path)).equals(data)]).toEqual([path, true])
      }
      expect(renamedUnchecked(endLog.lines)).toEqual([])
      if (kind !== 'windows-like') {
        const writes = batches(endLog.lines)
        // (Where the EPSV goes behind the STOR (vsftpd), the SIZE goes alone: not a write of several.)
        const behind = kind.startsWith('vsftpd')
        expect(writes.filter(b => b.join(' ') === (behind ? 'STOR EPSV' : 'SIZE EPSV')).length).toBeGreaterThanOrEqual(
          Object.keys(tree).length - 1
        )
        // (The manifest's writes go in place with RNFR and RNTO in one write of their own.)
        const burst = writes.filter(b => b.every(c => c === 'RNFR' || c === 'RNTO') && b.length > 2)
        expect(burst.flat()).toHaveLength(2 * Object.keys(tree).length)
        expect(burst.length).toBeLessThanOrEqual(2)
      }
    },
    120_000
  )
})
