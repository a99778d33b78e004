/**
 * TLS on a data connection as soon as TCP is up, not on the server's 1xx: vsftpd sends its 150
 * only once it has accepted the connection, so waiting for it costs a round trip per transfer,
 * upload or download. The command has left by then. pyftpdlib before 1.5.9 still resets some
 * such handshakes (its issue 604) and then never answers the command: the session is given up
 * at once, and the run goes on with TLS after the 1xx (the server record's `earlyTls`).
 */
import { Client } from 'basic-ftp'
import { DeployError } from '../core/errors.js'
import { failSession } from './basic-ftp.js'
import type { DataConnection } from './data-connection.js'

/** How long a command whose early TLS handshake was reset may still be answered (a refusal) before the session is given up. */
const EARLY_RESET_GRACE_MS = 1000

/**
 * When TLS starts on a transfer's data connection: `early`, as soon as TCP is up (the command
 * has left by then), or after the server's 1xx as ftplib does. `onEarlyReset` hears of an early
 * handshake the server reset.
 */
export interface TlsTiming {
  early: boolean
  onEarlyReset(): void
}

/** TLS after the 1xx: for callers that do not say. */
export const TLS_ON_REPLY: TlsTiming = { early: false, onEarlyReset: () => undefined }

/**
 * Starts TLS on `data` now, where `tls` says so. `confirmed` is the command's outcome; `started`
 * says whether its 1xx came, `settled` whether the transfer is over.
 */
export function startTlsEarly(
  client: Client,
  data: DataConnection,
  confirmed: Promise<unknown>,
  tls: TlsTiming,
  state: { started(): boolean; settled(): boolean }
): void {
  if (!tls.early) return
  let secured = false
  data.ready().then(
    () => (secured = true),
    () => undefined
  )
  data.onError(err => {
    if (secured || state.started()) return
    // A server that refuses the command drops its data connection too: only one that then
    // leaves the command unanswered is the one that reset an early handshake.
    const timer = setTimeout(() => {
      if (state.settled()) return
      tls.onEarlyReset()
      failSession(
        client,
        new DeployError(`The data connection was reset during its TLS handshake (${err.message})`, {
          transient: true
        })
      )
    }, EARLY_RESET_GRACE_MS)
    confirmed.then(
      () => clearTimeout(timer),
      () => clearTimeout(timer)
    )
  })
}
