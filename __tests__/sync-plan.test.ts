import { emptyManifest, Manifest, ManifestStore } from '../src/manifest.js'
import { HashedFile, mayBeUnchanged, planSync, RemoteIndex } from '../src/sync-plan.js'
import { recordingLog } from './support/engine.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

function file(relPath: string, size: number, sha256?: string): HashedFile {
  return { localPath: `/src/${relPath}`, relPath, size, sha256 }
}

function manifestOf(entries: Record<string, [string, number]>): Manifest {
  const manifest = emptyManifest()
  for (const [path, [sha256, size]] of Object.entries(entries)) manifest.files.set(path, { sha256, size })
  return manifest
}

const remoteOf = (files: Record<string, number>): RemoteIndex => ({
  files: new Map(Object.entries(files)),
  dirs: new Set()
})

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

describe('planSync', () => {
  const manifest = manifestOf({ 'same.txt': [A, 10], 'edited.txt': [A, 10], 'gone-local.txt': [A, 3] })
  const remote = remoteOf({ 'same.txt': 10, 'edited.txt': 10, 'gone-local.txt': 3 })

  test('skips only a file whose hash and size match the manifest; a file without a hash is uploaded', () => {
    const plan = planSync(
      [file('same.txt', 10, A), file('edited.txt', 10, B), file('new.txt', 4), file('resized.txt', 12)],
      manifest,
      remote,
      { sync: 'changed', delete: false }
    )
    expect(plan.skip.map(f => f.relPath)).toEqual(['same.txt'])
    expect(plan.upload.map(f => f.relPath)).toEqual(['edited.txt', 'new.txt', 'resized.txt'])
    expect(plan.remove).toEqual([])
  })

  test('a manifest entry the server no longer holds at its size is stale: uploaded again', () => {
    const plan = planSync([file('same.txt', 10, A)], manifest, remoteOf({ 'same.txt': 9 }), {
      sync: 'changed',
      delete: false
    })
    expect(plan.stale).toEqual(['same.txt', 'edited.txt', 'gone-local.txt'])
    expect(plan.upload.map(f => f.relPath)).toEqual(['same.txt'])
  })

  test('delete: only files the manifest lists, gone locally and still on the server', () => {
    const plan = planSync([file('same.txt', 10, A)], manifest, remote, { sync: 'changed', delete: true })
    expect(plan.remove).toEqual(['edited.txt', 'gone-local.txt'])
  })
})

describe('ManifestStore: written every 50 changes, or every tenth of its entries once that is more', () => {
  test('writes at 50, 100, ..., 500, then every 10% of the entries', async () => {
    const writtenAt: number[] = []
    const store = new ManifestStore(
      emptyManifest(),
      { write: async text => void writtenAt.push(count(text)) },
      recordingLog(),
      { minIntervalMs: 0 }
    )
    for (let i = 1; i <= 1000; i++) await store.recorded(`f${i}`, { sha256: A, size: 1 })
    expect(writtenAt).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 555, 616, 684, 759, 843, 936])
    await store.flush()
    expect(writtenAt.at(-1)).toBe(1000)
  })

  test('after the first write, at most one per second: changes wait for the next one', async () => {
    const writtenAt: number[] = []
    let clock = 0
    const store = new ManifestStore(
      emptyManifest(),
      { write: async text => void writtenAt.push(count(text)) },
      recordingLog(),
      { now: () => clock }
    )
    // 10 ms per file: 100 files per second.
    for (let i = 1; i <= 400; i++) {
      clock = i * 10
      await store.recorded(`f${i}`, { sha256: A, size: 1 })
    }
    expect(writtenAt).toEqual([50, 150, 250, 350])
  })
})

function count(text: string): number {
  return Object.keys((JSON.parse(text) as { files: object }).files).length
}
