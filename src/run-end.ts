/**
 * How a run ends, whatever happened: the lock released (within a cancel's time to clean up) and
 * the listing output read, each a warning once every change is made; and a read before the lock
 * that fails, read again under it unless the run was stopped.
 */
import { CancelledError, describeError } from './core/errors.js'
import type { Log } from './core/log.js'
import type { Settings } from './core/settings.js'
import type { RunLock } from './lock/run-lock.js'
import { listingFrom, listRemote, type ListingEntry } from './remote/listing.js'
import { listingWithFacts } from './remote/listing-facts.js'
import type { RemoteEntry } from './core/remote-session.js'
import type { SessionPool } from './session/pool.js'

/** A failed read before the lock is read again under it; a run stopped (a pin that failed) ends here. */
export function quietUnlessStopped(pool: SessionPool): (err: unknown) => undefined {
  return err => {
    if (pool.server.stopped !== undefined || err instanceof CancelledError) throw pool.server.stopped ?? err
    return undefined
  }
}

/** After a rollback: the lock released (a failure is a warning); undefined, nothing held any more. */
export async function releaseIfHeld(pool: SessionPool, held: RunLock | undefined, log: Log): Promise<undefined> {
  if (held !== undefined) await releaseWhenDone(pool, held, log)
  return undefined
}

/** Releases a lock still held (failure, cancel), within the time a cancel leaves to clean up. */
export function releaseWithin(pool: SessionPool, held: RunLock | undefined): Promise<void> | undefined {
  return held && pool.bounded('Releasing the deploy lock', held.lock.release())
}

/**
 * Releases the lock of a run whose changes are all made (within a cancel's time to clean up, as
 * on failure): a failure is a warning. True when released.
 */
export async function releaseWhenDone(pool: SessionPool, held: RunLock, log: Log): Promise<boolean> {
  try {
    await releaseWithin(pool, held)
    return true
  } catch (err) {
    log.warning(
      `The deploy is done, but its lock could not be released: ${describeError(err)} (it goes stale and is broken by the next run)`
    )
    return false
  }
}

/** The listing output of a run whose changes are all made: a failure is a warning and an empty listing. */
export async function listWhenDone(
  pool: SessionPool,
  remoteRoot: string,
  settings: Settings,
  log: Log,
  listing: Promise<ListingEntry[]> = listNow(pool, remoteRoot, settings, log)
) {
  try {
    return await listing
  } catch (err) {
    log.warning(
      `The deploy is done, but remote-dir could not be listed: ${describeError(err)} (the listing output is empty)`
    )
    return []
  }
}

function listNow(
  pool: SessionPool,
  remoteRoot: string,
  settings: Settings,
  log: Pick<Log, 'warning'>
): Promise<ListingEntry[]> {
  return listRemote(
    path => pool.run(`Listing ${path}`, session => session.listEntries(path)),
    remoteRoot,
    settings,
    log
  )
}

/**
 * The listing output where it is listed anew (MLSD servers, whose exact times STAT lines lack):
 * listed as soon as every change but the manifest's is made, on another connection while the
 * final check, the manifest's write and the lock's release go on (the manifest, the lock and
 * temporaries are never in it), instead of after them. A run that changes nothing lists
 * nothing anew: its state read's listings are the output (listAtEnd).
 */
export class EndListing {
  private early: Promise<ListingEntry[]> | undefined
  /** Built from the final check's listings (not listed anew). */
  private built = false
  /** Warnings of the early listing, said when its result is taken. */
  private readonly said: string[] = []

  constructor(
    private readonly pool: SessionPool,
    private readonly remoteRoot: string,
    private readonly settings: Settings
  ) {}

  /**
   * Every change but the manifest's is made: the listing starts where it cannot be built from the
   * run's listings alone. Where the final check's (`listed`, read after every change) show it,
   * MLSD's times come from MLST of its entries (one write), else it is listed anew.
   */
  readonly changesMade = (listed?: Promise<ReadonlyMap<string, RemoteEntry[]> | undefined>): void => {
    if (this.settings.listing === 'none' || builtFromListings(this.pool)) return
    const said = { warning: (m: string) => this.said.push(m) }
    const anew = (): Promise<ListingEntry[]> => listNow(this.pool, this.remoteRoot, this.settings, said)
    const withFacts = async (l: ReadonlyMap<string, RemoteEntry[]> | undefined): Promise<ListingEntry[]> => {
      const built = l && (await builtFrom(this.pool, l, this.remoteRoot, this.settings, said))
      this.built = built !== undefined
      return built ?? anew()
    }
    const facts = listed !== undefined && this.pool.server.statLists && this.pool.server.listCommand === 'MLSD'
    this.early ??= facts ? listed.then(withFacts) : anew()
    this.early.catch(() => undefined) // awaited by `result`, if the run gets there
  }

  /** The listing output, once every change is made (`listed`: as listAtEnd). */
  async result(log: Log, listed?: ReadonlyMap<string, RemoteEntry[]>): Promise<ListingEntry[]> {
    if (this.early === undefined) return listAtEnd(this.pool, this.remoteRoot, this.settings, log, listed)
    this.said.splice(0).forEach(m => log.warning(m))
    const listing = await listWhenDone(this.pool, this.remoteRoot, this.settings, log, this.early)
    if (this.built) log.debug(BUILT)
    return listing
  }
}

const BUILT = 'The listing output is built from the listings made since the last change'

/** Whether the listing output can be built from the final check's listings (STAT, as it lists with). */
function builtFromListings(pool: SessionPool): boolean {
  return pool.server.statLists && pool.server.listCommand !== 'MLSD'
}

/**
 * The listing output of a run whose changes are all made. `listed`: directories the run listed
 * after its last change (the state read, where it changed nothing; else the final check): the
 * output is built from them, with no listing, where the listing now would come the same way
 * (STAT, or SFTP's READDIR) and needs no directory they lack; where it would come from MLSD
 * (exact times, which STAT lines lack), with MLSD's facts of each entry STAT listed (MLST, on
 * the control connection). Anything else is listed now.
 */
export async function listAtEnd(
  pool: SessionPool,
  remoteRoot: string,
  settings: Settings,
  log: Log,
  listed?: ReadonlyMap<string, RemoteEntry[]>
): Promise<ListingEntry[]> {
  const built = listed === undefined ? undefined : await builtFrom(pool, listed, remoteRoot, settings, log)
  if (built !== undefined) log.debug(BUILT)
  return built ?? listWhenDone(pool, remoteRoot, settings, log)
}

/** The listing output from `listed`, where it provably is what a listing now would be; else undefined. */
async function builtFrom(
  pool: SessionPool,
  listed: ReadonlyMap<string, RemoteEntry[]>,
  remoteRoot: string,
  settings: Settings,
  log: Pick<Log, 'warning'>
): Promise<ListingEntry[] | undefined> {
  if (builtFromListings(pool)) return listingFrom(listed, remoteRoot, settings, log)
  if (pool.server.listCommand !== 'MLSD') return undefined
  // The facts not read (the connection lost): listed anew, as ever.
  return listingWithFacts(pool, listed, remoteRoot, settings, log).catch(() => undefined)
}
