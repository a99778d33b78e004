/**
 * Byte-for-byte check of what a tool left on the server's disk against the local tree: the same
 * set of files (sync-state files the tools keep at the top of the target are allowed), each with
 * identical content.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Top-level files a tool may keep in its target dir: ftp-deploy's state and our manifest. */
const ALLOWED_EXTRA = /^\.ftps?-deploy[\w.-]*\.json$/

export interface Verification {
  ok: boolean
  files: number
  bytes: number
  /** Empty when ok; else a short account of what is missing, extra or different. */
  problem: string
}

/** Every regular file under dir, relative, '/'-separated. */
export function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) return listFiles(join(dir, entry.name), rel)
    return entry.isFile() ? [rel] : [`${rel} (not a regular file)`]
  })
}

export function verifyTree(localDir: string, remoteDir: string): Verification {
  if (!existsSync(remoteDir)) return { ok: false, files: 0, bytes: 0, problem: 'the target dir does not exist' }
  const local = listFiles(localDir).filter(f => !(ALLOWED_EXTRA.test(f) && !f.includes('/')))
  const remote = new Set(listFiles(remoteDir))
  const missing: string[] = []
  const differing: string[] = []
  let bytes = 0
  for (const rel of local) {
    if (!remote.delete(rel)) {
      missing.push(rel)
      continue
    }
    const size = statSync(join(localDir, rel)).size
    if (!sameContent(join(localDir, rel), join(remoteDir, rel), size)) differing.push(rel)
    else bytes += size
  }
  const extra = [...remote].filter(f => !(ALLOWED_EXTRA.test(f) && !f.includes('/')))
  const problems = [
    describe('missing', missing, local.length),
    describe('different', differing, local.length),
    describe('unexpected', extra)
  ].filter(Boolean)
  return {
    ok: problems.length === 0,
    files: local.length - missing.length - differing.length,
    bytes,
    problem: problems.join('; ')
  }
}

function describe(what: string, paths: string[], total?: number): string {
  if (paths.length === 0) return ''
  const sample = paths.slice(0, 2).join(', ')
  const count = total === undefined ? `${paths.length} ${what} files` : `${paths.length} of ${total} files ${what}`
  return `${count} (${sample}${paths.length > 2 ? ', …' : ''})`
}

const CHUNK = 8 * 1024 * 1024

function sameContent(a: string, b: string, size: number): boolean {
  if (statSync(b).size !== size) return false
  if (size <= CHUNK) return readFileSync(a).equals(readFileSync(b))
  const fa = openSync(a, 'r')
  const fb = openSync(b, 'r')
  try {
    const ba = Buffer.alloc(CHUNK)
    const bb = Buffer.alloc(CHUNK)
    for (let pos = 0; pos < size; pos += CHUNK) {
      const na = readSync(fa, ba, 0, CHUNK, pos)
      const nb = readSync(fb, bb, 0, CHUNK, pos)
      if (na !== nb || !ba.subarray(0, na).equals(bb.subarray(0, nb))) return false
    }
    return true
  } finally {
    closeSync(fa)
    closeSync(fb)
  }
}
