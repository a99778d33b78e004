/**
 * The TLS context (every root certificate parsed, and the ca-cert: some 27 ms) is built once
 * per run, for the key-exchange groups the connection offers (issue 22): explicit TLS builds it
 * once TCP is up, while the greeting is on its way (vsftpd's hello goes with AUTH TLS), not before
 * the connection starts; implicit TLS at once.
 */
import { openSession } from '../src/ftp/index.js'
import { contextsBuilt } from '../src/ftp/tls-options.js'
import type { ServerKind } from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

const P256_FIRST = 'prime256v1:X25519:secp384r1:secp521r1'

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'vsftpd-implicit'])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe('one context, the one the connections use, built while the server is awaited', async () => {
    const implicit = kind === 'vsftpd-implicit' ? { tls: 'implicit' } : {}
    const settings = settingsOf(serverInputs(block.server(), { timeout: '10', ...implicit }))
    const log = recordingLog()
    // What had been built when each protocol line was logged.
    const seen: [string, string[]][] = []
    const debug = log.debug
    log.debug = m => {
      seen.push([m, contextsBuilt(settings)])
      debug(m)
    }
    const session = await openSession(settings, log)
    try {
      // Data connections take the same groups (P-256 first, what both servers choose): no other context.
      expect(contextsBuilt(settings)).toEqual([P256_FIRST])
      const at = (line: RegExp): string[] | undefined => seen.find(([m]) => line.test(m))?.[1]
      const user = at(/^> USER /)
      expect(user).toEqual([P256_FIRST])
      if (implicit.tls === undefined) {
        expect(at(/^Connected to /)).toEqual([])
        expect([at(/^< 220/), at(/^> AUTH TLS/), at(/^< 234/)]).toEqual([[P256_FIRST], [P256_FIRST], [P256_FIRST]])
      }
      await session.list('/')
      expect(contextsBuilt(settings)).toEqual([P256_FIRST])
    } finally {
      session.close()
    }
  })
})
