/**
 * Which reply is the STOR's and which the EPSV's sent behind it (src/ftp/behind-transfer.ts), in
 * the orders real servers answer: vsftpd after the transfer, pure-ftpd (500) and ProFTPD (450)
 * during it, a refused STOR, pyftpdlib's stray 226 and its new port during a transfer.
 */
import { RepliesBehind, Sorted } from '../src/ftp/behind-transfer.js'

const r = (code: number, message = `${code} x`) => ({ code, message })
const sort = (replies: ReturnType<typeof r>[], started = true): Sorted | string | undefined => {
  const behind = new RepliesBehind(reply => reply.code === 229)
  let out: Sorted | string | undefined
  for (const reply of replies) out = behind.take(reply, started) ?? out
  return out
}

test('vsftpd: the 226, then the port', () => {
  expect(sort([r(226), r(229)])).toEqual({ stor: r(226), behind: r(229), early: false })
})

test('pure-ftpd and ProFTPD: the refusal during the transfer, then the 226', () => {
  expect(sort([r(500), r(226)])).toEqual({ stor: r(226), behind: r(500), early: true })
  expect(sort([r(450), r(226)])).toEqual({ stor: r(226), behind: r(450), early: true })
})

test('a refused STOR, then the port; a refusal after the 226 is the EPSV’s', () => {
  expect(sort([r(553), r(229)], false)).toEqual({ stor: r(553), behind: r(229), early: false })
  expect(sort([r(226), r(421)])).toEqual({ stor: r(226), behind: r(421), early: false })
})

test('two refusals: in order, unless the first is a 500 during a transfer', () => {
  expect(sort([r(426), r(500)])).toEqual({ stor: r(426), behind: r(500), early: false })
  expect(sort([r(500), r(426)])).toEqual({ stor: r(426), behind: r(500), early: true })
  expect(sort([r(500), r(426)], false)).toEqual({ stor: r(500), behind: r(426), early: false })
})

test("a 226 after a refusal and no 1xx is stray; a port before the STOR's end is early", () => {
  const behind = new RepliesBehind(reply => reply.code === 229)
  expect(behind.take(r(550), false)).toBeUndefined()
  expect(behind.take(r(226), false)).toBe('stray')
  expect(behind.take(r(229), false)).toEqual({ stor: r(550), behind: r(229), early: false })
  const early = new RepliesBehind(reply => reply.code === 229)
  expect(early.take(r(229), true)).toBe('early port')
  expect(early.take(r(226), true)).toEqual({ stor: r(226), behind: r(229), early: true })
})
