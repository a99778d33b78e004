/**
 * No Nagle on any connection of a session: over a real link (the bench's latency proxy acknowledges
 * at once, so it cannot show this) a write sent while an earlier one is unacknowledged would wait
 * for its ACK: a pipelined commit's second write on the control connection, a file's last segment
 * and its close_notify on a data connection behind the TLS Finished. Every socket the session
 * connects, control and data, is seen with TCP_NODELAY asked for (Node's own record of it).
 */
import net from 'node:net'
import { openSession } from '../src/ftp/index.js'
import type { ServerKind } from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

/** Whether setNoDelay(true) was asked of this socket (net.Socket keeps it under a symbol of its own). */
function noDelay(socket: net.Socket): boolean {
  const symbol = Object.getOwnPropertySymbols(socket).find(s => s.description === 'kSetNoDelay')
  if (symbol === undefined)
    throw new Error("this Node keeps no 'kSetNoDelay' on its sockets: the test needs another probe")
  return (socket as unknown as Record<symbol, boolean>)[symbol] === true
}

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'vsftpd-implicit'])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe('the control connection and every data connection take no Nagle delay', async () => {
    const implicit = kind === 'vsftpd-implicit' ? { tls: 'implicit' } : {}
    const settings = settingsOf(serverInputs(block.server(), { timeout: '10', ...implicit }))
    const connected: net.Socket[] = []
    const connect = net.Socket.prototype.connect
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      connected.push(this)
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
    } as typeof connect
    try {
      const session = await openSession(settings, recordingLog())
      try {
        await session.list('/')
        await session.list('/')
      } finally {
        session.close()
      }
    } finally {
      net.Socket.prototype.connect = connect
    }
    // The control connection and two listings' data connections.
    expect(connected.length).toBeGreaterThanOrEqual(3)
    expect(connected.map(noDelay)).toEqual(connected.map(() => true))
  })
})
