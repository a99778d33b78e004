/**
 * Writes as big as each server reads at once (issue 22), on real servers over TLS: vsftpd, known
 * by its greeting, takes 16 KB of commands in one write and answers every one; ProFTPD and
 * pure-ftpd, which leave what is past about 4 KB of a burst unread, get writes of 2 KB.
 */
import { openSession } from '../src/ftp/index.js'
import { ServerKind } from './harness/servers.js'
import { recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'
import { writes } from './support/protocol-writes.js'

describe.each<ServerKind>(['vsftpd-tls12', 'pure-ftpd', 'proftpd'])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe('300 STATs (14 KB): every one answered, in the writes the server reads at once', async () => {
    block.server().putFile('burst/d-0/f.txt', 'f')
    const paths = Array.from({ length: 300 }, (_, i) => `/burst/d-${i}-${'x'.repeat(30)}`)
    paths[0] = '/burst/d-0'
    const log = recordingLog()
    const session = await openSession(settingsOf(serverInputs(block.server(), { timeout: '10' })), log)
    try {
      const listed = await session.statLists!(paths, true)
      expect(listed).toHaveLength(300)
      expect(listed[0]?.some(e => e.name === 'f.txt')).toBe(true)
      const sent = writes(log.lines).filter(w => w.every(c => c.startsWith('STAT /burst/')))
      expect(sent.flat()).toEqual(paths.map(p => `STAT ${p}`))
      const bytes = sent.map(w => w.reduce((sum, c) => sum + c.length + 2, 0))
      if (kind.startsWith('vsftpd')) expect(bytes.length).toBe(1)
      else expect(Math.max(...bytes)).toBeLessThanOrEqual(2048)
      expect(log.warnings).toEqual([])
    } finally {
      session.close()
    }
  })
})
