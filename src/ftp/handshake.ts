/**
 * The control connection's handshake, step by step, each step required (RFC 4217, RFC 959):
 * basic-ftp's `access` ignores a refused PBSZ/PROT P and never sends ACCT.
 */
import { Client, FTPError, FTPResponse } from 'basic-ftp'
import { ConnectionOptions, TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import type { ServerRecord } from '../core/server-record.js'
import { Settings } from '../core/settings.js'
import { BatchStopped, controlSocket, Reply, sendPipelined, setDataTlsOptions, useControlSocket } from './basic-ftp.js'
import { commandNamed, fitsCommand, lineTooLong } from './pipelining.js'
import { readsLost } from './login-reads-lost.js'
import { checkCertificate, tlsOptionsFor, upgrade, withGroups } from './tls-options.js'
import { upgradeWithAuth } from './hello-with-auth.js'
import { controlGroups, groupOf, groupsFirst, groupsStartingWith } from './key-groups.js'

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

/** Connects and secures the control connection; resolves with the server's greeting. */
export async function secureControl(
  client: Client,
  settings: Settings,
  server: Pick<ServerRecord, 'keyGroup' | 'helloWithAuth' | 'greeted'>,
  greeted?: () => void
): Promise<string> {
  // Only the context the control connection uses is built (it parses every root certificate).
  let options: ConnectionOptions
  let greeting: FTPResponse
  // No Nagle on the control connection: a write sent while an earlier one is unacknowledged
  // (a pipelined commit's second write) leaves at once, not an RTT or a delayed ACK later.
  if (settings.tls === 'implicit') {
    options = tlsOptionsFor(settings, controlGroups(server))
    const connecting = client.connectImplicitTLS(settings.host, settings.port, {
      ...options,
      localAddress: settings.sourceAddress
    } as ConnectionOptions)
    controlSocket(client).setNoDelay(true)
    greeting = await connecting
    server.greeted(greeting.message)
    greeted?.()
  } else {
    const connecting = client.connect(settings.host, settings.port)
    const socket = controlSocket(client)
    socket.setNoDelay(true)
    // The context is built once TCP is up, while the greeting is on its way (not before the SYN).
    const plain = settings.tls === 'none'
    const built = new Promise<ConnectionOptions>(resolve =>
      socket.once('connect', () => resolve(plain ? {} : tlsOptionsFor(settings, controlGroups(server))))
    )
    greeting = await connecting
    server.greeted(greeting.message)
    greeted?.()
    if (plain) return greeting.message
    options = await built
    // RFC 4217 4: only 234 means the server will negotiate; anything else ends the run before USER.
    const what = 'The server refused TLS (nothing was sent in clear)'
    if (server.helloWithAuth === true) await upgradeWithAuth(client, options, settings.timeoutMs, what)
    else {
      await expectReply(client, 'AUTH TLS', [234], what)
      useControlSocket(client, await upgrade(controlSocket(client), options, settings.timeoutMs))
    }
  }
  const secured = controlSocket(client) as TLSSocket
  checkCertificate(secured, settings)
  const key = secured.getEphemeralKeyInfo()
  if (groupsFirst(groupOf(key)) !== undefined) server.keyGroup = groupOf(key)
  setDataTlsOptions(client, withGroups(settings, options, groupsStartingWith(key)))
  return greeting.message
}

/**
 * Logs in and protects the session: where the server takes pipelined commands, USER and PASS go
 * in the same write as protect's commands (one round trip for all, not three), and `ahead`'s
 * reads behind them (their replies in `ahead`: undefined where they were not sent, or were
 * answered before the login was done); a server that asks for an account (332) gets ACCT and
 * protect's commands again after it.
 */
export async function loginAndProtect(
  client: Client,
  settings: Settings,
  server: ServerRecord,
  ahead: string[] = []
): Promise<{ features: Map<string, string>; home: string; ahead?: Reply[] }> {
  if (!server.pipelining || !server.loginTogether) {
    await login(client, settings)
    return protect(client, settings, server)
  }
  const what = `Login as ${settings.user} failed`
  // The reads are a saving, not a need: a path too long for a command line is met where it is asked again.
  if (ahead.some(command => lineTooLong(command, Buffer.byteLength(`${command}\r\n`)) !== undefined)) ahead = []
  const { commands, read } = protectSteps(settings)
  // OPTS UTF8 ON whatever FEAT says (basic-ftp sends it so too): its reply is not read.
  const utf8 = settings.encoding === 'utf8' ? ['OPTS UTF8 ON'] : []
  const all = [`USER ${settings.user}`, `PASS ${settings.password}`, ...commands, ...utf8, ...ahead]
  let replies: Reply[]
  try {
    replies = await sendPipelined(client, all, fitsCommand)
  } catch (err) {
    if (!(err instanceof BatchStopped)) throw refused('USER, PASS, ' + commands.join(', '), err, what)
    if (err.replies.length >= all.length - ahead.length) throw readsLost(err, server)
    // A server that refuses the login and hangs up (ProFTPD's 530 on too many clients): that
    // refusal, as one command at a time would have met it; else the command whose reply did
    // not come (never PASS's argument).
    const [user, pass] = err.replies
    const res = user && expectedOr(user, `USER ${settings.user}`, [230, 331, 332], what)
    if (res?.code === 331 && pass !== undefined) expectedOr(pass, 'PASS', [230, 202, 332], what)
    throw refused(commandNamed(err.command), err.cause, what)
  }
  let res = expectedOr(replies[0]!, `USER ${settings.user}`, [230, 331, 332], what)
  if (res.code === 331) res = expectedOr(replies[1]!, 'PASS', [230, 202, 332], what)
  if (res.code !== 332) {
    const done = await finishProtect(client, settings, server, read(replies.slice(2)), utf8.length > 0)
    return ahead.length > 0 ? { ...done, ahead: replies.slice(all.length - ahead.length) } : done
  }
  // The commands after PASS were refused before the account: again once it is given.
  await account(client, settings, res, what)
  return protect(client, settings, server)
}

/** A reply to a command sent together: one of `expected`, else the failure naming the command. */
function expectedOr(res: Reply, shown: string, expected: number[], what: string): Reply {
  if (expected.includes(res.code)) return res
  throw new DeployError(`${what}: the server answered ${shown} with ${res.message}`, {
    command: shown,
    code: res.code,
    reply: res.message
  })
}

export async function login(client: Client, settings: Settings): Promise<void> {
  const what = `Login as ${settings.user} failed`
  // RFC 959 5.4: USER -> 230 | 331 | 332; PASS -> 230 | 202 | 332; ACCT -> 230 | 202.
  let res = await expectReply(client, `USER ${settings.user}`, [230, 331, 332], what)
  if (res.code === 331) res = await expectReply(client, `PASS ${settings.password}`, [230, 202, 332], what, 'PASS')
  if (res.code === 332) await account(client, settings, res, what)
}

/** ACCT after a 332 (RFC 959 5.4), with the account input; none given: the failure says to set it. */
async function account(client: Client, settings: Settings, res: Reply, what: string): Promise<void> {
  {
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
  const { commands, read } = protectSteps(settings)
  let replies: Reply[]
  try {
    replies = server.pipelining ? await sendPipelined(client, commands, fitsCommand) : await oneByOne(client, commands)
  } catch (err) {
    throw refused(commands.join(', '), err, 'Could not set up the session')
  }
  return finishProtect(client, settings, server, read(replies))
}

/** protect's commands, and how their replies are read (throws on a refused step). */
function protectSteps(settings: Settings): {
  commands: string[]
  read: (replies: Reply[]) => { features: Map<string, string>; home: string }
} {
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
  const read = (replies: Reply[]): { features: Map<string, string>; home: string } => {
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
    const pwd = replies[steps.length]!
    const home = /"(.+)"/.exec(pwd.message)?.[1]
    if (home === undefined) throw new Error(`Could not read the login directory from ${pwd.message}`)
    return { features: parseFeatures(replies[0]!), home }
  }
  return { commands: ['FEAT', ...steps.map(([command]) => command)], read }
}

async function finishProtect(
  client: Client,
  settings: Settings,
  server: ServerRecord,
  done: { features: Map<string, string>; home: string },
  utf8Sent = false
): Promise<{ features: Map<string, string>; home: string }> {
  const { features } = done
  // MLSD when FEAT lists MLST (RFC 3659 7.8), else LIST; LIST too once MLSD failed where LIST worked.
  server.listCommand ??= features.has('MLST') ? 'MLSD' : 'LIST'
  client.availableListCommands = server.listCommand === 'MLSD' ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST']
  if (!utf8Sent && settings.encoding === 'utf8' && features.has('UTF8')) await client.sendIgnoringError('OPTS UTF8 ON')
  return done
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
