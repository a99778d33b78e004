import { ReplyError } from '../src/core/errors.js'
import { DeployError } from '../src/core/errors.js'
import { backoffMs, isTransient, replyIsTransient } from '../src/core/retry.js'

const reply = (code: number, text: string): ReplyError => new ReplyError(code, `${code} ${text}`)
const nodeError = (code: string, message = code): Error => Object.assign(new Error(message), { code })

describe('isTransient: what a fresh connection may fix', () => {
  test.each([
    ['421 service closing', reply(421, 'Timeout.'), true],
    ['425 no data connection', reply(425, "Can't open data connection."), true],
    ['426 transfer aborted', reply(426, 'Connection closed; transfer aborted.'), true],
    ['450 file busy', reply(450, 'File unavailable.'), true],
    ['451 local error', reply(451, 'Local error in processing.'), true],
    ['451 transfer aborted, no reason', reply(451, 'Transfer aborted'), true],
    // A write the server's disk refused: a new connection meets the same full disk.
    ['451 vsftpd full disk', reply(451, 'Failure writing to local file.'), false],
    ['451 pure-ftpd full disk', new ReplyError(451, '451-Error during write to file\n451 Transfer aborted'), false],
    ['451 ProFTPD I/O error', reply(451, 'Transfer aborted. Input/output error'), false],
    ['452 pure-ftpd on cPanel (system quota)', reply(452, 'Error during write to file'), false],
    ['452 ProFTPD full disk', reply(452, 'Transfer aborted. No space left on device'), false],
    ['552 ProFTPD quota', reply(552, 'Transfer aborted. Disk quota exceeded'), false],
    ['552 pure-ftpd virtual quota', reply(552, "Quota exceeded: [f1.bin] won't be saved"), false],
    ['452 insufficient storage', reply(452, 'Insufficient storage space'), false],
    ['452 disk full', reply(452, 'Error writing file: No space left on device'), false],
    ['530 wrong password', reply(530, 'Login incorrect.'), false],
    ['550 no such file', reply(550, 'Failed to open file.'), false],
    ['553 bad name', reply(553, 'Could not create file.'), false],
    ['ECONNRESET', nodeError('ECONNRESET'), true],
    ['ECONNREFUSED', nodeError('ECONNREFUSED'), true],
    ['ETIMEDOUT', nodeError('ETIMEDOUT'), true],
    ['a certificate failure', nodeError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), false],
    ['a host name mismatch', nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), false],
    ['basic-ftp timeout text', new Error('Timeout (control socket)'), true],
    ['a closed client', new Error('Client is closed'), true],
    // A server killed before the data handshake: the FIN comes without an error.
    ['a data connection closed early', new Error('The data connection closed unexpectedly before it was ready'), true],
    ['anything else', new Error('Something odd'), false],
    ['a DeployError that says', new DeployError('x', { transient: true }), true],
    ['a DeployError with a reply code', new DeployError('x', { code: 421, reply: '421 bye' }), true],
    ['a DeployError with a final code', new DeployError('x', { code: 553, reply: '553 no' }), false],
    ['a DeployError caused by a reset', new DeployError('x', {}, { cause: nodeError('ECONNRESET') }), true],
    ['a thrown string', 'ECONNRESET somewhere', true]
  ])('%s: %s', (_, err, transient) => {
    expect(isTransient(err)).toBe(transient)
  })

  test('452 (insufficient storage, RFC 959) is always final; 451 only when it says a write failed', () => {
    expect(replyIsTransient(452, '452 Requested action not taken.')).toBe(false)
    expect(replyIsTransient(452, '452 Quota exceeded')).toBe(false)
    expect(replyIsTransient(451, '451 Requested action aborted. Local error in processing.')).toBe(true)
    expect(replyIsTransient(451, '451 Failure writing to local file.')).toBe(false)
  })
})

describe('backoffMs: exponential with full jitter, capped', () => {
  test.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 0, 500],
    [2, 1, 1000],
    [3, 0.5, 1500],
    [6, 1, 10_000],
    [20, 0, 5000]
  ])('attempt %i, random %f: %i ms', (attempt, random, ms) => {
    expect(backoffMs(attempt, () => random)).toBe(ms)
  })
})
