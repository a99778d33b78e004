/**
 * Data connections offer first the key-exchange group the server chose for the control
 * connection: a TLS 1.3 client sends a key share for its first group only, and vsftpd and
 * pure-ftpd, which take P-256 where Node offers X25519, would otherwise answer every data
 * connection with a HelloRetryRequest (a round trip more per file; seen with openssl s_client
 * -msg: two ClientHellos with `-groups X25519:P-256`, one with `P-256`).
 */
import { controlGroups, groupsStartingWith } from '../src/ftp/key-groups.js'

test.each([
  [{ type: 'ECDH', name: 'prime256v1', size: 256 }, 'prime256v1:X25519:secp384r1:secp521r1'],
  [{ type: 'ECDH', name: 'X25519', size: 253 }, 'X25519:prime256v1:secp384r1:secp521r1'],
  [{ type: 'ECDH', name: 'secp384r1', size: 384 }, 'secp384r1:X25519:prime256v1:secp521r1'],
  // Unknown to this list, finite-field DH (TLS 1.2), plain FTP: Node's own defaults.
  [{ type: 'ECDH', name: 'brainpoolP256r1', size: 256 }, undefined],
  [{ type: 'DH', size: 2048 }, undefined],
  [{}, undefined],
  [null, undefined]
])('control connection key %j: data connections offer %s', (key, groups) => {
  expect(groupsStartingWith(key as never)).toBe(groups)
})

test('control connections offer P-256 first, then the group this server chose before', () => {
  expect(controlGroups({ keyGroup: undefined })).toBe('prime256v1:X25519:secp384r1:secp521r1')
  expect(controlGroups({ keyGroup: 'X25519' })).toBe('X25519:prime256v1:secp384r1:secp521r1')
})
