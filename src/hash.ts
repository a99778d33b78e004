/** Content hashes of local files, streamed (a file is never held whole in memory). */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { LocalFile } from './local-files.js'
import { forEachLimited } from './pool.js'
import { HashedFile } from './sync-plan.js'

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export async function hashFiles(files: LocalFile[], parallel = 4): Promise<HashedFile[]> {
  const hashed = new Array<HashedFile>(files.length)
  const indexed = files.map((file, i) => ({ file, i }))
  await forEachLimited(indexed, parallel, async ({ file, i }) => {
    hashed[i] = { ...file, sha256: await sha256File(file.localPath) }
  })
  return hashed
}
