/**
 * This run's temporary files: named by the run's TempNamer, tracked from the moment a name is
 * made until the file is renamed into place or removed, and removed at the end of a run that
 * leaves some behind (failed attempts; under `cutover: end`, every checked file of a run that
 * stops before its burst). The replacer is one.
 */
import type { TempNamer } from '../core/temp-name.js'
import type { SessionPool } from './pool.js'

/** Removals in one task (sent together where the server takes it). */
const REMOVE_AT_ONCE = 32

export class RunTemps {
  /** This run's temporaries not yet renamed or removed: removed at the end (`cleanUp`). */
  private readonly temps = new Set<string>()

  constructor(readonly names: TempNamer) {}

  /** A temporary name for target, tracked until `settled`. */
  tempFor(target: string): string {
    const temp = this.names.pathFor(target)
    this.temps.add(temp)
    return temp
  }

  /** A temporary an earlier run made that this run takes over (renames, or removes at the end). */
  track(temp: string): void {
    this.temps.add(temp)
  }

  settled(temp: string): void {
    this.temps.delete(temp)
  }

  /** This run's temporaries still on the server as far as it knows (after `cleanUp`: those it could not remove). */
  get unsettled(): string[] {
    return [...this.temps]
  }

  /**
   * Removes this run's temporaries still on the server (best effort), but those to `keep`
   * (recorded for the next run): the removals sent together, REMOVE_AT_ONCE to a task. A task
   * that fails (no connection) ends it: the server is out of reach, the next run removes the rest.
   */
  async cleanUp(pool: SessionPool, keep: ReadonlySet<string> = new Set()): Promise<void> {
    for (const temp of [...this.temps].filter(t => keep.has(t))) this.settled(temp)
    const temps = [...this.temps]
    for (let i = 0; i < temps.length; i += REMOVE_AT_ONCE) {
      const batch = temps.slice(i, i + REMOVE_AT_ONCE)
      const shown = batch.length > 1 ? `${batch[0]} and ${batch.length - 1} more` : batch[0]
      const removed = await pool
        .run(`Removing ${shown}`, session => session.together(batch.map(path => ({ kind: 'remove', path }))), {
          always: true
        })
        .catch(() => undefined)
      if (removed === undefined) return
      // A refusal (550) says it is not there (pure-ftpd removes an upload over quota itself).
      batch.forEach(temp => this.settled(temp))
    }
  }
}
