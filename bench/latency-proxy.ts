/**
 * A network link in user space, for the latency benchmark: kernel netem is not available on
 * these machines. It listens on ::1 (the server listens on 127.0.0.1, so the same port numbers
 * are free there) at a control port and at every port of the server's passive range, and
 * forwards each connection to 127.0.0.1 at the same passive port (the control port to the
 * server's). Each chunk is delivered RTT/2 after it arrived, in each direction, FIN and RST
 * included; with a rate, each direction is one shared link of that many bytes per second (all
 * connections queue on it, as on a real uplink). A tool that connects to host ::1 reaches the
 * data ports through the proxy when it uses EPSV or ignores the PASV address (the server sees
 * every connection come from 127.0.0.1 and announces 127.0.0.1 in PASV): the proxy counts data
 * connections so a tool whose data went straight to the server is flagged.
 *
 *   const link = await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs: 50 })
 *   ... deploy to [::1]:link.port ...
 *   link.dataConnections // how many data connections went through it
 */
import net from 'node:net'

export interface LatencyOptions {
  controlPort: number
  passive: { min: number; max: number }
  /** Round-trip time added: each direction delays by half. */
  rttMs: number
  /** Bytes per second in each direction (shared by all connections); undefined: unlimited. */
  rateBytesPerSecond?: number
}

export interface LatencyProxy {
  host: '::1'
  /** The round-trip time it adds. */
  rttMs: number
  /** The control port clients connect to. */
  port: number
  /** Control and data connections accepted since the last reset. */
  readonly controlConnections: number
  readonly dataConnections: number
  /** Starts counting again (before each timed run). */
  resetCounts(): void
  close(): Promise<void>
}

/** One direction of the link: when its next byte can leave (with a rate) and its delay. */
class Link {
  private freeAt = 0

  constructor(
    private readonly delayMs: number,
    private readonly rate: number | undefined
  ) {}

  /** When a chunk of n bytes arriving now is delivered. */
  deliveryTime(n: number): number {
    const now = performance.now()
    if (this.rate === undefined) return now + this.delayMs
    const start = Math.max(now, this.freeAt)
    this.freeAt = start + (n / this.rate) * 1000
    return this.freeAt + this.delayMs
  }
}

/** Holds deliveries to a socket that is not connected yet (in order), until `open`. */
interface Gate {
  open: boolean
  waiting: (() => void)[]
}

/** Bytes a direction may hold in flight before its sender is paused. */
const MAX_QUEUED = 4 * 2 ** 20

/**
 * Forwards from `from` to `to` through `link`, in order, ending and resetting as `from` does.
 * Nothing is delivered before `notBefore`: the TCP handshake a real link would spend.
 */
function pipeDelayed(from: net.Socket, to: net.Socket, link: Link, notBefore: number, gate?: Gate): void {
  let queued = 0
  let last = notBefore
  // One queue and one timer per direction: a timer per chunk could fire out of order (timers
  // started in one tick share the loop's cached clock) and corrupt the stream.
  const due: { at: number; action: () => void }[] = []
  let timer: NodeJS.Timeout | undefined
  const drain = (): void => {
    timer = undefined
    const now = performance.now()
    while (due.length > 0 && due[0]!.at <= now + 0.5) {
      const { action } = due.shift()!
      if (gate === undefined || gate.open) action()
      else gate.waiting.push(action)
    }
    if (due.length > 0) timer = setTimeout(drain, Math.max(0, due[0]!.at - performance.now()))
  }
  const later = (at: number, action: () => void): void => {
    // Never before an earlier chunk of the same direction: order is kept.
    last = Math.max(at, last)
    due.push({ at: last, action })
    if (timer === undefined) timer = setTimeout(drain, Math.max(0, last - performance.now()))
  }
  from.on('data', (chunk: Buffer) => {
    queued += chunk.length
    if (queued > MAX_QUEUED) from.pause()
    later(link.deliveryTime(chunk.length), () => {
      queued -= chunk.length
      if (!to.destroyed && to.writable) to.write(chunk)
      if (queued <= MAX_QUEUED / 2 && from.isPaused()) from.resume()
    })
  })
  from.on('end', () =>
    later(link.deliveryTime(0), () => {
      if (!to.destroyed) to.end()
    })
  )
  const reset = (): void =>
    later(link.deliveryTime(0), () => {
      if (!to.destroyed) to.resetAndDestroy()
    })
  from.on('error', reset)
  from.on('close', hadError => {
    if (hadError) reset()
  })
}

export async function startLatencyProxy(options: LatencyOptions): Promise<LatencyProxy> {
  const half = options.rttMs / 2
  const up = new Link(half, options.rateBytesPerSecond)
  const down = new Link(half, options.rateBytesPerSecond)
  const counts = { control: 0, data: 0 }
  const sockets = new Set<net.Socket>()
  const servers: net.Server[] = []

  const listen = async (port: number, targetPort: number, kind: 'control' | 'data'): Promise<net.Server> => {
    const server = net.createServer({ noDelay: true, allowHalfOpen: true }, client => {
      counts[kind]++
      const upstream = new net.Socket({ allowHalfOpen: true })
      upstream.setNoDelay(true)
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => undefined)
      }
      // The kernel accepts at once on loopback; on a real link the client's connect completes
      // after one RTT and the server's accept after one and a half (the final ACK), and what
      // a server sends on accept (a greeting, vsftpd's 150) reaches the client two RTTs after
      // the SYN. So the proxy connects to the server 1.5 RTT after accepting, and holds the
      // client's early bytes until then. (The client's own connect still completes an RTT
      // early: a client that waits for it before sending elsewhere gains up to an RTT.)
      const t0 = performance.now()
      const gate: Gate = { open: false, waiting: [] }
      setTimeout(() => {
        if (client.destroyed) return
        upstream.connect({ host: '127.0.0.1', port: targetPort })
        gate.open = true
        for (const action of gate.waiting.splice(0)) action()
      }, 1.5 * options.rttMs)
      pipeDelayed(client, upstream, up, t0 + 1.5 * options.rttMs, gate)
      pipeDelayed(upstream, client, down, t0)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host: '::1', port, ipv6Only: true }, () => resolve())
    })
    servers.push(server)
    return server
  }

  const control = await listen(0, options.controlPort, 'control')
  for (let port = options.passive.min; port <= options.passive.max; port++) await listen(port, port, 'data')
  return {
    host: '::1',
    rttMs: options.rttMs,
    port: (control.address() as net.AddressInfo).port,
    get controlConnections() {
      return counts.control
    },
    get dataConnections() {
      return counts.data
    },
    resetCounts() {
      counts.control = 0
      counts.data = 0
    },
    async close() {
      for (const s of sockets) s.destroy()
      await Promise.all(servers.map(s => new Promise<void>(resolve => s.close(() => resolve()))))
    }
  }
}
