/**
 * This run's temporary files: named by the run's TempNamer, tracked from the moment a name is
 * made until the file is renamed into place or removed, and removed at the end of a run that
 * leaves some behind (failed attempts; under `cutover: end`, every checked file of a run that
 * stops before its burst). The replacer is one.
 */
import type { TempNamer } from '../core/temp-name.js'
import type { SessionPool } from './pool.js'
import { quietly } from './refusals.js'

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

  /** Removes this run's temporaries still on the server (best effort), but those to `keep` (recorded for the next run). */
  async cleanUp(pool: SessionPool, keep: ReadonlySet<string> = new Set()): Promise<void> {
    for (const temp of [...this.temps].filter(t => keep.has(t))) this.settled(temp)
    for (const temp of [...this.temps]) {
      await pool
        // A refusal (550) says it is not there (pure-ftpd removes an upload over quota itself).
        .run(`Removing ${temp}`, session => quietly(session.remove(temp)), { always: true })
        .then(
          () => this.settled(temp),
          () => undefined
        )
    }
  }
}
