/**
 * The one definition of the temporary names this tool uploads to before a rename, and of when
 * another run's temporary is abandoned. A name carries the run's tag and the time it was made:
 * '.ftps-deploy.app.js.mabc12.1a2b3c4d-7.tmp' is app.js, made at base-36 second mabc12 by run
 * 1a2b3c4d (its 7th temporary).
 */
import { randomBytes } from 'node:crypto'
import { posix } from 'node:path'

const PREFIX = '.ftps-deploy.'
const SUFFIX = '.tmp'

/** Any temporary of this tool, this version's or an older one's: one name, never a path. */
export const TEMP_NAME = /^\.ftps-deploy\.[^/]+\.tmp$/

const CURRENT = /^\.ftps-deploy\.([^/]+)\.([0-9a-z]+)\.([0-9a-f]{8})-(\d+)\.tmp$/

/**
 * Another run's temporary younger than this may still be in flight (its upload not yet renamed):
 * longer than one file's upload takes, and than clocks of two runners drift apart.
 */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000

export interface TempName {
  /** The file it stands for (base name). */
  target: string
  /** The run that made it; undefined for names of older versions, which carry none. */
  runTag?: string
  /** When it was made (ms since the epoch), if the name says. */
  madeAt?: number
}

export function parseTempName(name: string): TempName | undefined {
  if (!TEMP_NAME.test(name)) return undefined
  const m = CURRENT.exec(name)
  if (m) return { target: m[1], runTag: m[3], madeAt: parseInt(m[2], 36) * 1000 }
  return { target: name.slice(PREFIX.length, -SUFFIX.length) }
}

/** Makes this run's temporary names. */
export class TempNamer {
  private count = 0

  constructor(
    readonly runTag: string = randomBytes(4).toString('hex'),
    private readonly now: () => number = () => Date.now()
  ) {}

  /** '/www/a/b.js' -> '/www/a/.ftps-deploy.b.js.<time>.<tag>-<n>.tmp'. */
  pathFor(remotePath: string): string {
    const made = Math.floor(this.now() / 1000).toString(36)
    const name = `${PREFIX}${posix.basename(remotePath)}.${made}.${this.runTag}-${++this.count}${SUFFIX}`
    return posix.join(posix.dirname(remotePath), name)
  }

  /**
   * Whether a listed temporary is provably abandoned: this run's own (left by a failed attempt),
   * an older version's (no run tag), or another run's made more than ABANDONED_AFTER_MS ago.
   * A run that holds the deploy lock owns remote-dir: no other run can be uploading there, so
   * every temporary is abandoned, whatever its age (a killed run's, seconds old).
   */
  isAbandoned(name: string, holdsLock = false): boolean {
    const temp = parseTempName(name)
    if (temp === undefined) return false
    if (holdsLock) return true
    if (temp.runTag === undefined || temp.madeAt === undefined || temp.runTag === this.runTag) return true
    return this.now() - temp.madeAt > ABANDONED_AFTER_MS
  }
}
