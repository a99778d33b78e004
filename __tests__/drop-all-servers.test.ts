/**
 * Every connection of a session dropped at once (the fault proxy resetting all it carries) just
 * as a listing or an upload goes on a session that asked for its passive port ahead (no EPSV of
 * its own): the command is written before the reset is read, and the transfer must fail with the
 * lost connection, never wait forever. Node's ECONNRESET reaches the reply handler from another
 * realm under jest (not `instanceof Error`): a handler that took it for neither an error nor a
 * reply left the transfer unsettled (seen on pyftpdlib and ProFTPD).
 */
import { openSession, RemoteSession } from '../src/ftp/index.js'
import { startProxy } from './harness/proxy.js'
import { ServerKind } from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

/** How long a transfer may take to fail here (a hang is what the test is about). */
const BOUND_MS = 30_000

async function settled(work: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<string>(resolve => (timer = setTimeout(() => resolve('still pending'), BOUND_MS)))
  const outcome = work.then(
    () => 'done',
    (err: Error) => `failed: ${err.message}`
  )
  try {
    return await Promise.race([outcome, hung])
  } finally {
    clearTimeout(timer)
  }
}

describe.each(['pyftpdlib', 'proftpd'] as ServerKind[])('every connection dropped at once (%s)', kind => {
  const { server, maybe } = serverForBlock(kind)

  maybe.each([
    ['a listing', (s: RemoteSession) => s.list('/drop')],
    ['an upload', (s: RemoteSession) => s.upload(Buffer.from('x'.repeat(1000)), '/drop/b.txt')]
  ])(
    '%s on a session with its passive port asked for ahead fails with the lost connection',
    async (_what, transfer) => {
      server().putFile('drop/a.txt', 'abc')
      const proxy = await startProxy(server().port)
      const log = recordingLog()
      let session: RemoteSession | undefined
      try {
        const inputs = serverInputs({ ...server(), port: proxy.port }, { timeout: '10' })
        session = await openSession(settingsOf(inputs), log)
        // The next transfer's EPSV in the same write as the MKD: the transfer sends none of its own.
        await session.together([{ kind: 'mkdir', path: '/drop' }], { beforeTransfer: true })
        proxy.dropAll()
        const outcome = await settled(transfer(session))
        expect(outcome).toMatch(/^failed: .*ECONNRESET/)
        // The transfer's command went (on the port asked for ahead, no EPSV of its own before it).
        const at = log.lines.findIndex(l => /^debug: > (MLSD|STOR) \/drop/.test(l))
        expect(at).toBeGreaterThan(0)
        expect(log.lines.slice(0, at).filter(l => /^debug: > EPSV/.test(l))).toHaveLength(1)
      } finally {
        session?.close()
        await proxy.close()
      }
    },
    60_000
  )
})
