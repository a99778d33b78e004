/**
 * MLST replies as pure-ftpd, ProFTPD and pyftpdlib give them (seen against the harness servers):
 * the facts MLSD would list, whatever the path asked for; anything else is no facts.
 */
import { factsAhead, parseMlst } from '../src/ftp/mlst.js'

const at = new Date('2026-12-07T19:19:39.000Z')

test.each([
  [
    'pure-ftpd',
    '250-Begin\n type=file;size=3;modify=20261207191939;UNIX.mode=0644;UNIX.uid=102;UNIX.gid=105;unique=fe00g2c447f; /p/a.txt\n250 End.',
    { type: 1, size: 3 }
  ],
  [
    'ProFTPD, a directory (no size fact: 0, as its MLSD)',
    '250-Start of list for /p/d\n modify=20261207191939;perm=flcdmpe;type=dir;unique=FE00U2BC2BF;UNIX.mode=0755; /p/d\n250 End of list',
    { type: 2, size: 0 }
  ],
  [
    'pyftpdlib',
    '250-Listing "/p/d":\n modify=20261207191939;perm=eldfmMTcp;size=4096;type=dir;unique=fe00g6a49fc; /p/d\n250 End MLST.',
    { type: 2, size: 4096 }
  ]
])('%s: the facts of the path asked for', (_server, message, expected) => {
  expect(parseMlst({ code: 250, message })).toMatchObject({ ...expected, modifiedAt: at })
})

test.each([
  [550, "550 Can't check for file existence"],
  [500, '500 Command "MLST" not understood.'],
  [250, '250 OK'],
  [250, '250-Begin\n/p/a.txt\n250 End.'],
  // No time: not what MLSD would list for the output.
  [250, '250-Begin\n type=file;size=3; /p/a.txt\n250 End.']
])('%d %s: no facts', (code, message) => {
  expect(parseMlst({ code, message })).toBeUndefined()
})

test('ahead of a RETR: only names MLST reads as given, and only where all fit', () => {
  expect(factsAhead(['/s/a', '/s/[x]', '/s/b ', '/s/c\r\nDELE x'], 2000)?.paths).toEqual(['/s/a'])
  expect(factsAhead(['/s/[x]'], 2000)).toBeUndefined()
  expect(factsAhead(['/s/a', '/s/b'], 20)).toBeUndefined()
})
