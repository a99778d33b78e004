/** The one record of what the server allows: where each fact starts, how it changes, what is said. */
import { ServerRecord } from '../src/core/server-record.js'
import { burstOf } from '../src/ftp/pipelining.js'
import { recordingLog } from './support/engine.js'

const record = (atomic = true) => {
  const log = recordingLog()
  return { log, server: new ServerRecord(log, { atomic }) }
}

describe('ServerRecord', () => {
  test('starts from what a server that follows the RFCs allows', () => {
    const { server } = record()
    expect(server).toMatchObject({
      replace: 'rename',
      chmodWorks: false,
      pipelining: true,
      earlyTls: true,
      statLists: true,
      epsv: true,
      size: true
    })
    expect(record(false).server.replace).toBe('direct')
  })

  test.each([
    ['220 Microsoft FTP Service', false, true],
    ['220-FileZilla Server 1.8.0', false, true],
    ['220 pyftpdlib 1.5.7 ready.', true, false],
    ['220 (vsFTPd 3.0.3)', true, true],
    ['220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------', true, true]
  ])('greeting %p: pipelining %p, early TLS %p, and nothing said', (greeting, pipelining, earlyTls) => {
    const { server, log } = record()
    server.greeted(greeting)
    expect([server.pipelining, server.earlyTls]).toEqual([pipelining, earlyTls])
    expect(log.warnings).toEqual([])
  })

  test.each([
    ['220 (vsFTPd 3.0.3)', { bytes: 16384, commands: 512 }],
    ['220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------', { bytes: 2048, commands: 64 }],
    ['220 ProFTPD Server (Debian) [::ffff:127.0.0.1]', { bytes: 2048, commands: 64 }],
    ['220 vsFTPd-like banner without the version', { bytes: 2048, commands: 64 }]
  ])('greeting %p: writes of at most %p', (greeting, burst) => {
    const { server } = record()
    server.greeted(greeting)
    expect(burstOf(server)).toEqual(burst)
  })

  test.each([
    ['220 (vsFTPd 3.0.3)', true],
    ['220 (vsFTPd 2.3.4)', true],
    ['220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------', false],
    ['220 ProFTPD Server (Debian) [::ffff:127.0.0.1]', false],
    ['220 Welcome (vsFTPd-like, no version)', false]
  ])('greeting %p: the hello with AUTH TLS and downloads ended early %p', (greeting, vsftpd) => {
    const { server } = record()
    server.greeted(greeting)
    expect([server.helloWithAuth, server.endsDownloadEarly]).toEqual([vsftpd, vsftpd])
  })

  test('a lost hello, a download cut short: each turned off for the run, said once, never back on', () => {
    const { server, log } = record()
    server.greeted('220 (vsFTPd 3.0.3)')
    server.helloLost()
    server.downloadCutShort()
    server.helloLost()
    server.downloadCutShort()
    server.greeted('220 (vsFTPd 3.0.3)')
    expect([server.helloWithAuth, server.endsDownloadEarly]).toEqual([false, false])
    expect(log.lines).toEqual([
      'info: The server answered no TLS hello sent in the AUTH TLS write: connecting again, and the hello goes after the 234 from now on',
      "info: A download came up short after this side of its data connection ended early: read again, each to the server's own end from now on"
    ])
  })

  test('a refused rename over a file, then refused renames: each said once, never back up', () => {
    const { server, log } = record()
    server.refusedRenameOver('553 Rename failed')
    server.refusedRenameOver('553 Rename failed')
    expect(server.replace).toBe('delete-then-rename')
    server.refusedRenames('550 Permission denied')
    server.refusedRenameOver('553 Rename failed')
    expect(server.replace).toBe('direct')
    expect(log.warnings).toEqual([
      'atomic: the server refused to rename over an existing file (553 Rename failed): replacing files by deleting them first',
      'atomic: the server refuses renames (550 Permission denied): uploading in place, not atomically'
    ])
  })

  test("one file's refused rename: said for that file, the run's mode unchanged; nothing once renames are off", () => {
    const { server, log } = record()
    server.refusedRenameOf(
      'a/in-use.dll',
      '550 The process cannot access the file because it is being used by another process.'
    )
    expect(server.replace).toBe('rename')
    server.refusedRenames('550 Permission denied')
    server.refusedRenameOf('b.txt', '550 Permission denied')
    expect(log.warnings).toEqual([
      "atomic: the server refused to rename a/in-use.dll's temporary into place (550 The process cannot access the file because it is being used by another process.): a/in-use.dll uploaded in place, not atomically",
      'atomic: the server refuses renames (550 Permission denied): uploading in place, not atomically'
    ])
  })

  test('SIZE refused as a command: off for the run, said once', () => {
    const { server, log } = record()
    server.sizeUnavailable('550 Permission denied.')
    server.sizeUnavailable('550 Permission denied.')
    expect(server.size).toBe(false)
    expect(log.warnings).toEqual([
      'The server refuses SIZE (550 Permission denied.): upload sizes are read from listings instead (STAT of each temporary where the server lists that way, and the final listing)'
    ])
  })

  test('without atomic, a refused rename changes nothing and says nothing', () => {
    const { server, log } = record(false)
    server.refusedRenames('550 Permission denied')
    expect([server.replace, log.warnings]).toEqual(['direct', []])
  })

  test('confused replies and a reset early handshake: off for the run, said once each', () => {
    const { server, log } = record()
    server.pipeliningConfused('226 to RNFR')
    server.pipeliningConfused('226 to RNFR')
    server.earlyTlsReset()
    server.earlyTlsReset()
    expect([server.pipelining, server.earlyTls]).toEqual([false, false])
    expect(log.warnings).toHaveLength(2)
    expect(log.warnings[0]).toContain('(226 to RNFR): sending one command at a time from now on')
  })

  test('a timed-out batch: pipelining off for the run, said once; after a confusion, not said again', () => {
    const { server, log } = record()
    server.pipeliningTimedOut('MKD /a/b: Timeout (control socket)')
    server.pipeliningTimedOut('MKD /a/c: Timeout (control socket)')
    server.pipeliningConfused('226 to RNFR')
    expect(server.pipelining).toBe(false)
    expect(log.warnings).toEqual([
      'Commands sent together got no reply within the timeout (MKD /a/b: Timeout (control socket)): sending one command at a time from now on'
    ])
  })

  test('STAT listings that lost their connection: data connections list from then on, said once (info)', () => {
    const { server, log } = record()
    server.statListsLost('Listing 10 directories: read ECONNRESET')
    server.statListsLost('Listing /x: read ECONNRESET')
    expect(server.statLists).toBe(false)
    expect(log.warnings).toEqual([])
    expect(log.lines).toEqual([
      'info: Listing 10 directories: read ECONNRESET: listing over data connections (LIST or MLSD), one directory at a time, from now on'
    ])
  })
})
