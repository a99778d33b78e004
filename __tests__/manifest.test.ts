import { ManifestCorrupt, parseManifest, serializeManifest } from '../src/core/manifest.js'
import { unsafePathReason } from '../src/core/remote-path.js'

const H = 'c'.repeat(64)
const doc = (files: Record<string, unknown>, dirs: unknown[] = []): string =>
  JSON.stringify({ format: 'ftps-deploy-manifest', version: 1, files, dirs })

describe('parseManifest: hostile entries are refused (never trusted, never deleted), the rest kept', () => {
  test.each([
    ['/victim-top.txt', 'it is absolute'],
    ['../outside.txt', "it has an empty, '.' or '..' segment"],
    ['a/../../b', "it has an empty, '.' or '..' segment"],
    ['a//b', "it has an empty, '.' or '..' segment"],
    ['./a', "it has an empty, '.' or '..' segment"],
    ['..\\outside.txt', 'it contains a backslash, a path separator on Windows servers'],
    ['a\\b.txt', 'it contains a backslash, a path separator on Windows servers'],
    ['a\r\nDELE x', 'it contains CR, LF or NUL'],
    ['nul\0.txt', 'it contains CR, LF or NUL'],
    ['', 'it is empty']
  ])('%j: %s', (path, reason) => {
    const { manifest, refused } = parseManifest(
      doc({ [path]: { sha256: H, size: 1 }, 'ok.txt': { sha256: H, size: 2 } })
    )
    expect([...manifest.files.keys()]).toEqual(['ok.txt'])
    expect(refused).toEqual([`${JSON.stringify(path)} (${reason})`])
  })

  test('directories are held to the same rules', () => {
    const { manifest, refused } = parseManifest(doc({}, ['/etc', 'ok', '..\\up']))
    expect([...manifest.dirs]).toEqual(['ok'])
    expect(refused).toHaveLength(2)
  })

  test.each([
    ['not JSON', '{"format": "ftps-deploy-manifest", "files": [oops', /^not JSON/],
    ['a truncated one', doc({ 'a.txt': { sha256: H, size: 1 } }).slice(0, -5), /^not JSON/],
    [
      'another format',
      JSON.stringify({ format: 'other', version: 1, files: {}, dirs: [] }),
      /^not an ftps-deploy-manifest$/
    ],
    [
      'another version',
      JSON.stringify({ format: 'ftps-deploy-manifest', version: 2, files: {}, dirs: [] }),
      /^unknown version 2$/
    ],
    [
      'files as an array',
      JSON.stringify({ format: 'ftps-deploy-manifest', version: 1, files: [], dirs: [] }),
      /^files or dirs missing$/
    ],
    ['a bad hash', doc({ 'a.txt': { sha256: 'xyz', size: 1 } }), /^bad entry for "a.txt"$/],
    ['a negative size', doc({ 'a.txt': { sha256: H, size: -1 } }), /^bad entry for "a.txt"$/],
    ['a null entry', doc({ 'a.txt': null }), /^bad entry for "a.txt"$/],
    ['a directory that is no string', doc({}, [7]), /^bad directory 7$/]
  ])('%s is corrupt', (_, text, message) => {
    expect(() => parseManifest(text)).toThrow(ManifestCorrupt)
    expect(() => parseManifest(text)).toThrow(message)
  })

  test('what is serialized parses back the same', () => {
    const { manifest } = parseManifest(
      doc({ 'b.txt': { sha256: H, size: 0 }, 'a/ü.txt': { sha256: H, size: 3 } }, ['a'])
    )
    expect(parseManifest(serializeManifest(manifest)).manifest).toEqual(manifest)
  })
})

test.each(['index.html', 'a/b/c.txt', '[slug]/page.js', '.htaccess', 'with space/x y.txt'])(
  '%j is a safe path',
  path => {
    expect(unsafePathReason(path)).toBeUndefined()
  }
)

describe('checked temporaries in the manifest', () => {
  const sha = 'c'.repeat(64)
  test('written only while there are some, read back; one not beside its target is dropped', () => {
    const m = { files: new Map(), dirs: new Set<string>(), checked: new Map() }
    expect(serializeManifest(m)).not.toMatch(/checked/)
    m.checked.set('d/.ftps-deploy.a.txt.mabc12.1a2b3c4d-1.tmp', { target: 'd/a.txt', sha256: sha, size: 3 })
    m.checked.set('.ftps-deploy.b.txt.mabc12.1a2b3c4d-2.tmp', { target: 'd/b.txt', sha256: sha, size: 3 })
    m.checked.set('d/not-a-temporary.txt', { target: 'd/x.txt', sha256: sha, size: 3 })
    const { manifest } = parseManifest(serializeManifest(m))
    expect([...(manifest.checked ?? [])]).toEqual([
      ['d/.ftps-deploy.a.txt.mabc12.1a2b3c4d-1.tmp', { target: 'd/a.txt', sha256: sha, size: 3 }]
    ])
  })
})
