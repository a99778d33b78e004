/**
 * Adoption: a matched file that the manifest does not vouch for, which the server already holds
 * at its size (a first deploy onto a site that is there, a lost manifest), is compared before
 * the plan is made, so it is recorded instead of uploaded again. A remote fact like the listing:
 * it changes nothing on the server, and a dry run gathers it too.
 */
import { describeError, ReplyError } from '../core/errors.js'
import { Log } from '../core/log.js'
import { hashFile, sha256File } from '../local/hash.js'
import { IANA_NAME } from '../core/hash-names.js'
import { AdoptMode, SyncMode } from '../core/settings.js'
import { Adoption, HashedFile, RemoteFacts } from '../core/plan.js'
import { forEachLimited } from '../core/concurrency.js'
import { SessionPool } from '../session/pool.js'
import { remotePathOf } from '../core/remote-path.js'
import { isTransient } from '../core/retry.js'

export interface AdoptContext {
  pool: SessionPool
  mode: AdoptMode
  remoteRoot: string
  concurrency: number
  log: Log
}

/**
 * The files worth comparing: the server holds one at the local size, and the manifest has no
 * entry of that size for it (none, or a stale one). Every other file is planned as before.
 */
export function adoptionCandidates<F extends HashedFile>(files: F[], facts: RemoteFacts, sync: SyncMode): F[] {
  if (sync !== 'changed') return []
  return files.filter(
    file =>
      facts.index.files.get(file.relPath) === file.size && facts.manifest.files.get(file.relPath)?.size !== file.size
  )
}

/** The adoption facts for the plan; without candidates, no group and no round trip. */
export async function adoptFromServer(
  files: HashedFile[],
  facts: RemoteFacts,
  sync: SyncMode,
  c: AdoptContext
): Promise<Map<string, Adoption>> {
  const candidates = adoptionCandidates(files, facts, sync)
  if (candidates.length === 0) return new Map()
  return c.log.group(`Adopt (${c.mode}): ${candidates.length} file(s) already on the server`, () =>
    findAdoptions(candidates, c)
  )
}

type Adopt = (file: HashedFile, sha256: string, evidence: string) => void

/** Compares the candidates as `mode` says; returns those the server holds with the local content. */
export async function findAdoptions(candidates: HashedFile[], c: AdoptContext): Promise<Map<string, Adoption>> {
  const adopted = new Map<string, Adoption>()
  if (c.mode === 'none' || candidates.length === 0) return adopted
  if (c.mode === 'auto') {
    const algorithm = await c.pool.run('Reading the server\u2019s hash commands', async s => s.server.hashAlgorithm)
    if (algorithm === undefined) {
      c.log.info(
        `adopt: auto: the server offers no hash command (HASH, XSHA256, XSHA512, XSHA1, XMD5): ${candidates.length} file(s) ` +
          'it holds at the same size are uploaded (adopt: download compares them by downloading)'
      )
      return adopted
    }
  }
  const adopt: Adopt = (file, sha256, evidence) => adopted.set(file.relPath, { sha256, size: file.size, evidence })
  // Empty files are equal by their size (and X commands refuse an empty range).
  for (const file of candidates.filter(f => f.size === 0))
    adopt(file, await localSha256(file), 'empty on the server too')
  const rest = candidates.filter(f => f.size > 0)
  if (c.mode === 'size') await bySize(rest, c, adopt)
  else if (c.mode === 'download') await byDownload(rest, c, adopt)
  else await byServerHash(rest, c, adopt)
  const differ = candidates.length - adopted.size
  c.log.info(
    `adopt: ${c.mode}: ${adopted.size} of ${candidates.length} file(s) the manifest does not vouch for are on the server as here` +
      (differ > 0 ? `; ${differ} to upload` : '')
  )
  return adopted
}

const localSha256 = async (file: HashedFile): Promise<string> => file.sha256 ?? sha256File(file.localPath)
const at = (c: AdoptContext, file: HashedFile): string => remotePathOf(c.remoteRoot, file.relPath)

async function bySize(files: HashedFile[], c: AdoptContext, adopt: Adopt): Promise<void> {
  await forEachLimited(files, c.concurrency, async file => adopt(file, await localSha256(file), 'same size'))
  if (files.length === 0) return
  c.log.warning(
    `adopt: size: ${files.length} file(s) the server already holds at the same size are taken as deployed ` +
      'without comparing content; an edit that keeps a file\u2019s size is missed (adopt: auto or download compare content)'
  )
}

async function byDownload(files: HashedFile[], c: AdoptContext, adopt: Adopt): Promise<void> {
  await forEachLimited(files, c.concurrency, async file => {
    const remote = await c.pool
      .run(`Download of ${file.relPath} to compare`, s => s.downloadHash(at(c, file)))
      .catch(notCompared(c, file))
    const sha256 = await localSha256(file)
    if (remote?.size === file.size && remote.sha256 === sha256) adopt(file, sha256, 'same SHA-256, downloaded')
  })
}

/**
 * A comparison that cannot be made (a refused RETR, a timeout on a huge file after the retries)
 * only means the file is uploaded; a cancel or a certificate failure still ends the run.
 */
function notCompared(c: AdoptContext, file: HashedFile): (err: unknown) => undefined {
  return err => {
    if (!(err instanceof ReplyError || isTransient(err))) throw err
    c.log.info(`${file.relPath}: not compared (${describeError(err)}): to upload`)
    return undefined
  }
}

/** The server's hashes, asked for in batches (one write each where the server takes pipelined commands). */
async function byServerHash(files: HashedFile[], c: AdoptContext, adopt: Adopt): Promise<void> {
  const batches: HashedFile[][] = []
  for (let i = 0; i < files.length; i += HASHES_PER_WRITE) batches.push(files.slice(i, i + HASHES_PER_WRITE))
  await forEachLimited(batches, c.concurrency, async batch => {
    const remote = await c.pool
      .run(`Hashes of ${batch.length} file(s)`, s =>
        s.hashes(batch.map(file => ({ path: at(c, file), size: file.size })))
      )
      .catch(notCompared(c, batch[0]!))
    for (const [i, file] of batch.entries()) {
      const hash = remote?.[i]
      if (hash === undefined) continue
      const local = await hashFile(file.localPath, [...new Set(['sha256', hash.algorithm] as const)])
      if (local[hash.algorithm] === hash.hex) {
        adopt(file, local.sha256, `same ${IANA_NAME[hash.algorithm]} on the server (${hash.verb})`)
      }
    }
  })
}

/** Hash commands sent together at most (the server computes each: keep a batch's replies timely). */
const HASHES_PER_WRITE = 16
