/**
 * The next transfer's EPSV behind the STOR (issue 22 item 1), on real servers. vsftpd reads it
 * only once the transfer is over: its 229 comes after the 226 (the server's own log shows the
 * 226 before the EPSV), the next data connection connects while the checks' write is answered
 * (no EPSV in that write), and every file arrives byte for byte with its size read before its
 * rename. pure-ftpd (500) and ProFTPD (450) answer it during the transfer: after the first
 * such answer the run asks for the port after each upload (one info line), and the deploy is
 * still whole.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { FtpServer, ServerKind } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'
import { renamedUnchecked } from './support/renamed-unchecked.js'

const tree: Record<string, Buffer> = Object.fromEntries([
  ...Array.from({ length: 8 }, (_, i) => [`d${i % 2}/f${i}.bin`, randomBytes(2000 + i)] as const),
  ['big.bin', randomBytes(600_000)],
  ['empty.txt', Buffer.alloc(0)]
])
const localDir = makeTree(tree)
const files = Object.keys(tree).length

/** The main connection's protocol lines (the lock's own connection is prefixed `#lock`). */
const protocol = (lines: string[]): string[] => lines.filter(l => /^debug: [<>] /.test(l))

/** Commands sent on the main connection before any reply came back, as runs of verbs. */
function batches(lines: string[]): string[] {
  const out: string[] = []
  let run: string[] = []
  for (const line of protocol(lines)) {
    if (line.startsWith('debug: > ')) run.push(line.slice(9).split(' ')[0]!)
    else {
      if (run.length > 0) out.push(run.join(' '))
      run = []
    }
  }
  return out
}

/** The checks' write after each upload: with its rename under `cutover: file`, alone under `end`. */
const checks = (cutover: string): string => (cutover === 'file' ? 'RNFR RNTO SIZE' : 'SIZE')

async function deployTo(server: FtpServer, dir: string, cutover: string): Promise<string[]> {
  const log = recordingLog()
  const result = await deploy(
    settingsOf(serverInputs(server, { 'local-dir': localDir, 'remote-dir': dir, concurrency: '1', cutover })),
    log
  )
  expect(result.uploaded.length).toBe(files)
  for (const [path, data] of Object.entries(tree)) {
    expect([path, readFileSync(join(server.root, dir, path)).equals(data)]).toEqual([path, true])
  }
  expect(log.warnings).toEqual([])
  // On every connection (the final manifest's temporary may go up on the lock's, `#lock`).
  expect(renamedUnchecked(log.lines)).toEqual([])
  return log.lines
}

describe.each<ServerKind>(['vsftpd-tls12', 'vsftpd'])('%s reads the EPSV behind a STOR after the transfer', kind => {
  const { server: serverOf, maybe } = serverForBlock(kind)

  maybe.each(['file', 'end'])(
    'every STOR carries the next EPSV, answered after its 226; the checks go without one (cutover %s)',
    async cutover => {
      const server = serverOf()
      const lines = await deployTo(server, `behind-${cutover}`, cutover)
      expect(lines.filter(l => /during the transfer/.test(l))).toEqual([])
      const sent = batches(lines)
      // Each temporary's STOR and the next EPSV in one burst (and the manifest's). The lock's
      // heartbeat goes with the manifest's port (holder.json is written beside, on #lock).
      expect(sent.filter(b => b === 'STOR EPSV').length).toBeGreaterThanOrEqual(files + 1)
      expect(sent.filter(b => b === 'MKD EPSV')).toEqual(['MKD EPSV'])
      expect(sent.filter(b => b === 'STOR').length).toBe(0)
      // After the first file, the checks' write asks for no port: its data connection is connecting.
      expect(sent.filter(b => b === checks(cutover)).length).toBeGreaterThanOrEqual(files - 1)
      // (The first file's checks ask for the port under either cutover: its STOR had none behind it.
      // Under end the manifest's SIZE EPSV has the same shape: read before the lock, then under it.)
      expect(sent.filter(b => b === `${checks(cutover)} EPSV`).length).toBeLessThanOrEqual(cutover === 'end' ? 2 : 0)
      // The client saw the 229 after the 226, every time.
      const replies = protocol(lines).filter(l => /^debug: < (150|226|229)/.test(l))
      replies.forEach((l, i) => {
        if (/^debug: < 226/.test(l)) expect([l, replies[i + 1]?.slice(9, 12)]).toEqual([l, '229'])
      })
      // The server's own log: the EPSV after each STOR was read after that STOR's 226.
      const logged = server.readLog().split('\n')
      const stor = new RegExp(`FTP command: .*"STOR /behind-${cutover}/\\S*\\.tmp"`)
      // The files' temporaries (the manifest's writes vary: under end it also records checked temporaries).
      const stors = logged.flatMap((l, i) => (stor.test(l) && !l.includes('ftps-deploy-manifest') ? [i] : []))
      expect(stors.length).toBe(files)
      for (const at of stors) {
        // That session's lines only (vsftpd logs each session from its own process).
        const pid = /\[pid \d+\]/.exec(logged[at]!)![0]
        const after = logged.slice(at + 1).filter(l => l.includes(pid) && /FTP (command|response):/.test(l))
        const next = after.findIndex(l => /FTP command:/.test(l))
        expect(after[next]).toMatch(/"EPSV"$/)
        expect(after.slice(0, next).some(l => /"226 /.test(l))).toBe(true)
      }
    },
    120_000
  )
})

describe.each<[ServerKind, string]>([
  ['pure-ftpd', '500 Unknown command'],
  ['proftpd', '450 EPSV: data transfer in progress']
])('%s answers a command during a transfer', (kind, answer) => {
  const { server: serverOf, maybe } = serverForBlock(kind)

  maybe.each(['file', 'end'])(
    'after the first early answer, the port is asked for with the checks (4 round trips a file, cutover %s)',
    async cutover => {
      const server = serverOf()
      const lines = await deployTo(server, `early-${cutover}`, cutover)
      const early = lines.filter(l => /answered a command sent behind a STOR during the transfer/.test(l))
      expect(early).toEqual([expect.stringContaining(answer)])
      const sent = batches(lines)
      // Only the STORs up to the first early answer carried an EPSV: the first upload's (the lock's
      // holder.json goes beside, on #lock; the server may answer a small one's after its transfer),
      // and at most one more.
      const carried = sent.filter(b => b.endsWith('STOR EPSV'))
      expect(carried[0]).toBe('STOR EPSV')
      expect(carried.length).toBeLessThanOrEqual(2)
      expect(sent.filter(b => b === `${checks(cutover)} EPSV`).length).toBeGreaterThanOrEqual(files - 1)
    },
    120_000
  )
})
