/**
 * Which TLS a data connection offers and which session it resumes. As a rule the control
 * connection's (a TLS 1.2 session, or the newest TLS 1.3 ticket): vsftpd, ProFTPD and FileZilla
 * Server require a data connection to resume it. Resuming a TLS 1.2 session takes TLS 1.2, so
 * that is all such a data connection offers: offering TLS 1.3 as well costs a key share made and
 * never used, about a sixth of a resumed data connection's CPU here.
 *
 * A TLS 1.3 server that gave no ticket by the session's first transfer (pure-ftpd) leaves
 * nothing to resume: every data connection would be a full handshake, the server signing and
 * this client verifying the certificate chain once per file, on loopback the largest CPU cost of
 * a small file on both ends. There the session's data connections offer TLS 1.2, whose sessions
 * resume many times: the first is verified in full (chain, name, pin, as every new one) and the
 * others resume its session, kept only once that connection passed its checks (keepSessionFrom).
 */
import type { Client } from 'basic-ftp'
import { ConnectionOptions, TLSSocket } from 'node:tls'
import { controlSocket, dataTlsOptions, keepSessionFrom, sessionToResume } from './basic-ftp.js'
import { cappedAtTls12 } from './tls-options.js'

export interface DataTls {
  /** tls.connect's options, the session to resume among them. */
  options: ConnectionOptions
  /** Keeps the connection's session for the next ones, once `trust()` is called (after its checks). */
  keep(socket: TLSSocket): () => void
}

/** Per control connection that resumes its data connections' own sessions: the options, the newest session. */
const own = new WeakMap<Client, { options: ConnectionOptions; session?: Buffer }>()

export function dataTls(client: Client): DataTls {
  const version = controlVersion(client)
  let mine = own.get(client)
  if (mine === undefined && version === 'TLSv1.3' && sessionToResume(client) === undefined) {
    const options = cappedAtTls12(dataTlsOptions(client))
    if (options !== undefined) own.set(client, (mine = { options }))
  }
  if (mine === undefined) {
    const options = dataTlsOptions(client)
    return {
      options: { ...((version === 'TLSv1.2' && cappedAtTls12(options)) || options), session: sessionToResume(client) },
      keep: socket => keepSessionFrom(client, socket)
    }
  }
  const kept = mine
  return {
    options: { ...kept.options, session: kept.session },
    keep: socket => keepSessionFrom(client, socket, session => (kept.session = session))
  }
}

/** The TLS version of the control connection (undefined in plain FTP). */
function controlVersion(client: Client): string | undefined {
  const control = controlSocket(client)
  return control instanceof TLSSocket ? (control.getProtocol() ?? undefined) : undefined
}
