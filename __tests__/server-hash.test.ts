/** The server's hash commands: which one FEAT offers, and what their replies say (pure). */
import { chooseHashCommand, hashFeature, parseHashReply, parseXReply, withoutHash } from '../src/ftp/server-hash.js'

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'
const MD5 = 'd41d8cd98f00b204e9800998ecf8427e'
const SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'

const feat = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries))

describe('the command FEAT offers', () => {
  test.each<[string, Record<string, string>, ReturnType<typeof chooseHashCommand>]>([
    // ProFTPD mod_digest: HASH with every algorithm (SHA-1 selected), and every X command.
    [
      'ProFTPD mod_digest: HASH, SHA-256 selected first',
      { HASH: 'CRC32;MD5;SHA-1*;SHA-256;SHA-512;', XCRC: '', XMD5: '', XSHA1: '', XSHA256: '', XSHA512: '' },
      { algorithm: 'sha256', verb: 'HASH', select: 'OPTS HASH SHA-256' }
    ],
    ['HASH with SHA-256 selected already', { HASH: 'SHA-1;SHA-256*' }, { algorithm: 'sha256', verb: 'HASH' }],
    ['lowercase names', { HASH: 'sha-1;sha-256' }, { algorithm: 'sha256', verb: 'HASH', select: 'OPTS HASH SHA-256' }],
    [
      'HASH without SHA-256: XSHA256 is stronger',
      { HASH: 'MD5;SHA-1*', XSHA256: '' },
      { algorithm: 'sha256', verb: 'XSHA256' }
    ],
    [
      'SHA-512 through HASH before SHA-1',
      { HASH: 'SHA-1*;SHA-512' },
      { algorithm: 'sha512', verb: 'HASH', select: 'OPTS HASH SHA-512' }
    ],
    ['X commands only: SHA-512', { XMD5: '', XSHA1: '', XSHA512: '' }, { algorithm: 'sha512', verb: 'XSHA512' }],
    ['X commands only: SHA-1 before MD5', { XMD5: '', XSHA1: '' }, { algorithm: 'sha1', verb: 'XSHA1' }],
    ['MD5 alone', { XMD5: '' }, { algorithm: 'md5', verb: 'XMD5' }],
    ['HASH with MD5 alone', { HASH: 'MD5*' }, { algorithm: 'md5', verb: 'HASH' }],
    ['CRC32 only: nothing to compare', { HASH: 'CRC32*', XCRC: '' }, undefined],
    ['vsftpd, pure-ftpd: none', { UTF8: '', EPSV: '', MLST: 'type*;size*;' }, undefined],
    ['XSHA (SHA-1 without a number) is not used', { XSHA: '' }, undefined]
  ])('%s', (_name, entries, expected) => {
    expect(chooseHashCommand(feat(entries))).toEqual(expected)
  })

  test('a server that refused OPTS HASH falls back to its X commands', () => {
    const features = feat({ HASH: 'SHA-1*;SHA-256', XSHA256: '' })
    expect(chooseHashCommand(withoutHash(features))).toEqual({ algorithm: 'sha256', verb: 'XSHA256' })
  })

  test('the HASH line: what is offered and which is selected', () => {
    expect(hashFeature('CRC32;MD5;SHA-1*;SHA-256;SHA-512;')).toEqual({
      offered: ['md5', 'sha1', 'sha256', 'sha512'],
      selected: 'sha1'
    })
    expect(hashFeature(undefined)).toEqual({ offered: [], selected: undefined })
  })
})

describe('HASH replies (draft-bryan-ftpext-hash)', () => {
  test.each<[string, string, number | undefined, string | undefined]>([
    ['ProFTPD, two lines', `213-Computing SHA-256 digest\n213 SHA-256 0-0 ${SHA256} /www/empty.txt`, 0, SHA256],
    ['one line', `213 SHA-256 0-0 ${SHA256} /a`, undefined, SHA256],
    ['uppercase hex is normalised', `213 SHA-256 0-0 ${SHA256.toUpperCase()} /a`, 0, SHA256],
    ['a path with spaces', `213 SHA-256 0-0 ${SHA256} /with space/a b.txt`, 0, SHA256],
    ['progress lines first', `213-Computing SHA-256 digest\n213-Computing...\n213 SHA-256 0-0 ${SHA256} /a`, 0, SHA256],
    ['another algorithm than selected', `213 SHA-1 0-0 ${SHA1} /a`, 0, undefined],
    ['a part of the file only', `213 SHA-256 0-10 ${SHA256} /a`, 20, undefined],
    ['the end read as inclusive', `213 SHA-256 0-19 ${SHA256} /a`, 20, SHA256],
    ['not from 0', `213 SHA-256 5-20 ${SHA256} /a`, 20, undefined],
    ['a digest of the wrong length', `213 SHA-256 0-0 ${SHA1} /a`, 0, undefined],
    ['not a HASH reply', '213 Computing SHA-256 digest', 0, undefined]
  ])('%s', (_name, reply, size, expected) => {
    expect(parseHashReply(reply, 'sha256', size)).toBe(expected)
  })

  test('SHA-512, SHA-1 and MD5 by their IANA names', () => {
    expect(parseHashReply(`213 SHA-512 0-0 ${SHA512} /a`, 'sha512', 0)).toBe(SHA512)
    expect(parseHashReply(`213 SHA-1 0-0 ${SHA1} /a`, 'sha1', 0)).toBe(SHA1)
    expect(parseHashReply(`213 MD5 0-0 ${MD5} /a`, 'md5', 0)).toBe(MD5)
  })
})

describe('X command replies (XSHA256, XSHA512, XSHA1, XMD5)', () => {
  test.each<[string, string, string | undefined]>([
    ['ProFTPD: uppercase, after a Computing line', `250-Computing SHA256 digest\n250 ${SHA256.toUpperCase()}`, SHA256],
    ['the digest alone', `250 ${SHA256}`, SHA256],
    ['path first', `250 /www/a.txt ${SHA256}`, SHA256],
    ['path last', `250 ${SHA256} /www/a.txt`, SHA256],
    ['a digest of the wrong length', `250 ${SHA1}`, undefined],
    ['no digest', '250 Computing SHA256 digest', undefined]
  ])('%s', (_name, reply, expected) => {
    expect(parseXReply(reply, 'sha256')).toBe(expected)
  })

  test('MD5 and SHA-1 by their lengths', () => {
    expect(parseXReply(`250 ${MD5.toUpperCase()}`, 'md5')).toBe(MD5)
    expect(parseXReply(`250 ${SHA1}`, 'sha1')).toBe(SHA1)
    expect(parseXReply(`250 ${SHA1}`, 'md5')).toBeUndefined()
  })
})
