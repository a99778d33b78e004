/** TLS options for control and data connections, the control connection's upgrade, and certificate pinning. */
import type { Socket } from 'node:net'
import {
  checkServerIdentity,
  connect as tlsConnect,
  ConnectionOptions,
  createSecureContext,
  PeerCertificate,
  rootCertificates,
  SecureContext,
  TLSSocket
} from 'node:tls'
import { DeployError } from '../core/errors.js'
import { Settings } from '../core/settings.js'

type TlsSettings = Pick<
  Settings,
  'host' | 'tlsVerify' | 'caCert' | 'tlsFingerprints' | 'tlsServername' | 'tlsMaxVersion' | 'sourceAddress'
>

/**
 * Options passed to tls.connect for the control connection and, by basic-ftp, for every
 * data connection, offering `groups` as the key-exchange groups in that order (undefined:
 * Node's own). With pinned fingerprints the chain check is ours (see checkCertificate):
 * a pinned self-signed certificate must be accepted, which Node's verifier would refuse.
 */
export function tlsOptionsFor(settings: TlsSettings, groups?: string): ConnectionOptions {
  return {
    // One context for every connection with these groups: building one parses the whole CA list
    // (some 27 ms with a ca-cert), a cost per data connection when left to tls.connect (BENCHMARKS.md).
    secureContext: contextFor(settings, groups),
    host: settings.host,
    // SNI must not carry an IP address (RFC 6066 3); the identity check still uses it.
    servername: isIpLiteral(settings.tlsServername) ? undefined : settings.tlsServername,
    checkServerIdentity: (_host, cert) => checkServerIdentity(settings.tlsServername, cert),
    rejectUnauthorized: settings.tlsVerify && settings.tlsFingerprints.length === 0
  }
}

/**
 * The same options with `groups` as the key-exchange groups, in that order (undefined: Node's
 * own), for data connections (see handshake.ts): a context is built only for groups used.
 */
export function withGroups(
  settings: TlsSettings,
  options: ConnectionOptions,
  groups: string | undefined
): ConnectionOptions {
  return { ...options, secureContext: contextFor(settings, groups) }
}

/**
 * The same options offering TLS 1.2 at most, everything else alike (data connections that resume
 * a session of their own, see data-tls.ts); undefined for options whose context was not made here.
 */
export function cappedAtTls12(options: ConnectionOptions): ConnectionOptions | undefined {
  const twin = options.secureContext === undefined ? undefined : tls12Twins.get(options.secureContext)
  return twin === undefined ? undefined : { ...options, secureContext: twin() }
}

const contexts = new WeakMap<TlsSettings, Map<string, SecureContext>>()
/** Each context's TLS 1.2 twin, made when first asked for (a context costs a parse of the CA list). */
const tls12Twins = new WeakMap<SecureContext, () => SecureContext>()
const cappedContexts = new WeakMap<TlsSettings, Map<string, SecureContext>>()

function contextFor(settings: TlsSettings, groups = '', capped = false): SecureContext {
  // The groups' order is the context's: one per order asked for, each built once per run.
  const all = capped ? cappedContexts : contexts
  let byGroups = all.get(settings)
  if (byGroups === undefined) all.set(settings, (byGroups = new Map()))
  let context = byGroups.get(groups)
  if (context === undefined) {
    context = createSecureContext({
      ca: settings.caCert === undefined ? undefined : [...rootCertificates, settings.caCert],
      minVersion: 'TLSv1.2',
      maxVersion: capped ? 'TLSv1.2' : settings.tlsMaxVersion,
      ...(groups === '' ? {} : { ecdhCurve: groups })
    })
    byGroups.set(groups, context)
    tls12Twins.set(context, () => contextFor(settings, groups, true))
  }
  return context
}

/** The key-exchange group orders a context was built for with these settings, in the order built. */
export function contextsBuilt(settings: TlsSettings): string[] {
  return [...(contexts.get(settings)?.keys() ?? [])]
}

function isIpLiteral(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(':')
}

/** Upgrades the control socket after a 234 reply to AUTH TLS. */
export function upgrade(socket: Socket, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
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

/** SHA-256 of the peer certificate as colon-separated uppercase hex. */
export function peerFingerprint(socket: TLSSocket): string {
  const cert: PeerCertificate = socket.getPeerCertificate()
  return cert.fingerprint256 ?? ''
}

/**
 * Checks the control connection's certificate before any credentials are sent: a pin must
 * match (a mismatch always fails, even with tls-verify false); otherwise Node's verdict stands.
 */
export function checkCertificate(socket: TLSSocket, settings: TlsSettings): string {
  const fingerprint = peerFingerprint(socket)
  if (settings.tlsFingerprints.length > 0) {
    if (!settings.tlsFingerprints.includes(fingerprint)) {
      throw new DeployError(
        `The server certificate's SHA-256 fingerprint ${fingerprint} matches none of tls-fingerprint (${settings.tlsFingerprints.join(', ')}); refusing to log in`
      )
    }
    return fingerprint
  }
  if (settings.tlsVerify && !socket.authorized) {
    throw new DeployError(`The server certificate could not be verified: ${String(socket.authorizationError)}`)
  }
  return fingerprint
}
