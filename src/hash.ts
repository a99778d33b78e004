/** Content hashes of local files: small ones read in one call, larger ones streamed. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { CHUNK_BYTES, LocalFile, readSmall } from './local-files.js'
import { forEachLimited } from './pool.js'
import { HashedFile } from './plan.js'

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  const whole = readSmall(path)
  if (whole !== undefined) return hash.update(whole).digest('hex')
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer)
  return hash.digest('hex')
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
