/**
 * How commands sent together are cut into writes (pure): no write beyond BATCH_BYTES or
 * BATCH_COMMANDS, so ProFTPD and pure-ftpd, which read 4,096 bytes of a TLS record at once,
 * never sit on the rest; and no command line beyond what servers read, named before it is sent.
 */
import {
  BATCH_BYTES,
  BATCH_COMMANDS,
  batchEnds,
  commandNamed,
  lineTooLong,
  MAX_LINE_BYTES
} from '../src/ftp/pipelining.js'

/** The byte size of each write that batchEnds makes of these line lengths. */
function writes(lengths: number[]): number[][] {
  let start = 0
  return batchEnds(lengths).map(end => lengths.slice(start, (start = end)))
}

describe('batchEnds', () => {
  test('the limits stay well under the 4,096 bytes ProFTPD and pure-ftpd read of one TLS record', () => {
    expect(BATCH_BYTES).toBeLessThanOrEqual(2048)
    expect(BATCH_COMMANDS * 8).toBeLessThanOrEqual(4096)
    // pyftpdlib reads 2,048 bytes of a line, vsftpd and ProFTPD 4,096.
    expect(MAX_LINE_BYTES).toBeLessThanOrEqual(2048)
  })

  test.each([
    ['nothing', [], []],
    ['a few short commands: one write', [30, 30, 40], [[30, 30, 40]]],
    ['exactly BATCH_BYTES: one write', [1024, 1024], [[1024, 1024]]],
    ['one byte over: two writes', [1024, 1025], [[1024], [1025]]],
    ['a line longer than BATCH_BYTES goes alone', [100, 3000, 100], [[100], [3000], [100]]]
  ])('%s', (_, lengths, expected) => {
    expect(writes(lengths)).toEqual(expected)
  })

  test('300 MKDs of 24 bytes (7 KB, a first deploy): writes of at most 2 KB and 64 commands, all of them sent', () => {
    const lengths = Array.from({ length: 300 }, () => 24)
    const out = writes(lengths)
    expect(out.flat()).toEqual(lengths)
    for (const write of out) {
      expect(write.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BATCH_BYTES)
      expect(write.length).toBeLessThanOrEqual(BATCH_COMMANDS)
    }
    expect(out.length).toBe(Math.ceil(300 / Math.min(BATCH_COMMANDS, Math.floor(BATCH_BYTES / 24))))
  })

  test('a deep tree (56 KB of MKDs of 190 bytes): every write under 2 KB', () => {
    const out = writes(Array.from({ length: 300 }, () => 190))
    expect(Math.max(...out.map(w => w.reduce((a, b) => a + b, 0)))).toBeLessThanOrEqual(BATCH_BYTES)
    expect(out.flat()).toHaveLength(300)
  })
})

describe('command lines', () => {
  test('up to MAX_LINE_BYTES goes; above, a failure naming the command and the whole path', () => {
    const path = `/${'d'.repeat(MAX_LINE_BYTES)}`
    expect(lineTooLong('MKD /a', 8)).toBeUndefined()
    expect(lineTooLong(`MKD ${path}`, MAX_LINE_BYTES)).toBeUndefined()
    expect(lineTooLong(`MKD ${path}`, MAX_LINE_BYTES + 1)).toBe(
      `MKD ${path}: the path is too long for an FTP command line (${MAX_LINE_BYTES + 1} bytes with the command; ` +
        `at most ${MAX_LINE_BYTES} are sent: pyftpdlib reads no longer lines, vsftpd and ProFTPD none over 4096)`
    )
  })

  test('a failure names the verb and path, but never the argument of PASS or ACCT', () => {
    expect(commandNamed('MKD /a b/c')).toBe('MKD /a b/c')
    expect(commandNamed('PASS s3cret')).toBe('PASS')
    expect(commandNamed('acct s3cret')).toBe('acct'.toUpperCase())
  })
})
