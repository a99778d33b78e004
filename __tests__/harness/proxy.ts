/**
 * A TCP proxy for fault tests, on 127.0.0.1 only: put it in front of a server's control port
 * and it forwards bytes both ways, counts connections, and on request cuts connections after
 * a number of bytes, refuses new ones, drops all that are open, swallows every byte (a black hole),
 * or drops (or loses the replies of) the next connection the client sends on. Data connections do not go
 * through it: the client connects them to the control connection's peer (127.0.0.1) at the
 * passive port the server announced, i.e. straight to the server.
 *
 *   const proxy = await startProxy(server.port, { cut: { from: 'server', afterBytes: 6000, connections: 3 } })
 *   ... deploy to 127.0.0.1:proxy.port ...
 *   expect(proxy.cutCount).toBe(3)
 *   await proxy.close()
 */
import { once } from 'node:events'
import net from 'node:net'

export interface CutRule {
  /** Whose bytes are counted: the client's (upstream) or the server's (downstream). */
  from: 'client' | 'server'
  /** Forward this many bytes in that direction, then cut the connection (both sides). */
  afterBytes: number
  /** Cut only the first K connections accepted after the rule was set (default: every one). */
  connections?: number
  /** `reset` (default) sends a TCP RST to both sides; `close` ends both sides with FIN. */
  how?: 'reset' | 'close'
}

/** Decides per connection: n counts the connections accepted since the plan was set, from 1. */
export type CutPlan = (n: number) => CutRule | undefined

export interface ProxyEvent {
  /** 1-based number of the connection. */
  connection: number
  what: 'accepted' | 'refused' | 'cut' | 'dropped' | 'closed'
  /** Bytes forwarded so far from the client and from the server. */
  fromClient: number
  fromServer: number
  at: number
}

export interface TcpProxy {
  host: '127.0.0.1'
  port: number
  /** Connections accepted so far (refused ones included). */
  readonly connectionCount: number
  /** Connections cut by a rule. */
  readonly cutCount: number
  /** Connections open right now. */
  readonly openCount: number
  /** What happened to each connection, in order. */
  readonly events: ProxyEvent[]
  /** Replaces the cut rule or plan; counting starts again from the next connection. */
  setCut(rule: CutRule | CutPlan | undefined): void
  /** Forward new connections to another port on 127.0.0.1 (a restarted server). */
  setTarget(port: number): void
  /**
   * While refusing, every new connection is reset at once, before any byte (what a client
   * sees of a stopped server behind a load balancer; the OS itself answers with RST as well).
   */
  refuse(on: boolean): void
  /**
   * While on, a black hole: every connection, open or new, stays open and forwards nothing
   * either way (a server or network that stopped answering without closing anything).
   */
  blackHole(on: boolean): void
  /**
   * While on, a stalled link: every connection, open or new, stops reading either way; the bytes
   * wait in the buffers, none is lost, and all flow again once it is off.
   */
  hold(on: boolean): void
  /**
   * The next connection the client sends on: `drop`, reset before those bytes are forwarded (the
   * server never reads them); `mute`, its bytes forwarded but the server's dropped from then on
   * (replies lost on the way back: the server did what it was asked, the client never hears),
   * until `dropMuted`. Other connections go on as they were.
   */
  onNextSend(what: 'drop' | 'mute'): void
  /** Resets the connections `onNextSend('mute')` muted. */
  dropMuted(): void
  /** Resets every open connection now (both sides). */
  dropAll(): void
  close(): Promise<void>
}

interface Pair {
  id: number
  client: net.Socket
  server: net.Socket
  fromClient: number
  fromServer: number
  cutAfter?: CutRule
  cutting: boolean
  done: boolean
}

/** `maxCuts`: no connection is cut once that many were (a plan for more connections than cuts). */
export async function startProxy(
  targetPort: number,
  options: { cut?: CutRule | CutPlan; maxCuts?: number } = {}
): Promise<TcpProxy> {
  let target = targetPort
  let rule: CutRule | CutPlan | undefined
  let ruleUses = 0
  let refusing = false
  let swallowing = false
  let holding = false
  let nextSend: 'drop' | 'mute' | undefined
  const muted = new Set<Pair>()
  let connectionCount = 0
  let cutCount = 0
  const events: ProxyEvent[] = []
  const open = new Set<Pair>()

  const setCut = (next: CutRule | CutPlan | undefined): void => {
    rule = next
    ruleUses = 0
  }
  setCut(options.cut)

  const record = (pair: Pair, what: ProxyEvent['what']): void => {
    events.push({
      connection: pair.id,
      what,
      fromClient: pair.fromClient,
      fromServer: pair.fromServer,
      at: Date.now()
    })
  }

  const finish = (pair: Pair, what: ProxyEvent['what'], how: 'reset' | 'close'): void => {
    if (pair.done) return
    pair.done = true
    open.delete(pair)
    record(pair, what)
    for (const sock of [pair.client, pair.server]) {
      if (sock.destroyed) continue
      if (how === 'reset' && typeof sock.resetAndDestroy === 'function') sock.resetAndDestroy()
      else sock.destroy()
    }
  }

  /** Forwards `chunk` in one direction, cutting after the rule's byte count. */
  const forward = (pair: Pair, from: 'client' | 'server', chunk: Buffer): void => {
    if (from === 'client' && nextSend !== undefined) {
      const what = nextSend
      nextSend = undefined
      if (what === 'drop') return finish(pair, 'dropped', 'reset')
      muted.add(pair)
    }
    if (pair.done || pair.cutting || swallowing || (from === 'server' && muted.has(pair))) return
    const to = from === 'client' ? pair.server : pair.client
    const before = from === 'client' ? pair.fromClient : pair.fromServer
    const cut = options.maxCuts !== undefined && cutCount >= options.maxCuts ? undefined : pair.cutAfter
    const allowed = cut !== undefined && cut.from === from ? cut.afterBytes - before : Infinity
    const part = chunk.length < allowed ? chunk : chunk.subarray(0, Math.max(0, allowed))
    if (from === 'client') pair.fromClient += part.length
    else pair.fromServer += part.length
    if (part.length === chunk.length && chunk.length < allowed) {
      if (!to.destroyed) to.write(chunk)
      return
    }
    // The byte budget is reached: pass on what is left of it, then cut both sides.
    pair.cutting = true
    cutCount += 1
    const how = cut?.how ?? 'reset'
    const end = (): void => finish(pair, 'cut', how)
    if (part.length === 0 || to.destroyed) return end()
    to.write(part, end)
    setTimeout(end, 50).unref() // the write callback may never come if that side is gone
  }

  const listener = net.createServer(client => {
    connectionCount += 1
    const id = connectionCount
    client.on('error', () => undefined)
    if (refusing) {
      events.push({ connection: id, what: 'refused', fromClient: 0, fromServer: 0, at: Date.now() })
      client.resetAndDestroy()
      return
    }
    ruleUses += 1
    const cutAfter =
      typeof rule === 'function'
        ? rule(ruleUses)
        : rule !== undefined && (rule.connections === undefined || ruleUses <= rule.connections)
          ? rule
          : undefined
    const server = net.connect({ host: '127.0.0.1', port: target })
    const pair: Pair = { id, client, server, fromClient: 0, fromServer: 0, cutAfter, cutting: false, done: false }
    open.add(pair)
    record(pair, 'accepted')
    if (holding) for (const sock of [client, server]) sock.pause()
    server.on('error', () => undefined)
    client.on('data', (chunk: Buffer) => forward(pair, 'client', chunk))
    server.on('data', (chunk: Buffer) => forward(pair, 'server', chunk))
    // A half-close is passed on (QUIT -> 221 -> FIN); a full close or error ends the pair.
    client.on('end', () => server.end())
    server.on('end', () => client.end())
    client.on('close', () => finish(pair, 'closed', 'close'))
    server.on('close', () => finish(pair, 'closed', 'close'))
  })
  listener.on('error', () => undefined)
  listener.listen(0, '127.0.0.1')
  await once(listener, 'listening')

  return {
    host: '127.0.0.1',
    port: (listener.address() as net.AddressInfo).port,
    get connectionCount() {
      return connectionCount
    },
    get cutCount() {
      return cutCount
    },
    get openCount() {
      return open.size
    },
    events,
    setCut,
    setTarget: port => {
      target = port
    },
    refuse: on => {
      refusing = on
    },
    blackHole: on => {
      swallowing = on
    },
    hold: on => {
      holding = on
      for (const pair of open)
        for (const sock of [pair.client, pair.server])
          if (on) sock.pause()
          else sock.resume()
    },
    onNextSend: what => {
      nextSend = what
    },
    dropMuted: () => {
      for (const pair of muted) finish(pair, 'dropped', 'reset')
      muted.clear()
    },
    dropAll: () => {
      for (const pair of [...open]) finish(pair, 'dropped', 'reset')
    },
    close: async () => {
      const closed = new Promise<void>(resolve => listener.close(() => resolve()))
      for (const pair of [...open]) finish(pair, 'closed', 'reset')
      await closed
    }
  }
}
