/**
 * Hashes taken while the run waits on the network (issue 22): one taken ahead serves every later
 * hashFiles of the run (the state read again under the lock hashes nothing twice), and none is
 * taken ahead after stop().
 */
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { hashFiles, HashesAhead } from '../src/local/hash.js'
import type { LocalFile } from '../src/local/local-files.js'
import { makeTree } from './support/engine.js'

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('HashesAhead', () => {
  it('hashes the files ahead, once: a file gone since is still known by its hash', async () => {
    const dir = makeTree({ 'a.txt': 'a', 'b/c.txt': 'c' })
    const files: LocalFile[] = ['a.txt', 'b/c.txt'].map(relPath => ({
      relPath,
      localPath: join(dir, relPath),
      size: 1
    }))
    const ahead = new HashesAhead(files)
    // Nobody asks for a hash meanwhile: what is known afterwards was taken ahead.
    await new Promise(resolve => setTimeout(resolve, 100))
    ahead.stop()
    rmSync(join(dir, 'a.txt'))
    rmSync(join(dir, 'b/c.txt'))
    const hashed = await hashFiles(files, () => true, 4, ahead)
    expect(hashed.map(f => f.sha256)).toEqual([sha('a'), sha('c')])
  })

  it('takes no hash ahead after stop(): a file gone by then fails when it is needed', async () => {
    const dir = makeTree({ 'a.txt': 'a' })
    const files: LocalFile[] = [{ relPath: 'a.txt', localPath: join(dir, 'a.txt'), size: 1 }]
    const ahead = new HashesAhead(files)
    ahead.stop()
    await new Promise(resolve => setTimeout(resolve, 20))
    rmSync(join(dir, 'a.txt'))
    await expect(hashFiles(files, () => true, 4, ahead)).rejects.toThrow(/ENOENT/)
  })
})
