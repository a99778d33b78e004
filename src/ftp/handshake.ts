/**
 * The control connection's handshake, step by step, each step required (RFC 4217, RFC 959):
 * basic-ftp's `access` ignores a refused PBSZ/PROT P and never sends ACCT.
 */
import { Client, FTPError, FTPResponse } from 'basic-ftp'
import { Socket } from 'node:net'
import { connect as tlsConnect, ConnectionOptions, TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import type { ServerRecord } from '../core/server-record.js'
import { Settings } from '../core/settings.js'
import { controlSocket, Reply, sendPipelined, setDataTlsOptions, useControlSocket } from './basic-ftp.js'
import { fitsCommand } from './pipelining.js'
import { checkCertificate, tlsOptionsFor, withGroups } from './tls-options.js'

/** Turns a refused command into a DeployError naming the command and the reply. */
export function refused(command: string, err: unknown, what: string): DeployError {
  if (err instanceof FTPError) {
    return new DeployError(`${what}: the server answered ${command} with ${err.message}`, {
      command,
      code: err.code,
      reply: err.message
    })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new DeployError(`${what}: ${command} failed: ${message}`, { command }, { cause: err })
}

/** Sends a command and requires a reply with one of the expected codes. */
async function expectReply(
  client: Client,
  command: string,
  expected: number[],
  what: string,
  shown = command
): Promise<FTPResponse> {
  let res: FTPResponse
  try {
    res = await client.send(command)
  } catch (err) {
    throw refused(shown, err, what)
  }
  if (!expected.includes(res.code)) {
    throw new DeployError(`${what}: the server answered ${shown} with ${res.message}`, {
      command: shown,
      code: res.code,
      reply: res.message
    })
  }
  return res
}

/** Upgrades the control socket after a 234 reply to AUTH TLS. */
function upgrade(socket: Socket, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tlsSocket = tlsConnect({ ...options, socket }, () => {
      tlsSocket.setTimeout(0)
      tlsSocket.removeListener('error', reject)
      resolve(tlsSocket)
    })
    tlsSocket.once('error', reject)
    tlsSocket.setTimeout(timeoutMs, () =>
      tlsSocket.destroy(new Error(`TLS handshake timed out after ${timeoutMs / 1000} s`))
    )
  })
}

/**
 * The key-exchange groups for data connections, the one the server chose for the control
 * connection first: a TLS 1.3 client sends a key share for its first group only, and a server
 * that wants another (vsftpd and pure-ftpd take P-256, Node offers X25519) asks again with a
 * HelloRetryRequest, a round trip more on every data connection.
 */
const GROUPS = ['X25519', 'prime256v1', 'secp384r1', 'secp521r1']

export function groupsStartingWith(key: ReturnType<TLSSocket['getEphemeralKeyInfo']>): string | undefined {
  const chosen = key !== null && typeof key === 'object' && 'name' in key ? key.name : undefined
  if (typeof chosen !== 'string' || !GROUPS.includes(chosen)) return undefined
  return [chosen, ...GROUPS.filter(group => group !== chosen)].join(':')
}

/** Connects and secures the control connection; resolves with the server's greeting. */
export async function secureControl(client: Client, settings: Settings): Promise<string> {
  const options = tlsOptionsFor(settings)
  let greeting: FTPResponse
  if (settings.tls === 'implicit') {
    greeting = await client.connectImplicitTLS(settings.host, settings.port, {
      ...options,
      localAddress: settings.sourceAddress
    } as ConnectionOptions)
  } else {
    greeting = await client.connect(settings.host, settings.port)
    if (settings.tls === 'none') return greeting.message
    // RFC 4217 4: only 234 means the server will negotiate; anything else ends the run before USER.
    await expectReply(client, 'AUTH TLS', [234], 'The server refused TLS (nothing was sent in clear)')
    useControlSocket(client, await upgrade(controlSocket(client), options, settings.timeoutMs))
  }
  const secured = controlSocket(client) as TLSSocket
  checkCertificate(secured, settings)
  setDataTlsOptions(client, withGroups(settings, options, groupsStartingWith(secured.getEphemeralKeyInfo())))
  return greeting.message
}

export async function login(client: Client, settings: Settings): Promise<void> {
  const what = `Login as ${settings.user} failed`
  // RFC 959 5.4: USER -> 230 | 331 | 332; PASS -> 230 | 202 | 332; ACCT -> 230 | 202.
  let res = await expectReply(client, `USER ${settings.user}`, [230, 331, 332], what)
  if (res.code === 331) res = await expectReply(client, `PASS ${settings.password}`, [230, 202, 332], what, 'PASS')
  if (res.code === 332) {
    if (settings.account === '') {
      throw new DeployError(`${what}: the server asks for an account (${res.message}); set the account input`, {
        command: 'PASS',
        code: 332,
        reply: res.message
      })
    }
    await expectReply(client, `ACCT ${settings.account}`, [230, 202], what, 'ACCT')
  }
}

/**
 * After login: FEAT, binary mode, protected data connections (each required) and the login
 * directory, sent together where the server takes pipelined commands (one round trip, not
 * five). Resolves with the features and the login directory (PWD).
 */
export async function protect(
  client: Client,
  settings: Settings,
  server: ServerRecord
): Promise<{ features: Map<string, string>; home: string }> {
  const steps: [string, number[], string][] = [
    ['TYPE I', [200], 'The server refused binary mode'],
    // basic-ftp ignores a refused PBSZ/PROT P; we must not, or files would go in clear.
    ...(settings.tls === 'none'
      ? []
      : ([
          ['PBSZ 0', [200], PROTECT_REFUSED],
          ['PROT P', [200], PROTECT_REFUSED]
        ] as [string, number[], string][])),
    ['PWD', [257], 'Could not read the login directory']
  ]
  const commands = ['FEAT', ...steps.map(([command]) => command)]
  let replies: Reply[]
  try {
    replies = server.pipelining ? await sendPipelined(client, commands, fitsCommand) : await oneByOne(client, commands)
  } catch (err) {
    throw refused(commands.join(', '), err, 'Could not set up the session')
  }
  const features = parseFeatures(replies[0]!)
  steps.forEach(([command, expected, what], i) => {
    const res = replies[i + 1]!
    if (!expected.includes(res.code)) {
      throw new DeployError(`${what}: the server answered ${command} with ${res.message}`, {
        command,
        code: res.code,
        reply: res.message
      })
    }
  })
  // MLSD when FEAT lists MLST (RFC 3659 7.8), else LIST; LIST too once MLSD failed where LIST worked.
  server.listCommand ??= features.has('MLST') ? 'MLSD' : 'LIST'
  client.availableListCommands = server.listCommand === 'MLSD' ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST']
  if (settings.encoding === 'utf8' && features.has('UTF8')) await client.sendIgnoringError('OPTS UTF8 ON')
  const home = /"(.+)"/.exec(replies[replies.length - 1]!.message)?.[1]
  if (home === undefined)
    throw new Error(`Could not read the login directory from ${replies[replies.length - 1]!.message}`)
  return { features, home }
}

const PROTECT_REFUSED = 'The server refused to protect data connections (no file was sent)'

/** The same replies as sendPipelined, one command at a time. */
async function oneByOne(client: Client, commands: string[]): Promise<Reply[]> {
  const replies: Reply[] = []
  for (const command of commands) {
    const res = await client.sendIgnoringError(command)
    replies.push({ code: res.code, message: res.message })
  }
  return replies
}

/** FEAT's multi-line reply (RFC 2389) as feature -> parameters, as basic-ftp reads it. */
function parseFeatures(res: Reply): Map<string, string> {
  const features = new Map<string, string>()
  const lines = res.message.split('\n')
  if (res.code >= 400 || lines.length < 3) return features
  for (const line of lines.slice(1, -1)) {
    const [name, ...rest] = line.trim().split(' ')
    if (name) features.set(name.toUpperCase(), rest.join(' '))
  }
  return features
}
