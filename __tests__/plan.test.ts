import { emptyManifest, Manifest } from '../src/core/manifest.js'
import { adoptionCandidates } from '../src/remote/adopt.js'
import { emptiedDirs, HashedFile, mayBeUnchanged, neededDirs, planDeploy, RemoteFacts } from '../src/core/plan.js'
import { planSteps, stepText } from '../src/core/plan-text.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

function file(relPath: string, size: number, sha256?: string): HashedFile {
  return { localPath: `/src/${relPath}`, relPath, size, sha256 }
}

function manifestOf(entries: Record<string, [string, number]>, dirs: string[] = []): Manifest {
  const manifest = emptyManifest()
  for (const [path, [sha256, size]] of Object.entries(entries)) manifest.files.set(path, { sha256, size })
  for (const dir of dirs) manifest.dirs.add(dir)
  return manifest
}

function facts(
  manifest: Manifest,
  files: Record<string, number>,
  dirs: string[] = [],
  more: Partial<RemoteFacts> = {}
) {
  return {
    manifest,
    index: { files: new Map(Object.entries(files)), dirs: new Set(dirs) },
    rootExists: true,
    abandoned: [],
    ...more
  }
}

const options = { sync: 'changed' as const, delete: false, remoteRoot: '/www', home: '/' }

describe('mayBeUnchanged: only files the manifest records at their size are worth hashing', () => {
  const manifest = manifestOf({ 'same.txt': [A, 10], 'resized.txt': [A, 10] })
  test.each([
    ['same.txt', 10, 'changed', true],
    ['resized.txt', 11, 'changed', false],
    ['new.txt', 10, 'changed', false],
    ['same.txt', 10, 'all', false]
  ] as const)('%s (%i bytes, sync %s): %s', (path, size, sync, expected) => {
    expect(mayBeUnchanged(file(path, size), manifest, sync)).toBe(expected)
  })
})

describe('planDeploy: what to upload, skip and delete', () => {
  const manifest = manifestOf({ 'same.txt': [A, 10], 'edited.txt': [A, 10], 'gone-local.txt': [A, 3] })
  const remote = facts(manifest, { 'same.txt': 10, 'edited.txt': 10, 'gone-local.txt': 3 })

  test('skips only a file whose hash and size match the manifest; a file without a hash is uploaded', () => {
    const plan = planDeploy(
      [file('same.txt', 10, A), file('edited.txt', 10, B), file('new.txt', 4), file('resized.txt', 12)],
      remote,
      options
    )
    expect(plan.skip.map(f => f.relPath)).toEqual(['same.txt'])
    expect(plan.uploads.map(u => [u.file.relPath, u.replaces])).toEqual([
      ['resized.txt', false],
      ['new.txt', false],
      ['edited.txt', true]
    ])
    expect(plan.deletes).toEqual([])
    expect(plan.forget).toEqual(['edited.txt'])
  })

  test('sync all uploads every file, replacing what the server holds', () => {
    const plan = planDeploy([file('same.txt', 10, A)], remote, { ...options, sync: 'all' })
    expect(plan.uploads.map(u => [u.file.relPath, u.replaces])).toEqual([['same.txt', true]])
    expect(plan.forget).toEqual(['same.txt'])
  })

  test('a manifest entry the server no longer holds at its size is stale: uploaded again, not forgotten twice', () => {
    const plan = planDeploy([file('same.txt', 10, A)], facts(manifest, { 'same.txt': 9 }), options)
    expect(plan.stale).toEqual(['same.txt', 'edited.txt', 'gone-local.txt'])
    expect(plan.uploads.map(u => u.file.relPath)).toEqual(['same.txt'])
    expect(plan.forget).toEqual([])
    expect(plan.writeManifest).toBe(true)
  })

  test('delete: only files the manifest lists, gone locally and still on the server', () => {
    const plan = planDeploy([file('same.txt', 10, A)], remote, { ...options, delete: true })
    expect(plan.deletes).toEqual(['edited.txt', 'gone-local.txt'])
  })

  test('nothing changed: no step at all, not even a manifest write', () => {
    const plan = planDeploy(
      [file('same.txt', 10, A)],
      facts(manifestOf({ 'same.txt': [A, 10] }), { 'same.txt': 10 }),
      options
    )
    expect(planSteps(plan)).toEqual([])
  })
})

describe('planDeploy: directories, order and the steps a dry run shows', () => {
  test('a first deploy creates remote-dir below the login directory, then the directories files need', () => {
    const plan = planDeploy(
      [file('a/b/c.txt', 1), file('a/d.txt', 2), file('top.txt', 3)],
      facts(emptyManifest(), {}, [], { rootExists: false }),
      { ...options, remoteRoot: '/home/u/www/site', home: '/home/u' }
    )
    expect(plan.createRoot).toEqual(['/home/u/www', '/home/u/www/site'])
    expect(plan.mkdirs).toEqual(['a', 'a/b'])
  })

  test('directories the server shows are not created; nothing is created when nothing is uploaded', () => {
    const withDir = planDeploy([file('a/b/c.txt', 1)], facts(emptyManifest(), {}, ['a']), options)
    expect(withDir.mkdirs).toEqual(['a/b'])
    const nothing = planDeploy([], facts(emptyManifest(), {}, [], { rootExists: false }), options)
    expect(nothing.createRoot).toEqual([])
  })

  test('deletions empty the directories this tool created, deepest first; others and occupied ones stay', () => {
    const manifest = manifestOf({ 'old/x/1.txt': [A, 1], 'old/2.txt': [A, 1], 'keep/3.txt': [A, 1] }, [
      'old',
      'old/x',
      'keep',
      'mine-but-not-emptied'
    ])
    const remote = facts(manifest, { 'old/x/1.txt': 1, 'old/2.txt': 1, 'keep/3.txt': 1 }, ['old', 'old/x', 'keep'])
    const plan = planDeploy([file('keep/3.txt', 1, A), file('mine-but-not-emptied/n.txt', 1)], remote, {
      ...options,
      delete: true
    })
    expect(plan.deletes).toEqual(['old/2.txt', 'old/x/1.txt'])
    expect(plan.rmdirs).toEqual(['old/x', 'old'])
  })

  test('every kind of step, in order: leftovers, directories, manifest, new files, replacements, deletions', () => {
    const manifest = manifestOf({ 'index.html': [A, 5], 'gone.txt': [A, 1], 'd/gone2.txt': [A, 1] }, ['d'])
    const remote = facts(manifest, { 'index.html': 5, 'gone.txt': 1, 'd/gone2.txt': 1 }, ['d'], {
      abandoned: ['.ftps-deploy.x.tmp']
    })
    const plan = planDeploy([file('index.html', 6), file('assets/app.1234.js', 9)], remote, {
      ...options,
      delete: true
    })
    expect(planSteps(plan).map(step => stepText(step, 'planned'))).toEqual([
      'would remove leftover .ftps-deploy.x.tmp',
      'would create directory assets',
      'would write the manifest (no longer vouching for 1 file(s) to be replaced)',
      'would upload assets/app.1234.js (9 bytes)',
      'would replace index.html (6 bytes)',
      'would delete d/gone2.txt',
      'would delete gone.txt',
      'would remove directory d (if empty)',
      'would write the manifest (final)'
    ])
  })
})

describe('path helpers of the plan', () => {
  test.each([
    [
      ['a/b/c.txt', 'a/d.txt', 'x.txt'],
      ['a', 'a/b']
    ],
    [
      ['z/1', 'b/2', 'b/c/3'],
      ['b', 'z', 'b/c']
    ],
    [[], []]
  ])('neededDirs(%j) = %j', (paths, dirs) => {
    expect(neededDirs(paths)).toEqual(dirs)
  })

  test.each([
    [['a', 'a/b', 'c'], ['a/x.txt'], ['a/b', 'c']],
    [['a', 'a/b'], [], ['a/b', 'a']],
    [['a', 'a/b'], ['a/b/deep.txt'], []]
  ])('emptiedDirs(%j, kept %j) = %j', (created, kept, emptied) => {
    expect(emptiedDirs(created, kept)).toEqual(emptied)
  })
})

describe('adoption (issue 14): files already on the server as they are here', () => {
  const evidence = 'same SHA-256 on the server (HASH)'
  const adoption = (sha256: string, size: number) => ({ sha256, size, evidence })

  test.each<[string, Manifest, Record<string, number>, HashedFile, boolean]>([
    ['no manifest entry, same size on the server', emptyManifest(), { 'a.txt': 10 }, file('a.txt', 10), true],
    [
      'a stale entry (the server holds another size)',
      manifestOf({ 'a.txt': [A, 7] }),
      { 'a.txt': 10 },
      file('a.txt', 10),
      true
    ],
    ['another size on the server', emptyManifest(), { 'a.txt': 9 }, file('a.txt', 10), false],
    ['not on the server', emptyManifest(), {}, file('a.txt', 10), false],
    [
      'the manifest vouches for it at this size',
      manifestOf({ 'a.txt': [A, 10] }),
      { 'a.txt': 10 },
      file('a.txt', 10),
      false
    ]
  ])('candidate: %s', (_name, manifest, onServer, local, expected) => {
    expect(adoptionCandidates([local], facts(manifest, onServer), 'changed')).toEqual(expected ? [local] : [])
  })

  test('sync: all adopts nothing', () => {
    expect(adoptionCandidates([file('a.txt', 10)], facts(emptyManifest(), { 'a.txt': 10 }), 'all')).toEqual([])
  })

  test('an adopted file is neither uploaded nor skipped as unchanged; the manifest is written', () => {
    const remote = facts(emptyManifest(), { 'a.txt': 10, 'b.txt': 10 }, [], {
      adopted: new Map([['a.txt', adoption(A, 10)]])
    })
    const plan = planDeploy([file('a.txt', 10), file('b.txt', 10)], remote, options)
    expect(plan.adopt).toEqual([{ file: file('a.txt', 10), sha256: A, evidence }])
    expect(plan.uploads.map(u => u.file.relPath)).toEqual(['b.txt'])
    expect(plan.skip).toEqual([])
    expect(plan.writeManifest).toBe(true)
    expect(planSteps(plan).map(s => stepText(s, 'planned'))).toContain(`would adopt a.txt (10 bytes, ${evidence})`)
  })

  test('with nothing else to do, adoption alone writes the manifest', () => {
    const remote = facts(emptyManifest(), { 'a.txt': 10 }, [], { adopted: new Map([['a.txt', adoption(A, 10)]]) })
    const steps = planSteps(planDeploy([file('a.txt', 10)], remote, options)).map(s => `${s.kind} ${s.path}`.trim())
    expect(steps).toEqual(['adopt a.txt', 'write manifest'])
  })

  test('an adoption for other content (hashed since) or another size is not used', () => {
    const remote = facts(emptyManifest(), { 'a.txt': 10, 'b.txt': 10 }, [], {
      adopted: new Map([
        ['a.txt', adoption(A, 10)],
        ['b.txt', adoption(A, 11)]
      ])
    })
    const plan = planDeploy([file('a.txt', 10, B), file('b.txt', 10)], remote, options)
    expect(plan.adopt).toEqual([])
    expect(plan.uploads.map(u => u.file.relPath).sort()).toEqual(['a.txt', 'b.txt'])
  })

  test('adopted files keep their directories when deletions empty others', () => {
    const manifest = manifestOf({ 'old/x.txt': [A, 1] }, ['old', 'keep'])
    const remote = facts(manifest, { 'old/x.txt': 1, 'keep/a.txt': 10 }, ['old', 'keep'], {
      adopted: new Map([['keep/a.txt', adoption(A, 10)]])
    })
    const plan = planDeploy([file('keep/a.txt', 10)], remote, { ...options, delete: true })
    expect(plan.deletes).toEqual(['old/x.txt'])
    expect(plan.rmdirs).toEqual(['old'])
  })
})

describe('planDeploy under cutover: end: the recorded checked temporaries', () => {
  const T1 = 'd/.ftps-deploy.a.txt.mabc12.1a2b3c4d-1.tmp'
  const T2 = 'd/.ftps-deploy.b.txt.mabc12.1a2b3c4d-2.tmp'
  const T3 = 'd/.ftps-deploy.c.txt.mabc12.1a2b3c4d-3.tmp'
  const UNRECORDED = 'd/.ftps-deploy.e.txt.mabc12.1a2b3c4d-4.tmp'
  const manifest = manifestOf({ 'd/a.txt': [B, 5] }, ['d'])
  manifest.checked = new Map([
    [T1, { target: 'd/a.txt', sha256: A, size: 10 }],
    [T2, { target: 'd/b.txt', sha256: A, size: 10 }],
    [T3, { target: 'd/c.txt', sha256: A, size: 10 }]
  ])
  const local = [file('d/a.txt', 10, A), file('d/b.txt', 10, A), file('d/c.txt', 10, B), file('d/e.txt', 10, A)]
  // T2 was changed on the server (9 bytes); T3 holds content the local file no longer has.
  const remote = facts(manifest, { 'd/a.txt': 5 }, ['d'], {
    abandoned: [T1, T2, T3, UNRECORDED],
    tempSizes: new Map([
      [T1, 10],
      [T2, 9],
      [T3, 10],
      [UNRECORDED, 10]
    ])
  })

  test('only one still at its size with the local hash is renamed; the rest are removed, unrecorded ones never trusted', () => {
    const plan = planDeploy(local, remote, { ...options, cutover: 'end' })
    expect(plan.uploads.map(u => [u.file.relPath, u.reuse])).toEqual([
      ['d/b.txt', undefined],
      ['d/c.txt', undefined],
      ['d/e.txt', undefined],
      ['d/a.txt', T1]
    ])
    expect(plan.leftovers).toEqual([T2, T3, UNRECORDED].sort())
    expect(plan.writeManifest).toBe(true)
    expect(planSteps(plan).map(s => stepText(s, 'planned'))).toContain(
      'would replace d/a.txt (10 bytes, not sent again: its checked temporary .ftps-deploy.a.txt.mabc12.1a2b3c4d-1.tmp renamed into place)'
    )
  })

  test('not under cutover: file, nor one another run may still be writing (not abandoned)', () => {
    expect(planDeploy(local, remote, { ...options, cutover: 'file' }).uploads.every(u => u.reuse === undefined)).toBe(
      true
    )
    const inFlight = { ...remote, abandoned: [] }
    expect(planDeploy(local, inFlight, { ...options, cutover: 'end' }).uploads.every(u => u.reuse === undefined)).toBe(
      true
    )
  })
})
