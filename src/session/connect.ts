/** The run's first session: what the connection risks said up front, then who is logged in where. */
import type { Log } from '../core/log.js'
import type { Settings } from '../core/settings.js'
import type { RemoteSession } from '../core/remote-session.js'
import { SessionPool } from './pool.js'

export async function connect(settings: Settings, log: Log, pool: SessionPool): Promise<RemoteSession> {
  if (settings.protocol === 'sftp') {
    if (settings.sshHostKeyAny) {
      log.warning(
        "ssh-host-key: any: the server's host key is not checked; anyone on the path can pose as the server and read the password"
      )
    }
  } else if (settings.tls === 'none') {
    log.warning('tls: none: the password and every file travel in clear text over the network')
  } else if (!settings.tlsVerify && settings.tlsFingerprints.length === 0) {
    log.warning('tls-verify: false: the server certificate is not verified; anyone on the path can read the password')
  }
  // Through the pool: a connection lost during the handshake is retried like any other.
  const session = await pool.run('Connecting', async opened => opened)
  const security =
    settings.protocol === 'sftp'
      ? `SFTP (SSH), host key ${session.fingerprint}`
      : session.tlsVersion === ''
        ? 'plain FTP (no TLS)'
        : `${session.tlsVersion}, certificate SHA-256 ${session.fingerprint}`
  log.info(
    `Logged in to ${settings.host}:${settings.port} as ${settings.user} over ${security}; login directory ${session.home}`
  )
  return session
}
