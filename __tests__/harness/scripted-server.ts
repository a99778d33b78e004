/**
 * A small scripted FTP responder for protocol-level negative tests: replies that real
 * servers don't produce (refused AUTH/PROT, 332, silent servers, foreign PASV addresses,
 * failing STOR). Without overrides it is a minimal in-memory FTP server good enough for
 * basic-ftp to log in and transfer, in plain, explicit (AUTH TLS) or implicit TLS mode.
 * Everything listens on 127.0.0.1 only; nothing is ever sent anywhere else.
 *
 * Default handling: USER -> 331, PASS -> 230 (or 530 / 332, see options), ACCT, FEAT (UTF8,
 * EPSV, PASV, SIZE, MLST, and AUTH TLS/PBSZ/PROT when TLS is available), OPTS, NOOP, SYST,
 * PBSZ/PROT (503 without TLS), and after login TYPE, STRU, MODE, PWD, CWD, CDUP, MKD, RMD,
 * DELE, SIZE, RNFR/RNTO, EPSV, PASV, STOR, APPE, RETR, LIST, MLSD, NLST on an in-memory tree.
 * Other verbs get 502; anything but AUTH/USER/PASS/ACCT/QUIT/NOOP/SYST/OPTS/FEAT/PBSZ/PROT
 * before login gets 530. Data connections are TLS-wrapped when PROT P is active (the client
 * may resume the control session; all connections share one SecureContext, so it can).
 */
import { once } from 'node:events'
import net from 'node:net'
import { posix } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import tls from 'node:tls'
import { makeTestPki, type TestPki } from './certs.js'

/** What a client session looks like to reply functions (mutable: functions may change it). */
export interface SessionState {
  /** 1-based number of the control connection. */
  readonly id: number
  /** Control connection is TLS (after AUTH TLS, or implicit mode). */
  tls: boolean
  user?: string
  /** PASS was accepted (login may still wait for ACCT). */
  passwordOk: boolean
  account?: string
  loggedIn: boolean
  /** Data channel protection level set by PROT. */
  prot: 'C' | 'P'
  cwd: string
  renameFrom?: string
  /** Command lines of this connection, in order. */
  commands: string[]
}

/**
 * A reply override: the reply text (lines separated by `\n`; CRLF is added), `null` to swallow
 * the command without any answer, or a function. A function returning `undefined` falls back
 * to the default handling. An override replaces the default handling entirely (a `234` to AUTH
 * from an override does not start TLS, a `227` does not open a data listener).
 */
export type ReplyFn = (arg: string, session: SessionState) => string | null | undefined
export type Reply = string | null | ReplyFn

export interface StorOptions {
  /** Final reply after all data of STOR/APPE arrived (default `226 Transfer complete`). A file is kept only if it is 2xx. */
  finalReply?: string | ((path: string, data: Buffer, session: SessionState) => string)
  /** Reset the data connection once at least this many bytes arrived, then send `abortReply`. */
  abortAfterBytes?: number
  /** Default `426 Connection closed; transfer aborted`. */
  abortReply?: string
  /**
   * pyftpdlib before 1.5.9 (its issue 604): TLS goes on a data connection only when the transfer
   * starts; a client whose handshake came before that (before the 150) gets the connection reset
   * and its STOR is never answered. For that many STORs (then as usual).
   */
  resetEarlyTls?: number
}

export interface ScriptedServerOptions {
  /** `explicit` (default): plain greeting, AUTH TLS supported; `implicit`: TLS from the first byte; `none`: no TLS at all. */
  tls?: 'explicit' | 'implicit' | 'none'
  /** Certificate/key to serve; made with makeTestPki() when missing and TLS is used. */
  pki?: TestPki
  /** Greeting line (default `220 Scripted FTP server ready`); `null` = accept and never greet. */
  greeting?: string | null
  /** Overrides by upper-case command verb, see {@link Reply}. */
  replies?: Record<string, Reply>
  /** Accepted user; any user when missing. */
  user?: string
  /** Accepted password; any password when missing. Wrong user/password -> `530 Login incorrect`. */
  password?: string
  /** When set, PASS answers `332 Need account for login` and only `ACCT <requireAccount>` logs in. */
  requireAccount?: string
  /** IPv4 address announced in 227 replies (default 127.0.0.1). The data listener is always on 127.0.0.1. */
  pasvAddress?: string
  stor?: StorOptions
  /**
   * For that many transfers whose TLS started before the 1xx: the data connection ends ('close',
   * after its bytes: RETR, LIST, MLSD, NLST) or is reset ('reset', no byte; STOR and APPE too)
   * before the 150 is sent, then 150 and 226 follow `gapMs` later (a 150 the network delayed; no
   * real server here shows it).
   */
  dataBeforeReply?: { count: number; how: 'close' | 'reset'; gapMs?: number }
  /**
   * Data connections present this certificate instead of `pki`'s (what a man in the middle on
   * the data path does; no real server does it). Its own TLS context: no session resumes across.
   */
  dataPki?: TestPki
}

export interface DataConnectionInfo {
  session: number
  /** The data connection was TLS-wrapped (PROT P was active). */
  tls: boolean
  /** TLS session of the data connection was resumed (set once the handshake completed). */
  resumed: boolean
  /** Its TLS handshake completed (a connection made ahead and closed unused never does). */
  secured?: boolean
}

export interface ScriptedServer {
  host: string
  port: number
  pki: TestPki | undefined
  /** Every command line received, in order, across connections (PASS argument as sent). */
  commands: string[]
  /** Uploaded files by absolute path (tests may pre-seed it). STOR into a missing directory gets 553. */
  files: Map<string, Buffer>
  /** Existing directories (absolute paths), `/` included (tests may pre-seed it). */
  dirs: Set<string>
  sessions: SessionState[]
  /** Data connections accepted, in order. */
  dataConnections: DataConnectionInfo[]
  /** Closes the listeners and destroys all sockets. */
  close(): Promise<void>
}

/** A passive data listener and the one connection it accepts. */
interface Pending {
  server: net.Server
  conn: Promise<DataConn>
  sock?: net.Socket
}
/** `sock` is what carries the data (TLS-wrapped or not), `raw` the TCP socket under it. */
interface DataConn {
  sock: net.Socket
  raw: net.Socket
  /** Resolves when data may go out: at once in clear, after the handshake with TLS. */
  secured: Promise<void>
  /** With `stor.resetEarlyTls`: TLS goes on here, at the 150 (returns the connection as above). */
  late?: () => DataConn
}
const noop = (): void => {}

/** Starts a scripted server on 127.0.0.1 on a free port; call `close()` when done. */
export async function startScriptedServer(opts: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const mode = opts.tls ?? 'explicit'
  const pki = mode === 'none' ? opts.pki : (opts.pki ?? makeTestPki())
  const ctx = pki && mode !== 'none' ? tls.createSecureContext({ key: pki.key, cert: pki.cert }) : undefined
  const dataCtx =
    ctx && opts.dataPki ? tls.createSecureContext({ key: opts.dataPki.key, cert: opts.dataPki.cert }) : ctx
  const sockets = new Set<net.Socket>()
  const servers = new Set<net.Server>()
  const commands: string[] = []
  const files = new Map<string, Buffer>()
  const dirs = new Set<string>(['/'])
  const sessions: SessionState[] = []
  const dataConnections: DataConnectionInfo[] = []
  let closed = false

  const track = <T extends net.Socket>(s: T): T => {
    sockets.add(s)
    s.on('error', noop)
    s.on('close', () => sockets.delete(s))
    if (closed) s.destroy()
    return s
  }
  const secure = (raw: net.Socket, c: tls.SecureContext): tls.TLSSocket =>
    track(new tls.TLSSocket(raw, { isServer: true, secureContext: c }))
  const children = (dir: string): string[] =>
    [...dirs, ...files.keys()].filter(p => p !== '/' && posix.dirname(p) === dir)

  function serve(raw: net.Socket): void {
    const s: SessionState = {
      id: sessions.length + 1,
      tls: false,
      passwordOk: false,
      loggedIn: false,
      prot: 'C',
      cwd: '/',
      commands: []
    }
    sessions.push(s)
    let ctl: net.Socket = raw
    let decoder = new StringDecoder('utf8')
    let buf = ''
    let busy = false
    let pending: Pending | undefined

    const send = (text: string): void => {
      if (!ctl.destroyed && ctl.writable) ctl.write(text.split(/\r?\n/).join('\r\n') + '\r\n')
    }
    const pump = async (): Promise<void> => {
      if (busy) return
      busy = true
      try {
        for (let i = buf.indexOf('\n'); i >= 0 && !closed && !ctl.destroyed; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i).replace(/\r$/, '')
          buf = buf.slice(i + 1)
          try {
            await handle(line)
          } catch (err) {
            send(`451 Internal error: ${(err as Error).message}`)
          }
        }
      } finally {
        busy = false
      }
    }
    const onData = (d: Buffer): void => {
      buf += decoder.write(d)
      void pump()
    }
    const attach = (sock: net.Socket): void => {
      ctl = sock
      sock.on('data', onData)
    }

    const closePassive = (): void => {
      if (!pending) return
      pending.server.close(noop)
      servers.delete(pending.server)
      pending.sock?.destroy()
      pending = undefined
    }
    const openPassive = async (): Promise<number> => {
      closePassive()
      const server = net.createServer()
      servers.add(server)
      server.on('error', noop)
      let resolveConn: (conn: DataConn) => void = noop
      const entry: Pending = {
        server,
        conn: new Promise<DataConn>(resolve => {
          resolveConn = resolve
        })
      }
      server.once('connection', (d: net.Socket) => {
        track(d)
        server.close(noop)
        servers.delete(server)
        const info: DataConnectionInfo = { session: s.id, tls: s.prot === 'P' && dataCtx !== undefined, resumed: false }
        dataConnections.push(info)
        if (info.tls && dataCtx && (opts.stor?.resetEarlyTls ?? 0) > 0) {
          const late = (): DataConn => {
            const sock = secure(d, dataCtx)
            sock.once('secure', () => {
              info.resumed = sock.isSessionReused()
              info.secured = true
            })
            entry.sock = sock
            return { sock, raw: d, secured: once(sock, 'secure').then(noop, noop) }
          }
          entry.sock = d
          resolveConn({ sock: d, raw: d, secured: Promise.resolve(), late })
          return
        }
        const sock = info.tls && dataCtx ? secure(d, dataCtx) : d
        if (sock instanceof tls.TLSSocket)
          sock.once('secure', () => {
            info.resumed = sock.isSessionReused()
            info.secured = true
          })
        entry.sock = sock
        // Like every real server, data goes out only once the client's TLS handshake is done
        // (clients start it on the 150: ftplib's order).
        const secured = sock instanceof tls.TLSSocket ? once(sock, 'secure').then(noop, noop) : Promise.resolve()
        resolveConn({ sock, raw: d, secured })
      })
      pending = entry
      server.listen(0, '127.0.0.1')
      await once(server, 'listening')
      return (server.address() as net.AddressInfo).port
    }
    /** The data connection announced by the last PASV/EPSV; replies 425 when there is none. */
    const takeData = async (): Promise<DataConn | undefined> => {
      if (!pending) {
        send('425 Use PASV or EPSV first')
        return undefined
      }
      const p = pending
      pending = undefined
      return await p.conn
    }
    const sendData = async (payload: string | Buffer): Promise<void> => {
      const taken = await takeData()
      if (!taken) return
      const conn = taken.late?.() ?? taken
      const { sock } = conn
      const early = opts.dataBeforeReply
      if (early !== undefined && early.count > 0 && sock instanceof tls.TLSSocket) {
        early.count -= 1
        await conn.secured
        if (early.how === 'reset') conn.raw.resetAndDestroy()
        else await new Promise<void>(resolve => sock.end(payload, () => resolve()))
        await new Promise(resolve => setTimeout(resolve, early.gapMs ?? 200))
        send('150 Opening data connection')
        return send('226 Transfer complete')
      }
      send('150 Opening data connection')
      await conn.secured
      await new Promise<void>(resolve => {
        sock.once('close', () => resolve())
        sock.end(payload, () => resolve())
      })
      send('226 Transfer complete')
    }
    const receive = ({ sock, raw }: DataConn): Promise<{ data: Buffer; aborted: boolean }> =>
      new Promise(resolve => {
        const chunks: Buffer[] = []
        let n = 0
        let done = false
        const finish = (aborted: boolean): void => {
          if (done) return
          done = true
          resolve({ data: Buffer.concat(chunks), aborted })
        }
        const limit = opts.stor?.abortAfterBytes
        sock.on('data', (d: Buffer) => {
          chunks.push(d)
          n += d.length
          if (limit !== undefined && n >= limit && !done) {
            finish(true)
            raw.resetAndDestroy()
          }
        })
        sock.once('end', () => {
          sock.end()
          finish(false)
        })
        sock.once('close', () => finish(true))
      })
    const store = async (verb: string, path: string): Promise<void> => {
      if (!dirs.has(posix.dirname(path)) || dirs.has(path)) return send('553 Could not create file')
      const taken = await takeData()
      if (!taken) return
      let conn = taken
      if (taken.late !== undefined) {
        // Give a client that starts TLS at once the time to show it, as pyftpdlib's loop does.
        await new Promise(resolve => setTimeout(resolve, 30))
        if (taken.raw.readableLength > 0 && opts.stor!.resetEarlyTls! > 0) {
          opts.stor!.resetEarlyTls! -= 1
          taken.raw.resetAndDestroy()
          return
        }
        conn = taken.late()
      }
      const early = opts.dataBeforeReply
      if (early?.how === 'reset' && early.count > 0 && conn.sock instanceof tls.TLSSocket) {
        early.count -= 1
        await conn.secured
        conn.raw.resetAndDestroy()
        await new Promise(resolve => setTimeout(resolve, early.gapMs ?? 200))
        send('150 Ok to send data')
        return send('226 Transfer complete')
      }
      send('150 Ok to send data')
      const { data, aborted } = await receive(conn)
      if (aborted) return send(opts.stor?.abortReply ?? '426 Connection closed; transfer aborted')
      const fr = opts.stor?.finalReply
      const reply = typeof fr === 'function' ? fr(path, data, s) : (fr ?? '226 Transfer complete')
      if (reply.startsWith('2'))
        files.set(path, verb === 'APPE' ? Buffer.concat([files.get(path) ?? Buffer.alloc(0), data]) : data)
      send(reply)
    }
    const listing = (dir: string, mlsd: boolean): string =>
      children(dir)
        .map(p => {
          const f = files.get(p)
          const name = posix.basename(p)
          if (mlsd) return `type=${f ? 'file' : 'dir'};size=${f?.length ?? 0};modify=20240101000000; ${name}\r\n`
          return `${f ? '-rw-r--r--' : 'drwxr-xr-x'} 1 ftp ftp ${f?.length ?? 0} Jan 01 00:00 ${name}\r\n`
        })
        .join('')

    async function handle(line: string): Promise<void> {
      commands.push(line)
      s.commands.push(line)
      const sp = line.indexOf(' ')
      const verb = (sp < 0 ? line : line.slice(0, sp)).toUpperCase()
      const arg = sp < 0 ? '' : line.slice(sp + 1)
      const override = opts.replies?.[verb]
      if (override !== undefined) {
        const r = typeof override === 'function' ? override(arg, s) : override
        if (r === null) return
        if (r !== undefined) return send(r)
      }
      const target = /^(LIST|NLST)$/.test(verb) ? arg.replace(/^(-\w+\s*)+/, '') : arg
      const path = posix.resolve(s.cwd, target || '.')
      switch (verb) {
        case 'AUTH':
          if (!ctx || mode !== 'explicit' || s.tls) return send('503 AUTH not available')
          if (!/^(TLS|SSL)$/i.test(arg)) return send('504 Unsupported AUTH type')
          ctl.removeListener('data', onData)
          send('234 AUTH TLS successful')
          buf = '' // anything pipelined before the handshake is discarded (no plaintext injection)
          decoder = new StringDecoder('utf8')
          attach(secure(raw, ctx))
          s.tls = true
          return
        case 'USER':
          s.user = arg
          s.passwordOk = s.loggedIn = false
          s.account = undefined
          return send('331 Password required')
        case 'PASS':
          if (s.user === undefined) return send('503 Login with USER first')
          if (
            (opts.user !== undefined && s.user !== opts.user) ||
            (opts.password !== undefined && arg !== opts.password)
          )
            return send('530 Login incorrect')
          s.passwordOk = true
          if (opts.requireAccount !== undefined) return send('332 Need account for login')
          s.loggedIn = true
          return send('230 Login successful')
        case 'ACCT':
          if (opts.requireAccount === undefined) return send('202 ACCT not needed')
          if (!s.passwordOk) return send('503 Login with USER and PASS first')
          if (arg !== opts.requireAccount) return send('530 Account not accepted')
          s.account = arg
          s.loggedIn = true
          return send('230 Login successful')
        case 'QUIT':
          send('221 Goodbye')
          ctl.end()
          return
        case 'NOOP':
          return send('200 NOOP ok')
        case 'SYST':
          return send('215 UNIX Type: L8')
        case 'OPTS':
          return send('200 Option set')
        case 'FEAT': {
          const tlsFeats = ctx ? [...(mode === 'explicit' ? [' AUTH TLS'] : []), ' PBSZ', ' PROT'] : []
          return send(
            [
              '211-Features:',
              ' UTF8',
              ' EPSV',
              ' PASV',
              ' SIZE',
              ' MLST type*;size*;modify*;',
              ...tlsFeats,
              '211 End'
            ].join('\n')
          )
        }
        case 'PBSZ':
          return send(s.tls ? '200 PBSZ=0' : '503 PBSZ needs a TLS control connection')
        case 'PROT':
          if (!s.tls) return send('503 PROT needs a TLS control connection')
          if (!/^[CP]$/i.test(arg)) return send('504 Unsupported protection level')
          s.prot = arg.toUpperCase() as 'C' | 'P'
          return send(`200 Protection level set to ${s.prot}`)
      }
      if (!s.loggedIn) return send('530 Please login with USER and PASS')
      switch (verb) {
        case 'TYPE':
          return send(`200 Type set to ${arg}`)
        case 'STRU':
          return send(/^F$/i.test(arg) ? '200 Structure set to F' : '504 Unsupported structure')
        case 'MODE':
          return send(/^S$/i.test(arg) ? '200 Mode set to S' : '504 Unsupported mode')
        case 'PWD':
          return send(`257 "${s.cwd}" is the current directory`)
        case 'CWD':
          if (!dirs.has(path)) return send('550 No such directory')
          s.cwd = path
          return send('250 Directory changed')
        case 'CDUP':
          s.cwd = posix.dirname(s.cwd)
          return send('250 Directory changed')
        case 'MKD':
          if (dirs.has(path) || files.has(path) || !dirs.has(posix.dirname(path)))
            return send('550 Create directory failed')
          dirs.add(path)
          return send(`257 "${path}" created`)
        case 'RMD':
          if (path === '/' || !dirs.has(path) || children(path).length > 0) return send('550 Remove directory failed')
          dirs.delete(path)
          return send('250 Directory removed')
        case 'DELE':
          if (!files.delete(path)) return send('550 No such file')
          return send('250 File deleted')
        case 'SIZE': {
          const f = files.get(path)
          return send(f ? `213 ${f.length}` : '550 No such file')
        }
        case 'RNFR':
          if (!files.has(path) && !dirs.has(path)) return send('550 No such file or directory')
          s.renameFrom = path
          return send('350 Ready for RNTO')
        case 'RNTO': {
          const from = s.renameFrom
          s.renameFrom = undefined
          if (from === undefined) return send('503 RNFR first')
          const f = files.get(from)
          if (!f || !dirs.has(posix.dirname(path))) return send('550 Rename failed')
          files.delete(from)
          files.set(path, f)
          return send('250 Rename successful')
        }
        case 'EPSV':
          if (/^ALL$/i.test(arg)) return send('200 EPSV ALL ok')
          return send(`229 Entering Extended Passive Mode (|||${await openPassive()}|)`)
        case 'PASV': {
          const port = await openPassive()
          const host = (opts.pasvAddress ?? '127.0.0.1').split('.').join(',')
          return send(`227 Entering Passive Mode (${host},${port >> 8},${port & 255})`)
        }
        case 'STOR':
        case 'APPE':
          return store(verb, path)
        case 'RETR': {
          const f = files.get(path)
          return f ? sendData(f) : send('550 No such file')
        }
        case 'LIST':
        case 'MLSD':
          return dirs.has(path) ? sendData(listing(path, verb === 'MLSD')) : send('550 No such directory')
        case 'NLST':
          return sendData(
            children(path)
              .map(p => posix.basename(p) + '\r\n')
              .join('')
          )
        default:
          return send('502 Command not implemented')
      }
    }

    attach(mode === 'implicit' && ctx ? secure(raw, ctx) : raw)
    s.tls = ctl !== raw
    raw.on('close', closePassive)
    if (opts.greeting !== null) send(opts.greeting ?? '220 Scripted FTP server ready')
  }

  const listener = net.createServer(raw => serve(track(raw)))
  listener.on('error', noop)
  listener.listen(0, '127.0.0.1')
  await once(listener, 'listening')
  return {
    host: '127.0.0.1',
    port: (listener.address() as net.AddressInfo).port,
    pki,
    commands,
    files,
    dirs,
    sessions,
    dataConnections,
    async close(): Promise<void> {
      closed = true
      const done = new Promise<void>(resolve => listener.close(() => resolve()))
      for (const server of servers) server.close(noop)
      servers.clear()
      for (const sock of sockets) sock.destroy()
      await done
    }
  }
}
