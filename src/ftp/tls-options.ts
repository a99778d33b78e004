/** TLS options for control and data connections, and certificate pinning. */
import {
  checkServerIdentity,
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
 * data connection. With pinned fingerprints the chain check is ours (see checkCertificate):
 * a pinned self-signed certificate must be accepted, which Node's verifier would refuse.
 */
export function tlsOptionsFor(settings: TlsSettings): ConnectionOptions {
  return {
    // One context for every connection: building one parses the whole CA list, a cost per data
    // connection when left to tls.connect (BENCHMARKS.md).
    secureContext: contextFor(settings),
    host: settings.host,
    // SNI must not carry an IP address (RFC 6066 3); the identity check still uses it.
    servername: isIpLiteral(settings.tlsServername) ? undefined : settings.tlsServername,
    checkServerIdentity: (_host, cert) => checkServerIdentity(settings.tlsServername, cert),
    rejectUnauthorized: settings.tlsVerify && settings.tlsFingerprints.length === 0
  }
}

/** The same options with `groups` as the key-exchange groups, in that order (data connections, see handshake.ts). */
export function withGroups(
  settings: TlsSettings,
  options: ConnectionOptions,
  groups: string | undefined
): ConnectionOptions {
  return groups === undefined ? options : { ...options, secureContext: contextFor(settings, groups) }
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

function contextFor(settings: TlsSettings, groups = '', maxVersion = settings.tlsMaxVersion): SecureContext {
  let byGroups = contexts.get(settings)
  if (byGroups === undefined) contexts.set(settings, (byGroups = new Map()))
  const key = `${groups} ${maxVersion ?? ''}`
  let context = byGroups.get(key)
  if (context === undefined) {
    context = createSecureContext({
      ca: settings.caCert === undefined ? undefined : [...rootCertificates, settings.caCert],
      minVersion: 'TLSv1.2',
      maxVersion,
      ...(groups === '' ? {} : { ecdhCurve: groups })
    })
    byGroups.set(key, context)
    tls12Twins.set(context, () => contextFor(settings, groups, 'TLSv1.2'))
  }
  return context
}

function isIpLiteral(name: string): boolean {
  return /^[\d.]+$/.test(name) || name.includes(':')
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
