import { emptyManifest } from '../src/core/manifest.js'
import { ManifestStore } from '../src/manifest/manifest-store.js'
import { recordingLog } from './support/engine.js'

const A = 'a'.repeat(64)

describe('ManifestStore: a failed write is written again by the next flush', () => {
  test('after a rejected write, the failure path still records what succeeded', async () => {
    const written: number[] = []
    let fail = true
    const store = new ManifestStore(
      emptyManifest(),
      {
        write: async text => {
          if (fail) throw new Error('552 disk full')
          written.push(count(text))
        }
      },
      recordingLog()
    )
    await store.recorded('a.txt', { sha256: A, size: 1 })
    await expect(store.flush()).rejects.toThrow('552 disk full')
    fail = false
    await store.recorded('b.txt', { sha256: A, size: 1 })
    await store.flush()
    expect(written).toEqual([2])
  })

  test('a failed write leaves the state to write: a flush with no new change still writes', async () => {
    const written: number[] = []
    let fail = true
    const store = new ManifestStore(
      emptyManifest(),
      {
        write: async text => {
          if (fail) throw new Error('lost')
          written.push(count(text))
        }
      },
      recordingLog()
    )
    await store.recorded('a.txt', { sha256: A, size: 1 })
    await expect(store.flush()).rejects.toThrow('lost')
    fail = false
    await store.flush()
    expect(written).toEqual([1])
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

  test('over a slow link, checkpoints take at most a twentieth of the time: one per twenty times the last write', async () => {
    const startedAt: number[] = []
    let clock = 0
    const store = new ManifestStore(
      emptyManifest(),
      {
        write: async () => {
          startedAt.push(clock)
          clock += 500 // six round trips at about 80 ms
        }
      },
      recordingLog(),
      { every: 1, now: () => clock }
    )
    // 10 ms per file for 40 s.
    for (let i = 1; i <= 4000; i++) {
      clock += 10
      await store.recorded(`f${i}`, { sha256: A, size: 1 })
    }
    const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]!)
    expect(gaps.length).toBeGreaterThan(2)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10_000)
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

describe('ManifestStore: adopted files (issue 14)', () => {
  test('recordAll writes nothing by itself; the next write holds them all', async () => {
    const writtenAt: number[] = []
    const store = new ManifestStore(
      emptyManifest(),
      { write: async text => void writtenAt.push(count(text)) },
      recordingLog(),
      { minIntervalMs: 0 }
    )
    store.recordAll(
      Array.from({ length: 5000 }, (_, i): [string, { sha256: string; size: number }] => [
        `a${i}`,
        { sha256: A, size: 1 }
      ])
    )
    expect(writtenAt).toEqual([])
    await store.flush()
    expect(writtenAt).toEqual([5000])
  })
})

test('with the run\u2019s changes known, the last one writes no checkpoint: the final flush writes it once', async () => {
  const written: number[] = []
  const store = new ManifestStore(
    emptyManifest(),
    { write: async text => void written.push(count(text)) },
    recordingLog(),
    { every: 2, minIntervalMs: 0 }
  )
  store.expectChanges(4)
  for (const name of ['a', 'b', 'c', 'd']) await store.recorded(`${name}.txt`, { sha256: A, size: 1 })
  expect(written).toEqual([2])
  await store.flush()
  expect(written).toEqual([2, 4])
})

describe('ManifestStore: the final write staged ahead of the burst', () => {
  /** A writer that stages (uploads a temporary) and places (renames it), and writes whole. */
  function stagingWriter() {
    const events: string[] = []
    return {
      events,
      writer: {
        write: async (text: string) => void events.push(`write ${count(text)}`),
        stage: async (text: string, aside: boolean) => {
          events.push(`stage ${count(text)}${aside ? ' aside' : ''}`)
          return {
            place: async () => void events.push(`place ${count(text)}`),
            drop: async () => void events.push(`drop ${count(text)}`)
          }
        }
      }
    }
  }

  test('staged as it will be once every checked temporary is live, placed when it is exactly that', async () => {
    const { events, writer } = stagingWriter()
    const store = new ManifestStore(emptyManifest(), writer, recordingLog())
    await store.checkedTemp('.t1', { target: 'a.txt', sha256: A, size: 1 })
    await store.checkedTemp('.t2', { target: 'b.txt', sha256: A, size: 2 })
    const final = store.stage({ files: [], dirs: [] })!
    // The burst: both live.
    await store.recorded('a.txt', { sha256: A, size: 1 }, '.t1')
    await store.recorded('b.txt', { sha256: A, size: 2 }, '.t2')
    await final.place()
    expect(events).toEqual(['write 0', 'stage 2 aside', 'place 2'])
  })

  test('a change it did not foresee: written anew, the staged temporary never placed', async () => {
    const { events, writer } = stagingWriter()
    const store = new ManifestStore(emptyManifest(), writer, recordingLog())
    await store.checkedTemp('.t1', { target: 'a.txt', sha256: A, size: 1 })
    await store.checkedTemp('.t2', { target: 'b.txt', sha256: A, size: 2 })
    const final = store.stage({ files: [], dirs: [] })!
    // One went live; the other did not (its rename refused, its file written in place with other bytes).
    await store.recorded('a.txt', { sha256: A, size: 1 }, '.t1')
    await store.recorded('b.txt', { sha256: A, size: 3 }, '.t2')
    await final.place()
    // ...and its temporary removed, not left for the next run.
    expect(events).toEqual(['write 0', 'stage 2 aside', 'write 2', 'drop 2'])
    expect(events).not.toContain('place 2')
  })

  test('staged with the deletions foreseen: placed once they are made, written anew where one was not', async () => {
    for (const removed of [true, false]) {
      const { events, writer } = stagingWriter()
      const manifest = emptyManifest()
      manifest.files.set('old.txt', { sha256: A, size: 5 })
      manifest.dirs.add('gone')
      const store = new ManifestStore(manifest, writer, recordingLog())
      await store.checkedTemp('.t1', { target: 'a.txt', sha256: A, size: 1 })
      const final = store.stage({ files: ['old.txt'], dirs: ['gone'] })!
      await store.recorded('a.txt', { sha256: A, size: 1 }, '.t1')
      await store.forgotten('old.txt')
      // Not empty: kept (and still recorded).
      if (removed) store.dirRemoved('gone')
      await final.place()
      expect(events).toEqual(['write 1', 'stage 1 aside', ...(removed ? ['place 1'] : ['write 1', 'drop 1'])])
    }
  })

  test('discarded (the final check failed): the next flush writes the state as it is', async () => {
    const { events, writer } = stagingWriter()
    const store = new ManifestStore(emptyManifest(), writer, recordingLog())
    await store.recorded('a.txt', { sha256: A, size: 1 })
    const final = store.stage()!
    await store.forgotten('a.txt')
    await final.discard()
    await store.flush()
    expect(events).toEqual(['stage 1', 'write 0'])
  })
})
