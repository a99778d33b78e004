/** The local-to-remote path rules as tables, with Windows' rules (path.win32) and POSIX's. */
import { posix, win32 } from 'node:path'
import { InputError } from '../src/core/errors.js'
import { anchorPattern, checkRemoteName, isInside, relPathOf } from '../src/local/local-paths.js'
import { parseManifest } from '../src/core/manifest.js'

describe('relPathOf: paths relative to local-dir (and so to remote-dir) always use /', () => {
  test.each([
    ['C:\\site', 'C:\\site\\index.html', 'index.html'],
    ['C:\\site', 'C:\\site\\assets\\js\\app.js', 'assets/js/app.js'],
    ['C:\\site\\', 'C:\\site\\a.txt', 'a.txt'],
    ['C:\\site', 'C:/site/assets/app.js', 'assets/app.js'], // / separates on Windows too
    ['c:\\Site', 'C:\\site\\a.txt', 'a.txt'], // drive letters and names compare without case
    ['C:\\site', 'C:\\site\\with space\\ü.txt', 'with space/ü.txt'],
    ['\\\\server\\share\\site', '\\\\server\\share\\site\\a\\b.txt', 'a/b.txt'], // UNC
    ['C:\\site', 'C:\\site', undefined],
    ['C:\\site', 'C:\\other\\a.txt', undefined],
    ['C:\\site', 'C:\\site-2\\a.txt', undefined],
    ['C:\\site', 'D:\\site\\a.txt', undefined] // another drive: relative() is absolute
  ])('win32: %s + %s -> %s', (dir, file, expected) => {
    expect(relPathOf(dir, file, win32)).toBe(expected)
  })

  test.each([
    ['/site', '/site/assets/app.js', 'assets/app.js'],
    ['/site', '/site/a\\b.txt', 'a\\b.txt'], // a name on Linux and macOS: refused by checkRemoteName
    ['/site', '/site', undefined],
    ['/site', '/other/a.txt', undefined],
    ['/site', '/site-2/a.txt', undefined],
    ['/Site', '/site/a.txt', undefined] // case matters here
  ])('posix: %s + %s -> %s', (dir, file, expected) => {
    expect(relPathOf(dir, file, posix)).toBe(expected)
  })
})

describe('isInside: the real location must lie below local-dir', () => {
  test.each([
    ['C:\\site', 'C:\\site\\a.txt', true],
    ['C:\\site', 'c:\\SITE\\a\\b.txt', true],
    ['C:\\site', 'C:\\site', false],
    ['C:\\site', 'C:\\site2\\a.txt', false],
    ['C:\\site', 'D:\\site\\a.txt', false],
    ['C:\\site', 'C:\\secret.txt', false]
  ])('win32: %s contains %s: %s', (root, target, expected) => {
    expect(isInside(root, target, win32)).toBe(expected)
  })

  test.each([
    ['/site', '/site/a.txt', true],
    ['/site', '/site', false],
    ['/site', '/site2/a.txt', false],
    ['/site', '/secret.txt', false]
  ])('posix: %s contains %s: %s', (root, target, expected) => {
    expect(isInside(root, target, posix)).toBe(expected)
  })
})

describe('anchorPattern: patterns relative to local-dir, in the platform form @actions/glob reads', () => {
  test.each([
    ['C:\\site', '**', 'C:\\site\\**'],
    ['C:\\site', 'assets/**/*.js', 'C:\\site\\assets\\**\\*.js'],
    ['C:\\site', '!**/*.map', '!C:\\site\\**\\*.map'],
    ['D:\\build\\out', 'index.html', 'D:\\build\\out\\index.html']
  ])('win32: %s + %s -> %s', (dir, pattern, expected) => {
    expect(anchorPattern(dir, pattern, win32)).toBe(expected)
  })

  test.each([
    ['/site', '**', '/site/**'],
    ['/site', '!**/*.map', '!/site/**/*.map']
  ])('posix: %s + %s -> %s', (dir, pattern, expected) => {
    expect(anchorPattern(dir, pattern, posix)).toBe(expected)
  })
})

describe('checkRemoteName: a name that cannot go on the wire is refused, naming it', () => {
  test.each([
    [
      'a\r\nDELE x',
      "Invalid file name 'a\\r\\nDELE x' under local-dir: names with CR, LF or NUL cannot be sent over FTP"
    ],
    ['a\0b', "Invalid file name 'a\\u0000b' under local-dir: names with CR, LF or NUL"],
    ['dir\\..\\x.txt', "Invalid file name 'dir\\..\\x.txt' under local-dir: names with \\ cannot be sent over FTP"],
    ['a\\b.txt', 'Windows servers read it as a separator'],
    ['a/../b', "Invalid file name 'a/../b': it would leave remote-dir"],
    ['bad-\uD800.txt', "Invalid file name 'bad-\\ud800.txt' under local-dir: it holds a lone UTF-16 surrogate"],
    ['bad-\uDC00.txt', 'lone UTF-16 surrogate']
  ])('%j', (name, message) => {
    expect(() => checkRemoteName(name, 'utf8')).toThrow(InputError)
    expect(() => checkRemoteName(name, 'utf8')).toThrow(message)
  })

  test.each(['index.html', 'assets/js/app.js', 'with space/ü.txt', '日本/😀.txt', 'a..b/c'])('%j is fine', name => {
    expect(() => checkRemoteName(name, 'utf8')).not.toThrow()
  })

  test('latin1 refuses what it cannot encode', () => {
    expect(() => checkRemoteName('ü.txt', 'latin1')).not.toThrow()
    expect(() => checkRemoteName('日本.txt', 'latin1')).toThrow("Invalid file name '日本.txt' for encoding latin1")
  })
})

test('a manifest entry with \\ is refused like one with ..', () => {
  const manifest = (path: string): string =>
    JSON.stringify({
      format: 'ftps-deploy-manifest',
      version: 1,
      files: { [path]: { sha256: 'a'.repeat(64), size: 1 } },
      dirs: []
    })
  expect(parseManifest(manifest('a/b.txt')).manifest.files.has('a/b.txt')).toBe(true)
  const parsed = parseManifest(manifest('..\\x.txt'))
  expect([parsed.manifest.files.size, parsed.refused]).toEqual([
    0,
    ['"..\\\\x.txt" (it contains a backslash, a path separator on Windows servers)']
  ])
})
