/**
 * The planner on servers that fold letter case (Windows, IIS): a name that differs from a
 * local file's in case alone is that file there, so it is never deleted (which would delete
 * the local file) and the manifest forgets it. On a case-sensitive server nothing changes.
 */
import { caseCollisions, localCaseClashes, otherSpellings } from '../src/remote/case-fold.js'
import { emptyManifest } from '../src/core/manifest.js'
import { HashedFile, planDeploy, RemoteFacts } from '../src/core/plan.js'
import { planSteps, stepText } from '../src/core/plan-text.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const file = (relPath: string, size: number, sha256?: string): HashedFile => ({
  localPath: `/src/${relPath}`,
  relPath,
  size,
  sha256
})

function facts(
  manifest: Record<string, [string, number]>,
  files: Record<string, number>,
  foldsCase: boolean | undefined,
  dirs: string[] = []
): RemoteFacts {
  const m = emptyManifest()
  for (const [path, [sha256, size]] of Object.entries(manifest)) m.files.set(path, { sha256, size })
  for (const dir of dirs) m.dirs.add(dir)
  const index = { files: new Map(Object.entries(files)), dirs: new Set(dirs) }
  return { manifest: m, index, rootExists: true, abandoned: [], foldsCase }
}

const options = { sync: 'changed' as const, delete: true, remoteRoot: '/www', home: '/' }
const shape = (p: ReturnType<typeof planDeploy>) => ({
  uploads: p.uploads.map(u => `${u.file.relPath}${u.replaces ? ' (replaces)' : ''}`),
  skip: p.skip.map(f => f.relPath),
  deletes: p.deletes,
  aliases: p.aliases,
  forget: p.forget,
  rmdirs: p.rmdirs
})

describe('planDeploy with names that differ in case alone', () => {
  const renamed = facts({ 'Logo.PNG': [A, 5] }, { 'Logo.PNG': 5 }, true)
  test.each([
    [
      'a case-only rename on a server that folds case: a replacement, nothing deleted, the old name forgotten',
      renamed,
      [file('logo.png', 6)],
      options,
      {
        uploads: ['logo.png (replaces)'],
        skip: [],
        deletes: [],
        aliases: ['Logo.PNG'],
        forget: ['Logo.PNG'],
        rmdirs: []
      }
    ],
    [
      'the same on a case-sensitive server: a new file, then the old name deleted',
      { ...renamed, foldsCase: false },
      [file('logo.png', 6)],
      options,
      { uploads: ['logo.png'], skip: [], deletes: ['Logo.PNG'], aliases: [], forget: [], rmdirs: [] }
    ],
    [
      'not asked (no collision seen): as on a case-sensitive server',
      { ...renamed, foldsCase: undefined },
      [file('logo.png', 6)],
      options,
      { uploads: ['logo.png'], skip: [], deletes: ['Logo.PNG'], aliases: [], forget: [], rmdirs: [] }
    ],
    [
      'delete: false still forgets the other spelling (its entry vouches for bytes no longer there)',
      renamed,
      [file('logo.png', 6)],
      { ...options, delete: false },
      {
        uploads: ['logo.png (replaces)'],
        skip: [],
        deletes: [],
        aliases: ['Logo.PNG'],
        forget: ['Logo.PNG'],
        rmdirs: []
      }
    ],
    [
      'a file skipped as unchanged is never lost to a delete of its other spelling',
      facts({ 'A.TXT': [A, 3], 'a.txt': [A, 3] }, { 'A.TXT': 3, 'a.txt': 3 }, true),
      [file('a.txt', 3, A)],
      options,
      { uploads: [], skip: ['a.txt'], deletes: [], aliases: ['A.TXT'], forget: ['A.TXT'], rmdirs: [] }
    ],
    [
      'the same names on a case-sensitive server are two files: A.TXT is deleted',
      facts({ 'A.TXT': [A, 3], 'a.txt': [A, 3] }, { 'A.TXT': 3, 'a.txt': 3 }, false),
      [file('a.txt', 3, A)],
      options,
      { uploads: [], skip: ['a.txt'], deletes: ['A.TXT'], aliases: [], forget: [], rmdirs: [] }
    ],
    [
      'a renamed directory: its file is the local one, the directory is kept (it still holds it)',
      facts({ 'Assets/x.png': [A, 5] }, { 'Assets/x.png': 5 }, true, ['Assets']),
      [file('assets/x.png', 6), file('gone-too.txt', 1)],
      options,
      {
        uploads: ['gone-too.txt', 'assets/x.png (replaces)'],
        skip: [],
        deletes: [],
        aliases: ['Assets/x.png'],
        forget: ['Assets/x.png'],
        rmdirs: []
      }
    ],
    [
      'a renamed directory on a case-sensitive server: the old file and directory go',
      facts({ 'Assets/x.png': [A, 5], 'old.txt': [B, 1] }, { 'Assets/x.png': 5, 'old.txt': 1 }, false, ['Assets']),
      [file('assets/x.png', 6)],
      options,
      {
        uploads: ['assets/x.png'],
        skip: [],
        deletes: ['Assets/x.png', 'old.txt'],
        aliases: [],
        forget: [],
        rmdirs: ['Assets']
      }
    ],
    [
      'folding case changes nothing for names that do not collide',
      facts({ 'old.txt': [B, 1], 'keep.txt': [A, 2] }, { 'old.txt': 1, 'keep.txt': 2 }, true),
      [file('keep.txt', 2, A), file('NEW.txt', 1)],
      options,
      { uploads: ['NEW.txt'], skip: ['keep.txt'], deletes: ['old.txt'], aliases: [], forget: [], rmdirs: [] }
    ]
  ])('%s', (_name, remote, local, opts, expected) => {
    expect(shape(planDeploy(local, remote, opts))).toEqual(expected)
  })

  test('an upload that respells a file the server holds names the old spelling (removed first in place)', () => {
    const plan = planDeploy([file('logo.png', 6), file('index.html', 1)], renamed, options)
    expect(plan.uploads.map(u => [u.file.relPath, u.respells])).toEqual([
      ['index.html', undefined],
      ['logo.png', 'Logo.PNG']
    ])
    expect(planDeploy([file('logo.png', 6)], { ...renamed, foldsCase: false }, options).uploads[0].respells).toBe(
      undefined
    )
  })

  test('the dry run says why the manifest forgets the other spelling, and deletes nothing', () => {
    const steps = planSteps(planDeploy([file('logo.png', 6)], renamed, options)).map(s => stepText(s, 'planned'))
    expect(steps).toEqual([
      'would write the manifest (forgetting Logo.PNG: another spelling of a local file on a server that folds case)',
      'would replace logo.png (6 bytes)',
      'would write the manifest (final)'
    ])
  })
})

describe('what the probe asks about', () => {
  const index = (...files: string[]) => ({ files: new Map(files.map(f => [f, 1])), dirs: new Set<string>() })
  test.each([
    [['logo.png'], ['Logo.PNG'], ['Logo.PNG']],
    [['a.txt'], ['A.TXT', 'a.txt'], ['A.TXT']],
    [['assets/x.png'], ['Assets/X.png', 'other.txt'], ['Assets/X.png']],
    [['logo.png', 'a.txt'], ['logo.png', 'b.txt'], []]
  ])('local %j, server %j: collisions %j', (local, server, expected) => {
    expect(caseCollisions(local, index(...server))).toEqual(expected)
  })

  test.each([
    ['Logo.PNG', [], ['lOGO.png', 'logo.PNG', 'LOGO.PNG', 'logo.png']],
    // Both plain spellings are listed: a mixed one is asked for.
    ['A.TXT', ['a.txt'], ['a.TXT']],
    ['1/a', [], ['1/A']]
  ])('spellings of %s beside %j: %j', (path, listed, expected) => {
    expect(otherSpellings(path, index(path, ...listed))).toEqual(expected)
  })

  test('local files that differ in case alone are found, grouped', () => {
    expect(localCaseClashes(['a.txt', 'A.txt', 'b/c', 'B/C', 'B/c', 'd'])).toEqual([
      ['A.txt', 'a.txt'],
      ['B/C', 'B/c', 'b/c']
    ])
    expect(localCaseClashes(['a.txt', 'b.txt'])).toEqual([])
  })
})
