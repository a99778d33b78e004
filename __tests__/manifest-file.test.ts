/**
 * The manifest on a server that replaces files in each of the ways servers do: after every
 * single command of every write, one whole manifest (the old or the new) is readable, so a
 * run killed anywhere leaves the next one a manifest to trust.
 */

import { DeployError, ReplyError } from '../src/core/errors.js'
import { RemoteSession } from '../src/ftp/index.js'
import { emptyManifest, parseManifest, serializeManifest } from '../src/core/manifest.js'
import { manifestWriter, readManifest } from '../src/manifest/manifest-file.js'
import { SessionPool } from '../src/session/pool.js'
import { Replacer } from '../src/session/replace.js'
import { TempNamer } from '../src/core/temp-name.js'
import { recordingLog } from './support/engine.js'
import { ServerRecord } from '../src/core/server-record.js'

/** A server record for a fake session that takes one command at a time. */
const oneAtATime = (): ServerRecord =>
  Object.assign(new ServerRecord(recordingLog(), { atomic: true }), { pipelining: false })

interface Behaviour {
  renameOver: boolean
  renames: boolean
  /** pure-ftpd -r: an upload onto an existing name is stored as name.1. */
  overwrite: boolean
}

const M = '/www/.ftps-deploy-manifest.json'
const P = `${M}.previous`
const refused = (command: string): DeployError =>
  new DeployError(`${command} refused`, {
    command,
    code: 550,
    reply: '550 Cannot create a file when that file already exists.'
  })

/** An in-memory server; `after` runs after every command, as if the run could be killed there. */
function fakeSession(files: Map<string, Buffer>, b: Behaviour, after: () => void): RemoteSession {
  const done = <T>(value: T): T => {
    after()
    return value
  }
  return {
    tlsVersion: 'TLSv1.3',
    fingerprint: '',
    hash: async () => undefined,
    downloadHash: async () => undefined,
    hashes: async files => files.map(() => undefined),
    home: '/',
    usable: true,
    server: oneAtATime(),
    commit: () => Promise.reject(new Error('not used by these tests')),
    together: () => Promise.reject(new Error('not used by these tests')),
    statLists: () => Promise.reject(new Error('not used by these tests')),
    listEntries: () => Promise.reject(new Error('not used by these tests')),
    close: () => undefined,
    makeDir: async () => true,
    list: async () => [],
    statList: async () => undefined,
    removeDir: async () => undefined,
    chmod: async () => undefined,
    upload: async (source, path) => {
      const data = source as Buffer
      files.set(!b.overwrite && files.has(path) ? `${path}.1` : path, data)
      return done({ size: data.length, sha256: '' })
    },
    download: async path => done(files.get(path)),
    size: async path => done(files.get(path)?.length),
    rename: async (from, to) => {
      if (!b.renames || (!b.renameOver && files.has(to))) throw refused('RNTO')
      const data = files.get(from)
      if (data === undefined)
        throw new DeployError('RNFR refused', { command: 'RNFR', code: 550, reply: '550 No such file' })
      files.delete(from)
      files.set(to, data)
      done(undefined)
    },
    remove: async path => {
      if (!files.delete(path)) throw new ReplyError(550, '550 No such file')
      done(undefined)
    }
  }
}

const version = (n: number): string => {
  const manifest = emptyManifest()
  for (let i = 0; i < n; i++) manifest.files.set(`f${i}.txt`, { sha256: 'a'.repeat(64), size: i })
  return serializeManifest(manifest)
}

/** How many entries the manifest a reader would take holds (-1: none readable). */
function readable(files: Map<string, Buffer>): number {
  for (const path of [M, P]) {
    const data = files.get(path)
    if (data === undefined) continue
    try {
      return parseManifest(data.toString()).manifest.files.size
    } catch {
      continue
    }
  }
  return -1
}

describe.each([
  ['renames over a file (vsftpd, pure-ftpd, ProFTPD)', { renameOver: true, renames: true, overwrite: true }, 'rename'],
  ['refuses a rename over a file (IIS)', { renameOver: false, renames: true, overwrite: true }, 'delete-then-rename'],
  ['refuses renames (pure-ftpd -G)', { renameOver: false, renames: false, overwrite: true }, 'direct'],
  [
    'refuses renames and never overwrites (pure-ftpd -G -r)',
    { renameOver: false, renames: false, overwrite: false },
    'direct'
  ]
] as const)('a server that %s', (_, behaviour, mode) => {
  test('after every command of three writes, the old or the new manifest is whole; at the end only the new', async () => {
    const files = new Map<string, Buffer>([[M, Buffer.from(version(1))]])
    let expected = [1]
    const seen: number[] = []
    const session = fakeSession(files, behaviour, () => {
      const n = readable(files)
      seen.push(n)
      expect(expected).toContain(n)
    })
    const log = recordingLog()
    const pool = new SessionPool(async () => session, { size: 1, retries: 0 }, log)
    const replacer = new Replacer(pool.server, new TempNamer('1a2b3c4d'))
    const writer = manifestWriter(pool, replacer, M, { backupExists: false })
    for (const n of [2, 3, 4]) {
      expected = [n - 1, n]
      await writer.write(version(n))
      expect(readable(files)).toBe(n)
    }
    expect([...files.keys()]).toEqual([M])
    expect(seen.length).toBeGreaterThan(6)
    expect(log.warnings.length).toBeLessThanOrEqual(1)
    // What the writes found is the run's one record: the uploads after them replace files the same way.
    expect(pool.server.replace).toBe(mode)
    const read = await readManifest(pool, M, log)
    expect([read.from, read.manifest.files.size]).toEqual(['manifest', 4])
  })
})

test('with the manifest gone and its backup there, the backup is read', async () => {
  const files = new Map<string, Buffer>([[P, Buffer.from(version(3))]])
  const log = recordingLog()
  const session = fakeSession(files, { renameOver: true, renames: true, overwrite: true }, () => undefined)
  const pool = new SessionPool(async () => session, { size: 1, retries: 0 }, log)
  const read = await readManifest(pool, M, log)
  expect([read.from, read.manifest.files.size]).toEqual(['backup', 3])
})
