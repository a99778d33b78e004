/**
 * Test PKI made at test time with openssl: a CA and a server certificate for
 * 127.0.0.1 / localhost signed by it. Nothing is committed; every run makes its own.
 */
import { execFileSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestPki {
  dir: string
  /** PEM of the CA that signed the server certificate. */
  caCert: string
  caCertPath: string
  /** Server certificate PEM (CN=localhost, SAN DNS:localhost, IP:127.0.0.1, IP:::1). */
  cert: string
  certPath: string
  key: string
  keyPath: string
  /** cert + key in one file (pure-ftpd and vsftpd accept that). */
  pemPath: string
  /** SHA-256 of the server certificate as colon-separated uppercase hex. */
  fingerprint: string
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256
}

/** Makes a fresh CA and server certificate in a new temp dir (readable by server accounts). */
export function makeTestPki(names: string[] = ['localhost']): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'ftps-pki-'))
  chmodSync(dir, 0o755)
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=ftps-deploy test CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign'
    ],
    dir
  )
  openssl(
    ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${names[0]}`, '-keyout', 'server.key', '-out', 'server.csr'],
    dir
  )
  const san = ['IP:127.0.0.1', 'IP:::1', ...names.map(n => `DNS:${n}`)].join(',')
  writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`)
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      'server.crt',
      '-extfile',
      'ext.cnf'
    ],
    dir
  )
  const cert = readFileSync(join(dir, 'server.crt'), 'utf8')
  const key = readFileSync(join(dir, 'server.key'), 'utf8')
  writeFileSync(join(dir, 'server.pem'), cert + key)
  for (const f of ['server.key', 'server.pem', 'server.crt', 'ca.crt']) chmodSync(join(dir, f), 0o644)
  return {
    dir,
    caCert: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caCertPath: join(dir, 'ca.crt'),
    cert,
    certPath: join(dir, 'server.crt'),
    key,
    keyPath: join(dir, 'server.key'),
    pemPath: join(dir, 'server.pem'),
    fingerprint: fingerprintOf(cert)
  }
}

/** Self-signed certificate (no CA), for fingerprint pinning tests. */
export function makeSelfSigned(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'ftps-ss-'))
  chmodSync(dir, 0o755)
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      'server.key',
      '-out',
      'server.crt'
    ],
    dir
  )
  const cert = readFileSync(join(dir, 'server.crt'), 'utf8')
  const key = readFileSync(join(dir, 'server.key'), 'utf8')
  writeFileSync(join(dir, 'server.pem'), cert + key)
  for (const f of ['server.key', 'server.pem', 'server.crt']) chmodSync(join(dir, f), 0o644)
  return {
    dir,
    caCert: cert,
    caCertPath: join(dir, 'server.crt'),
    cert,
    certPath: join(dir, 'server.crt'),
    key,
    keyPath: join(dir, 'server.key'),
    pemPath: join(dir, 'server.pem'),
    fingerprint: fingerprintOf(cert)
  }
}

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex')
