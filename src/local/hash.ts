/** Content hashes of local files: small ones read in one call, larger ones streamed. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { CHUNK_BYTES, LocalFile, readSmall } from './local-files.js'
import { forEachLimited } from '../core/concurrency.js'
import { HashedFile } from '../core/plan.js'

export async function sha256File(path: string): Promise<string> {
  return (await hashFile(path, ['sha256'])).sha256
}

/** A file's digests in several algorithms (createHash names), read once. */
export async function hashFile<A extends string>(path: string, algorithms: readonly A[]): Promise<Record<A, string>> {
  const hashes = algorithms.map(algorithm => createHash(algorithm))
  const whole = readSmall(path)
  if (whole !== undefined) for (const hash of hashes) hash.update(whole)
  else
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
      for (const hash of hashes) hash.update(chunk as Buffer)
  return Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i].digest('hex')])) as Record<A, string>
}

/** Hashes the files `wanted` picks; the others keep no hash (they are hashed as they are sent). */
export async function hashFiles(
  files: LocalFile[],
  wanted: (file: LocalFile) => boolean = () => true,
  parallel = 4,
  ahead?: HashesAhead
): Promise<HashedFile[]> {
  const hashed: HashedFile[] = files.map(file => ({ ...file }))
  await forEachLimited(
    hashed.filter(file => wanted(file)),
    parallel,
    async file => {
      file.sha256 = await (ahead?.of(file) ?? sha256File(file.localPath))
    }
  )
  return hashed
}

/**
 * Hashes taken while the run waits on the network (issue 22): the login and the manifest's read
 * take round trips in which the CPU is idle. Files are hashed in order until `stop` (the manifest
 * is read: from then on only the files it picks are hashed); a hash taken, or under way, serves
 * every later `hashFiles` of the run, so the state read again under the lock hashes nothing twice.
 */
export class HashesAhead {
  private readonly taken = new Map<string, Promise<string>>()
  private stopped = false

  constructor(files: LocalFile[], parallel = 2) {
    const next = files[Symbol.iterator]()
    const worker = async (): Promise<void> => {
      for (let item = next.next(); !item.done && !this.stopped; item = next.next()) {
        // A small file is read and hashed at once: the replies waiting go first.
        await new Promise(resolve => setImmediate(resolve))
        if (!this.stopped) await this.of(item.value).catch(() => undefined)
      }
    }
    // A file that cannot be read fails when it is needed, not here.
    for (let i = 0; i < parallel; i++) void worker()
  }

  /** No more hashes ahead; the ones under way finish. */
  stop(): void {
    this.stopped = true
  }

  /** The file's hash, taken once. */
  of(file: LocalFile): Promise<string> {
    let hash = this.taken.get(file.localPath)
    if (hash === undefined) {
      hash = sha256File(file.localPath)
      // Unhandled until asked for: a failure is the caller's when it asks.
      hash.catch(() => undefined)
      this.taken.set(file.localPath, hash)
    }
    return hash
  }
}
