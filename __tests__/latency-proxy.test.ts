/**
 * The benchmark's latency proxy (bench/latency-proxy.ts) delays what it forwards: a round trip
 * through it takes at least the RTT (a lower bound: what the benchmark's figures rest on), the
 * TCP handshake's RTT is held back, FIN and RST arrive on the other side, and data connections
 * are counted.
 */
import { once } from 'node:events'
import net from 'node:net'
import { startLatencyProxy } from '../bench/latency-proxy.js'

const RTT = 200

async function echoServer(): Promise<{ server: net.Server; port: number; resets: () => void }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer({ allowHalfOpen: true }, socket => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('data', chunk => socket.write(chunk))
    socket.on('end', () => socket.end())
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as net.AddressInfo).port
  return { server, port, resets: () => sockets.forEach(s => s.resetAndDestroy()) }
}

test('a round trip through the proxy takes the RTT, the first one twice that (the handshake); FIN, RST and data connections pass', async () => {
  const echo = await echoServer()
  const proxy = await startLatencyProxy({
    controlPort: echo.port,
    passive: { min: echo.port, max: echo.port },
    rttMs: RTT
  })
  try {
    // The passive port: the same number on ::1.
    const client = net.connect({ host: '::1', port: echo.port })
    await once(client, 'connect')
    const roundTrip = async (): Promise<number> => {
      const started = performance.now()
      client.write('ping')
      await once(client, 'data')
      return performance.now() - started
    }
    const first = await roundTrip()
    const second = await roundTrip()
    // From the SYN: the handshake's RTT, then the round trip.
    expect(first).toBeGreaterThanOrEqual(2 * RTT - 5)
    expect(second).toBeGreaterThanOrEqual(RTT - 5)
    expect(proxy.dataConnections).toBe(1)
    expect(proxy.controlConnections).toBe(0)
    // FIN: the server's answering FIN comes back.
    client.end()
    await once(client, 'end')

    const control = net.connect({ host: '::1', port: proxy.port })
    const errors: string[] = []
    control.on('error', e => errors.push((e as NodeJS.ErrnoException).code ?? e.message))
    await once(control, 'connect')
    control.write('x')
    await once(control, 'data')
    expect(proxy.controlConnections).toBe(1)
    // RST: the server's reset reaches the client as a reset, half an RTT later.
    const resetAt = performance.now()
    echo.resets()
    await new Promise(resolve => control.on('close', resolve))
    expect(performance.now() - resetAt).toBeGreaterThanOrEqual(RTT / 2 - 5)
    expect(errors).toEqual(['ECONNRESET'])
  } finally {
    await proxy.close()
    echo.server.close()
  }
})
