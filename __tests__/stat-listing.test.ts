import { FileType } from 'basic-ftp'
import { parseStatListing, statFileSize } from '../src/ftp/stat-listing.js'

const reply = (code: number, lines: string[]): { code: number; message: string } => ({
  code,
  message: lines.join('\n')
})

describe('parseStatListing: a STAT <dir> reply is a listing only when it shows the directory itself', () => {
  test('vsftpd / pure-ftpd style (213, no indent)', () => {
    const infos = parseStatListing(
      reply(213, [
        '213-Status follows:',
        'drwxr-xr-x    2 1000     1000         4096 Dec 01 10:00 .',
        'drwxr-xr-x    3 1000     1000         4096 Dec 01 10:00 ..',
        '-rw-r--r--    1 1000     1000           12 Dec 01 10:00 index.html',
        'drwxr-xr-x    2 1000     1000         4096 Dec 01 10:00 [slug]',
        '-rw-r--r--    1 1000     1000            0 Dec 01 10:00 with space.txt',
        '213 End of status'
      ])
    )
    expect(infos?.map(i => [i.name, i.type, i.size])).toEqual([
      ['index.html', FileType.File, 12],
      ['[slug]', FileType.Directory, 4096],
      ['with space.txt', FileType.File, 0]
    ])
  })

  test('ProFTPD style (211, entries indented by one space)', () => {
    const infos = parseStatListing(
      reply(211, [
        '211-Status of /www:',
        ' drwxr-xr-x   2 ftp      ftp          4096 Dec  1 10:00 .',
        ' -rw-r--r--   1 ftp      ftp             5 Dec  1 10:00 a.txt',
        '211 End of status'
      ])
    )
    expect(infos?.map(i => i.name)).toEqual(['a.txt'])
  })

  test.each([
    [
      'a server status, not a listing',
      reply(211, ['211-FTP server status:', '     Connected to 127.0.0.1', '211 End of status'])
    ],
    ['an empty listing without "."', reply(213, ['213-Status follows:', '213 End of status'])],
    ['a refusal', reply(450, ['450 No such directory'])],
    ['a one-line reply', reply(212, ['212 nothing'])]
  ])('%s: undefined (LIST decides)', (_, res) => {
    expect(parseStatListing(res)).toBeUndefined()
  })
})

describe('statFileSize: the size in a STAT <file> reply (where SIZE is refused; replies as the real servers here give them)', () => {
  const path = '/site/.ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp'
  test.each<[string, { code: number; message: string }, number | undefined]>([
    [
      'vsftpd (the name alone)',
      reply(213, [
        '213-Status follows:',
        '-rw-r--r--    1 102      105          3000 Dec 07 07:28 .ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp',
        '213 End of status'
      ]),
      3000
    ],
    [
      'ProFTPD (indented, the path as asked)',
      reply(213, [
        '213-Status of /site/.ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp:',
        ' -rw-r--r--   1 deployer ftp          6000 Dec  7 07:28 /site/.ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp',
        '213 End of status'
      ]),
      6000
    ],
    [
      'pure-ftpd (the path as asked)',
      reply(213, [
        '213-STAT',
        '-rw-r--r--    1 102        ftp              1234 Dec  7 07:29 /site/.ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp',
        '213 End.'
      ]),
      1234
    ],
    [
      'pyftpdlib (the name alone)',
      reply(213, [
        '213-Status of "/site/.ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp":',
        '-rw-r--r--   1 ftp      ftp          1234 Dec 07 07:29 .ftps-deploy.page.html.tpnzf3.f0512a87-2.tmp',
        '213 End of status.'
      ]),
      1234
    ],
    ['no such file (450)', reply(450, ['450 No such file or directory']), undefined],
    [
      'a status, not a listing',
      reply(211, ['211-FTP server status:', ' Connected to 127.0.0.1', '211 End of status']),
      undefined
    ],
    [
      'another file only',
      reply(213, [
        '213-Status follows:',
        '-rw-r--r--    1 102      105          3000 Dec 07 07:28 other.tmp',
        '213 End of status'
      ]),
      undefined
    ],
    ['STAT refused', reply(502, ['502 Command not implemented.']), undefined]
  ])('%s', (_, res, size) => {
    expect(statFileSize(res, path)).toBe(size)
  })
})
