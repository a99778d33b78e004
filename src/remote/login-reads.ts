/**
 * The reads that ride in the login's write (issue 22): the first write of readRemoteManifest
 * (the STATs ahead, the manifest's SIZE and its backup's), asked before the login directory is
 * known, with remote-dir as given: a relative one resolves against the login directory, as the
 * server reads it. Their replies are what the server held at the login, so only the read before
 * the lock takes them; everything under the lock is asked again.
 */
import { posix } from 'node:path'
import type { LocalFile } from '../core/plan.js'
import { EntryType, type RemoteEntry, type RemoteSession, type Reply } from '../core/remote-session.js'
import { resolveRemoteRoot } from '../core/remote-path.js'
import { firstReads, relDirsAhead } from './remote-state.js'

export class LoginReads {
  private dirs: string[] | undefined
  private readonly root: string

  constructor(
    remoteDir: string,
    private readonly manifestName: string
  ) {
    const relative = posix.normalize(remoteDir === '' ? '.' : remoteDir).replace(/(.)\/$/, '$1')
    this.root = remoteDir.startsWith('/') ? resolveRemoteRoot('/', remoteDir) : relative
  }

  /** The commands for the login's write, once the local files are known. */
  commands(localPaths: string[]): string[] {
    this.dirs = relDirsAhead(localPaths, undefined, this.root)
    return firstReads(this.dirs, this.root, this.manifestName)
  }

  /**
   * The directories to STAT (absolute) and the login's replies as readRemoteManifest asks
   * (remote-dir resolved to `remoteRoot`); undefined where the login's write did not carry them.
   */
  taken(session: RemoteSession, remoteRoot: string): { dirs: string[]; replies: Map<string, Reply> } | undefined {
    const sent = session.takeLoginReplies?.()
    if (sent === undefined || this.dirs === undefined) return undefined
    const given = firstReads(this.dirs, this.root, this.manifestName)
    if (!given.every(command => sent.has(command))) return undefined
    const asked = firstReads(this.dirs, remoteRoot, this.manifestName)
    const replies = new Map(asked.map((command, i) => [command, sent.get(given[i]!)!]))
    return { dirs: this.dirs.map(dir => (dir === '' ? remoteRoot : posix.join(remoteRoot, dir))), replies }
  }

  /**
   * Local files the login's listings show to have changed: at another size in a listed
   * directory, or not in it (a name no server hides: no leading dot, no other case). Each one is
   * uploaded whatever the manifest says: the plan writes, so the lock comes first and the state
   * is read under it (the read before it would only decide whether to take it).
   */
  changed(
    session: RemoteSession,
    taken: { dirs: string[]; replies: ReadonlyMap<string, Reply> },
    local: LocalFile[]
  ): LocalFile[] {
    const listed = new Map<string, RemoteEntry[]>()
    this.dirs?.forEach((dir, i) => {
      const reply = taken.replies.get(`STAT ${taken.dirs[i]}`)
      const entries = reply === undefined ? undefined : session.statListing?.(reply)
      if (entries !== undefined) listed.set(dir, entries)
    })
    return local.filter(file => {
      const dir = posix.dirname(file.relPath)
      const name = posix.basename(file.relPath)
      const entries = listed.get(dir === '.' ? '' : dir)
      if (entries === undefined || name.startsWith('.')) return false
      const entry = entries.find(e => e.name === name)
      if (entry !== undefined) return entry.type === EntryType.File && entry.size !== file.size
      return !entries.some(e => e.name.toLowerCase() === name.toLowerCase())
    })
  }
}
