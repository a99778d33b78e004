/**
 * Opens an SFTP session: the SSH connection, the host key checked against `ssh-host-key` in
 * ssh2's hostVerifier (during the key exchange, so before any credential is sent), the login
 * (password and/or key), the SFTP channel and the login directory. Every failure is one line a
 * user can act on: the fingerprint to pin, a host key that differs, a refused password or key.
 */
import '../core/ssh2-globals.js'
import type { ConnectConfig, SFTPWrapper } from 'ssh2'
import { DeployError, ReplyError } from '../core/errors.js'
import { hostKeyFingerprint } from '../core/host-key.js'
import { redact } from '../core/log.js'
import type { SessionFactory } from '../core/remote-session.js'
import { ServerRecord } from '../core/server-record.js'
import type { Settings } from '../core/settings.js'
import { translated } from './errors.js'
import { SftpSession } from './session.js'

/** ssh2's debug lines for each data packet and window change: thousands per megabyte, nothing to read. */
const NOISE = /CHANNEL_DATA|CHANNEL_WINDOW_ADJUST|Buffered WRITE|Sent WRITE/

/** What the host key check saw, for the error when the connection ends on it. */
interface HostCheck {
  fingerprint?: string
  refused?: DeployError
}

export const openSftpSession: SessionFactory = async (
  settings,
  log,
  server = new ServerRecord(log, { atomic: settings.atomic })
) => {
  if (server.stopped !== undefined) throw server.stopped
  const where = `${settings.host}:${settings.port}`
  const secrets = [settings.password, settings.sshPassphrase]
  const seen: HostCheck = {}
  // Loaded on the first SFTP connection, not at start (an FTPS run never needs it; it costs some 40 ms).
  const { Client } = (await import(/* webpackMode: "eager" */ 'ssh2')).default
  const client = new Client()
  // ssh2 may emit errors after the one that failed the connection (or after the session is
  // closed): never unhandled; the ones that matter reach the promises below.
  client.on('error', (err: Error) => log.debug(`SSH connection: ${redact(err.message, secrets)}`))
  const config: ConnectConfig = {
    host: settings.host,
    port: settings.port,
    username: settings.user,
    readyTimeout: settings.timeoutMs,
    // A server that stops answering (a dead link, a black hole) ends the connection within about
    // `timeout`: three keepalives unanswered, then every request in flight fails and is retried.
    keepaliveInterval: Math.max(500, Math.round(settings.timeoutMs / 3)),
    keepaliveCountMax: 3,
    tryKeyboard: false,
    // Straight to the methods given: ssh2 would first try 'none', a round trip every session pays.
    authHandler: authMethods(settings),
    hostVerifier: (key: Buffer) => checkHostKey(settings, where, key, seen),
    ...(settings.password !== '' && settings.password !== 'anonymous@' ? { password: settings.password } : {}),
    ...(settings.sshKey !== undefined ? { privateKey: settings.sshKey } : {}),
    ...(settings.sshPassphrase !== '' ? { passphrase: settings.sshPassphrase } : {}),
    ...(settings.sourceAddress !== undefined ? { localAddress: settings.sourceAddress } : {}),
    // The SFTP requests and the SSH steps at debug level; not the packets that carry them.
    ...(log.debugEnabled === false ? {} : { debug: (m: string) => NOISE.test(m) || log.debug(redact(m, secrets)) })
  }
  const handshake = handshakeOf(server)
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve())
      client.once('error', reject)
      client.once('close', () => reject(new Error('the connection closed during the SSH handshake')))
      client.connect(config)
      // Requests go out as they are made (no Nagle delay behind the one before).
      client.setNoDelay(true)
    }).finally(handshake.done)
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) =>
      client.sftp((err, channel) => (err ? reject(channelRefused(err)) : resolve(channel)))
    )
    const home = await new Promise<string>((resolve, reject) =>
      sftp.realpath('.', (err, path) => (err ? reject(translated(err, 'realpath .')) : resolve(path)))
    )
    return new SftpSession(client, sftp, seen.fingerprint ?? '', home, server, log)
  } catch (err) {
    client.end()
    if (seen.refused !== undefined) {
      server.stopped ??= seen.refused
      throw seen.refused
    }
    if (err instanceof DeployError || err instanceof ReplyError) throw err
    throw connectFailed(settings, where, err, secrets, handshake.crowded)
  }
}

/** The login methods the inputs give: the key first (no password on the wire when it is taken). */
function authMethods(settings: Settings): ('publickey' | 'password' | 'none')[] {
  const methods: ('publickey' | 'password')[] = []
  if (settings.sshKey !== undefined) methods.push('publickey')
  if (settings.password !== '' && settings.password !== 'anonymous@') methods.push('password')
  return methods.length > 0 ? methods : ['none']
}

/** The host key against `ssh-host-key`: true lets the key exchange go on; false ends it, no credential sent. */
function checkHostKey(settings: Settings, where: string, key: Buffer, seen: HostCheck): boolean {
  const fingerprint = hostKeyFingerprint(key)
  seen.fingerprint = fingerprint
  if (settings.sshHostKeyAny) return true
  if (settings.sshHostKeys.includes(fingerprint)) return true
  seen.refused =
    settings.sshHostKeys.length === 0
      ? new DeployError(
          `The server ${where} presented host key ${fingerprint}; no ssh-host-key is given, so the run stopped before logging in. ` +
            `Check it (ssh-keyscan -p ${settings.port} ${settings.host} | ssh-keygen -lf -) and add the input: ssh-host-key: ${fingerprint}`,
          { command: 'host key', fatal: true, transient: false }
        )
      : new DeployError(
          `Host key mismatch: ${where} presented ${fingerprint}, which is not in ssh-host-key (${settings.sshHostKeys.join(', ')}); ` +
            'the run stopped before sending any credential. If the server\u2019s key changed on purpose, pin the new one',
          { command: 'host key', fatal: true, transient: false }
        )
  return false
}

/** A refused channel: the server's session limit (MaxSessions), told as the pool reads limits. */
function channelRefused(err: Error): unknown {
  if (/open failed|administratively prohibited|channel open failure/i.test(err.message)) {
    return new ReplyError(421, `Too many sessions: the server refused an SFTP channel (${err.message})`)
  }
  return err
}

/** Each run's SSH handshakes in progress (by its server record), each told whether another overlapped it. */
const handshakes = new WeakMap<ServerRecord, Set<{ crowded: boolean }>>()

/** A handshake begins: `crowded` once another of the run's is in progress at the same time. */
function handshakeOf(server: ServerRecord): { crowded: boolean; done: () => void } {
  const running = handshakes.get(server) ?? new Set()
  handshakes.set(server, running)
  const own = { crowded: running.size > 0 }
  for (const other of running) other.crowded = true
  running.add(own)
  return Object.assign(own, { done: () => void running.delete(own) })
}

function connectFailed(
  settings: Settings,
  where: string,
  err: unknown,
  secrets: string[],
  crowded: boolean
): DeployError {
  const message = redact(err instanceof Error ? err.message : String(err), secrets)
  const level = (err as { level?: unknown } | null)?.level
  if (level === 'client-authentication') {
    const tried = [
      ...(settings.password !== '' && settings.password !== 'anonymous@' ? ['the password'] : []),
      ...(settings.sshKey !== undefined ? ['the key in ssh-key'] : [])
    ]
    return new DeployError(
      `Login to ${where} as ${settings.user} failed: the server refused ${tried.join(' and ') || 'a login without password or key'}` +
        ' (wrong password, or a key the server does not know)',
      { command: 'login', code: 530, reply: message, transient: false }
    )
  }
  if (/lost before handshake/i.test(message) && !crowded) {
    // Alone, no MaxStartups of ours was reached: the network cut it (or other clients crowd the server).
    return new DeployError(
      `Could not connect to ${where}: the connection closed before the server's SSH banner arrived (a network fault, or a server that takes no connection now)`,
      { command: 'connect', transient: true },
      { cause: err }
    )
  }
  if (/lost before handshake/i.test(message)) {
    // sshd closes a connection before its banner when as many as MaxStartups are still logging
    // in (or PerSourceMaxStartups from this address), others of this run among them: the pool
    // reads it as the server's limit.
    const reply = 'Too many connections: the server closed the connection before the SSH handshake (sshd MaxStartups)'
    return new DeployError(`Could not connect to ${where}: ${reply}`, {
      command: 'connect',
      code: 421,
      reply,
      transient: true
    })
  }
  const code = (err as { code?: unknown } | null)?.code
  return new DeployError(
    `Could not connect to ${where}: ${message}`,
    { command: 'connect', transient: typeof code === 'string' || /timed out|closed|reset/i.test(message) },
    { cause: err }
  )
}
