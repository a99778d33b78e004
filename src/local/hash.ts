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
  parallel = 4
): Promise<HashedFile[]> {
  const hashed: HashedFile[] = files.map(file => ({ ...file }))
  await forEachLimited(
    hashed.filter(file => wanted(file)),
    parallel,
    async file => {
      file.sha256 = await sha256File(file.localPath)
    }
  )
  return hashed
}
