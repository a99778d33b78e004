/** Opens an FTPS session: the control connection secured, logged in and protected (handshake.ts). */
import { Client } from 'basic-ftp'
import { TLSSocket } from 'node:tls'
import { DeployError } from '../core/errors.js'
import { redact } from '../core/log.js'
import type { SessionFactory } from '../core/remote-session.js'
import { ServerRecord } from '../core/server-record.js'
import {
  bindSockets,
  controlSocket,
  dropTaskStacks,
  refuseLongLines,
  setNameEncoding,
  setProtocolLog,
  skipStrayCompletions
} from './basic-ftp.js'
import { PassiveConnector } from './data-connection.js'
import { loginAndProtect, secureControl } from './handshake.js'
import { LoginReadsLost } from './login-reads-lost.js'
import { HelloLost } from './hello-with-auth.js'
import { BasicFtpSession } from './session.js'
import { peerFingerprint } from './tls-options.js'
import { translated, translatedError } from './translate.js'

/** Opens a secured, logged-in session. The password never reaches a log line. */
export const openSession: SessionFactory = async (
  settings,
  log,
  server = new ServerRecord(log, { atomic: true }),
  ahead,
  steps = {}
) => {
  if (server.stopped !== undefined) throw server.stopped
  const client = new Client(settings.timeoutMs)
  setNameEncoding(client, settings.encoding)
  // The protocol log only when someone reads it: redacting every line costs CPU on every file.
  setProtocolLog(
    client,
    log.debugEnabled === false
      ? undefined
      : message => log.debug(redact(withoutAccount(message.trimEnd()), [settings.password]))
  )
  dropTaskStacks(client)
  skipStrayCompletions(client)
  refuseLongLines(client)
  if (settings.sourceAddress !== undefined) bindSockets(client, settings.sourceAddress)
  const connector = new PassiveConnector(settings.tlsFingerprints, settings.sourceAddress, server)
  client.prepareTransfer = connector.prepareTransfer(client)
  // Ended from outside (the lock found another run's): the connection goes at once, its slot with it.
  const abort = (): void => client.close()
  steps.signal?.addEventListener('abort', abort, { once: true })
  try {
    if (steps.signal?.aborted === true) throw new Error('the opening was ended')
    await secureControl(client, settings, server, steps.greeted)
    // Another connection's login first, where the server counts its limit at login.
    await steps.loginAfter
    // The reads that ride in the login's write, with a passive port for the transfer after them.
    const reads = ahead === undefined ? [] : await ahead.catch(() => [])
    const asked = reads.length > 0 ? [...reads, connector.passiveCommand] : []
    const { home, features, ahead: replies } = await loginAndProtect(client, settings, server, asked)
    const socket = controlSocket(client)
    const tlsVersion = socket instanceof TLSSocket ? (socket.getProtocol() ?? '') : ''
    const fingerprint = socket instanceof TLSSocket ? peerFingerprint(socket) : ''
    const session = new BasicFtpSession(client, connector, tlsVersion, fingerprint, home, server, log, features)
    server.hashAlgorithm = session.hashAlgorithm
    if (replies !== undefined) {
      connector.prepare(replies.pop()!)
      session.loginReplies = new Map(reads.map((command, i) => [command, replies[i]!]))
    }
    return translated(session)
  } catch (err) {
    client.close()
    // A read in the login's write lost the connection: once more, without reads.
    if (err instanceof LoginReadsLost) return openSession(settings, log, server, undefined, steps)
    // A server that only looks like vsftpd dropped the hello sent with AUTH TLS: again, after the 234.
    if (err instanceof HelloLost) {
      server.helloLost()
      return openSession(settings, log, server, ahead, steps)
    }
    if (err instanceof DeployError) throw err
    throw new DeployError(
      `Could not connect to ${settings.host}:${settings.port}: ${redact(err instanceof Error ? err.message : String(err), [settings.password])}`,
      {},
      { cause: translatedError(err) }
    )
  } finally {
    steps.signal?.removeEventListener('abort', abort)
  }
}

/** The account travels like a password (ACCT, RFC 959 4.1.1): its line is logged as basic-ftp logs PASS. */
function withoutAccount(line: string): string {
  return line.replace(/^(\S* ?> ACCT ).*$/m, '$1###')
}
