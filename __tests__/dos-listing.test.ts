/**
 * IIS (and FileZilla Server in DOS mode) answer LIST in MS-DOS format; the engine reads LIST
 * with basic-ftp's parseList. A table of the lines such servers send, as one listing.
 */
import { FileType, parseList } from 'basic-ftp'

const DOS: [line: string, name: string, type: FileType, size: number, raw: string][] = [
  ['12-01-26  06:35PM       <DIR>          assets', 'assets', FileType.Directory, 0, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM                 1234 index.html', 'index.html', FileType.File, 1234, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM       <DIR>          with space', 'with space', FileType.Directory, 0, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM                    0 file name.txt', 'file name.txt', FileType.File, 0, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM       <DIR>          [slug]', '[slug]', FileType.Directory, 0, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM                   14 .htaccess', '.htaccess', FileType.File, 14, '12-01-26 06:35PM'],
  // IIS with four-digit years, and 24-hour times (FileZilla Server's DOS style)
  ['01-15-2026  11:05AM             26214400 big.bin', 'big.bin', FileType.File, 26214400, '01-15-2026 11:05AM'],
  ['01-15-26  23:59                      7 late.txt', 'late.txt', FileType.File, 7, '01-15-26 23:59'],
  ['12-01-26  06:35PM                    5 日本語 ünï.txt', '日本語 ünï.txt', FileType.File, 5, '12-01-26 06:35PM'],
  ['12-01-26  06:35PM                    9 a  b   c.txt', 'a  b   c.txt', FileType.File, 9, '12-01-26 06:35PM']
]

describe("basic-ftp's parseList on DOS listings", () => {
  const parsed = parseList(DOS.map(([line]) => line).join('\r\n'))

  test.each(DOS)('%s', (_line, name, type, size, raw) => {
    expect(parsed.find(f => f.name === name)).toMatchObject({ name, type, size, rawModifiedAt: raw })
  })

  test('every line is one entry, "." and ".." are dropped', () => {
    expect(parsed).toHaveLength(DOS.length)
    const withDots = ['12-01-26  06:35PM       <DIR>          .', '12-01-26  06:35PM       <DIR>          ..']
    expect(parseList([...withDots, DOS[0][0]].join('\r\n')).map(f => f.name)).toEqual(['assets'])
  })
})
