/** How a session pool (pool.ts) is sized and paced. */
export interface PoolOptions {
  /** Most sessions open at once. */
  size: number
  /** Retries per task after transient failures. */
  retries: number
  /** Uploads replace files by renaming a temporary over them (the server record's starting point). */
  atomic?: boolean
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Tries to get a first connection past a full server (default 5, about 15 to 30 s in all). */
  limitRetries?: number
  /** After this long with fewer connections than `size`, try one more (default 5 min, as lftp). */
  raiseAfterMs?: number
  now?: () => number
}
