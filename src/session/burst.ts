/**
 * `cutover: end`'s burst: checked files held under their temporary names go live together, their
 * renames split across the pool's connections and sent together on each (a few round trips in
 * all, not one per file). And the window it opens: from the first write carrying a rename of a
 * real name to the last file in place, which the run reports.
 */
import type { RemoteSession } from '../core/remote-session.js'
import type { Checked } from './checked.js'
import { ofFile } from './checked.js'
import type { SessionPool } from './pool.js'

/** When files went live during a run: the window visitors may see a mix of old and new. */
export class LiveWindow {
  private first: number | undefined
  private last: number | undefined
  /** Files that went live by a rename. */
  renamed = 0

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A write carrying renames of real names is about to go. */
  renaming(): void {
    this.first ??= this.now()
  }

  /** A file is live under its name (by a rename, or written in place). */
  live(byRename: boolean): void {
    this.last = this.now()
    this.first ??= this.last
    if (byRename) this.renamed += 1
  }

  /** First rename sent to last file live, in ms; null when nothing went live. */
  get ms(): number | null {
    return this.first === undefined || this.last === undefined ? null : Math.round(this.last - this.first)
  }
}

/**
 * What must be done before any real name changes (a checkpoint of the manifest that stops
 * vouching for files to be replaced): uploads to temporary names go on meanwhile, while a write
 * in place or a burst waits for it (and fails with it).
 */
export class LiveGate {
  private before: Promise<unknown> = Promise.resolve()

  /** Nothing goes live under a real name until `done` is. */
  after(done: Promise<unknown>): void {
    this.before = this.before.then(() => done)
    this.before.catch(() => undefined) // thrown by `passed`, where something would go live
  }

  /** Waits till something may go live under a real name. */
  passed(): Promise<unknown> {
    return this.before
  }
}

/** Files whose renames go in one write: one pipelined batch of 64 commands (RNFR and RNTO each). */
export const BURST_FILES = 32

/**
 * Puts `files` in place over at most `connections` sessions, each its share in as few writes as
 * the server takes (`carry` sends a queue's renames together and leaves in it what must go
 * again). Waits for every share; the first failure is thrown, named after its file.
 */
export async function putInPlace(
  pool: SessionPool,
  files: Checked[],
  connections: number,
  carry: (session: RemoteSession, queue: Checked[]) => Promise<void>
): Promise<void> {
  const shares = Math.max(1, Math.min(connections, files.length))
  const queues = Array.from({ length: shares }, (_, i) => files.filter((_, j) => j % shares === i))
  const outcomes = await Promise.allSettled(
    queues.map(async queue => {
      while (queue.length > 0) {
        // A share of at most BURST_FILES at a time: a lost write leaves no more in doubt, and each
        // share's retries have a bounded task (a network that cuts connections still lets it through).
        const chunk = queue.splice(0, BURST_FILES)
        const first = chunk[0]!.name
        const shown = chunk.length > 1 ? `${first} and ${chunk.length - 1} more` : first
        await pool
          .run(`Putting ${shown} in place`, session => carry(session, chunk))
          .catch((err: unknown) => {
            throw ofFile(err, first)
          })
        queue.unshift(...chunk) // what must go again (answered 4xx)
      }
    })
  )
  const failed = outcomes.find(o => o.status === 'rejected')
  if (failed !== undefined) throw failed.reason
}
