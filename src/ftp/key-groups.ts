/**
 * The key-exchange groups a connection offers, first the one the server chose before: a TLS 1.3
 * client sends a key share for its first group only, and a server that wants another asks again.
 */
import type { TLSSocket } from 'node:tls'
import type { ServerRecord } from '../core/server-record.js'

/**
 * The key-exchange groups for data connections, the one the server chose for the control
 * connection first: a TLS 1.3 client sends a key share for its first group only, and a server
 * that wants another (vsftpd and pure-ftpd take P-256, Node offers X25519) asks again with a
 * HelloRetryRequest, a round trip more on every data connection.
 */
const GROUPS = ['X25519', 'prime256v1', 'secp384r1', 'secp521r1']

export function groupsStartingWith(key: ReturnType<TLSSocket['getEphemeralKeyInfo']>): string | undefined {
  return groupsFirst(groupOf(key))
}

/** The groups with `chosen` first (undefined: one not in the list, Node's own defaults). */
export function groupsFirst(chosen: string | undefined): string | undefined {
  if (chosen === undefined || !GROUPS.includes(chosen)) return undefined
  return [chosen, ...GROUPS.filter(group => group !== chosen)].join(':')
}

export const groupOf = (key: ReturnType<TLSSocket['getEphemeralKeyInfo']>): string | undefined =>
  key !== null && typeof key === 'object' && 'name' in key && typeof key.name === 'string' ? key.name : undefined

/**
 * The control connection's first group: the one this server chose before, else P-256, which
 * every server here takes (vsftpd and pure-ftpd only it: an X25519 key share, Node's default,
 * costs them a HelloRetryRequest, a round trip more on every connection's handshake).
 */
export const controlGroups = (server: Pick<ServerRecord, 'keyGroup'>): string | undefined =>
  groupsFirst(server.keyGroup ?? 'prime256v1')
