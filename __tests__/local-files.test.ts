import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../src/core/errors.js'
import { globMatches, listLocalFiles, LocalFileOptions, walkEverything } from '../src/local/local-files.js'
import { makeTree, recordingLog } from './support/engine.js'

const outside = makeTree({ 'secret.txt': 'outside local-dir' })
const root = makeTree({
  'index.html': 'i',
  'a/b/c.js': 'c',
  'a/b/c.js.map': 'map',
  'a/empty': '',
  '.hidden/x': 'x',
  'with space/ü.txt': 'u'
})
symlinkSync(join(root, 'index.html'), join(root, 'link-inside.html'))
symlinkSync(join(outside, 'secret.txt'), join(root, 'link-outside.txt'))
symlinkSync(outside, join(root, 'dir-outside'))
symlinkSync(join(root, 'a'), join(root, 'dir-inside'))
mkdirSync(join(root, 'empty-dir'))

const options = (extra: Partial<LocalFileOptions> = {}): LocalFileOptions => ({
  localDir: root,
  patterns: ['**'],
  followSymlinks: false,
  encoding: 'utf8',
  ...extra
})

test('regular files only, dotfiles included, sorted; symlinks skipped with a warning naming them', async () => {
  const log = recordingLog()
  const files = await listLocalFiles(options(), log)
  expect(files.map(f => f.relPath)).toEqual([
    '.hidden/x',
    'a/b/c.js',
    'a/b/c.js.map',
    'a/empty',
    'index.html',
    'with space/ü.txt'
  ])
  expect(files.find(f => f.relPath === 'a/empty')?.size).toBe(0)
  expect(log.warnings.sort()).toEqual([
    'Skipped symbolic link dir-inside (set follow-symlinks: true to upload its target)',
    'Skipped symbolic link dir-outside (set follow-symlinks: true to upload its target)',
    'Skipped symbolic link link-inside.html (set follow-symlinks: true to upload its target)',
    'Skipped symbolic link link-outside.txt (set follow-symlinks: true to upload its target)'
  ])
})

test('follow-symlinks uploads targets inside local-dir only', async () => {
  const log = recordingLog()
  const files = await listLocalFiles(options({ followSymlinks: true }), log)
  const paths = files.map(f => f.relPath)
  expect(paths).toContain('link-inside.html')
  expect(paths).toContain('dir-inside/b/c.js')
  expect(paths.some(p => p.includes('secret') || p.startsWith('link-outside'))).toBe(false)
  expect(log.warnings.some(w => w.startsWith('Skipped link-outside.txt: it links to'))).toBe(true)
  expect(log.warnings.some(w => w.startsWith('Skipped dir-outside/secret.txt: it links to'))).toBe(true)
})

test('patterns are relative to local-dir; ! excludes', async () => {
  const files = await listLocalFiles(options({ patterns: ['a/**', '!**/*.map'] }), recordingLog())
  expect(files.map(f => f.relPath)).toEqual(['a/b/c.js', 'a/empty'])
})

// Windows cannot create these names: there the rules are tested as tables (local-paths.test.ts).
const posixOnly = process.platform === 'win32' ? test.skip : test

posixOnly('a name with CR or LF is refused before anything is sent', async () => {
  const dir = makeTree({ 'ok.txt': 'ok' })
  writeFileSync(join(dir, 'bad\r\nDELE x'), 'x')
  await expect(listLocalFiles(options({ localDir: dir }), recordingLog())).rejects.toThrow(
    new InputError(
      "Invalid file name 'bad\\r\\nDELE x' under local-dir: names with CR, LF or NUL cannot be sent over FTP"
    )
  )
})

posixOnly(
  'a name with \\, legal on Linux and macOS, is refused: a Windows server reads it as a separator',
  async () => {
    const dir = makeTree({ 'ok.txt': 'ok' })
    writeFileSync(join(dir, '..\\x.txt'), 'x')
    await expect(listLocalFiles(options({ localDir: dir }), recordingLog())).rejects.toThrow(
      "Invalid file name '..\\x.txt' under local-dir: names with \\ cannot be sent over FTP"
    )
  }
)

test('latin1 refuses names it cannot encode', async () => {
  const dir = makeTree({ '日本.txt': 'x' })
  await expect(listLocalFiles(options({ localDir: dir, encoding: 'latin1' }), recordingLog())).rejects.toThrow(
    "Invalid file name '日本.txt' for encoding latin1"
  )
})

describe('the default pattern ** walks synchronously, yielding what @actions/glob yields', () => {
  const tree = makeTree({ 'top.txt': 't', '.dot/x': 'x', 'a/b/c.txt': 'c', 'a/.d': 'd' })
  symlinkSync(join(tree, 'a'), join(tree, 'a/b/loop'))
  symlinkSync(join(tree, 'nowhere'), join(tree, 'broken'))
  symlinkSync(join(outside, 'secret.txt'), join(tree, 'out.txt'))
  symlinkSync(outside, join(tree, 'out-dir'))
  symlinkSync(join(tree, 'top.txt'), join(tree, 'a/top-link'))
  mkdirSync(join(tree, 'empty'))

  test.each([false, true])('followSymlinks %s', async follow => {
    const walked = walkEverything(tree, follow).sort()
    expect(walked).toEqual((await globMatches(tree, ['**'], follow)).sort())
    expect(walked).toContain(join(tree, 'a/.d'))
    expect(walked.includes(join(tree, 'broken'))).toBe(!follow)
  })
})
