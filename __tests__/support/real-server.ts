/**
 * One real server for a describe block, the set-up the server suites share: started before the
 * block's tests, stopped after them, and the tests skipped where the server is not installed
 * here (never under CI=true, where a missing server fails the run instead).
 */
import { FtpServer, serverMissing, ServerKind, StartOptions, startServer } from '../harness/servers.js'

/** The server is not installed here and this is not CI: its tests are skipped. */
export const skipped = (kind: ServerKind): boolean => serverMissing(kind) !== undefined && process.env.CI !== 'true'

export interface BlockServer {
  /** The running server (within a test of the block). */
  server(): FtpServer
  /** `test`, or `test.skip` where the server is missing here. */
  maybe: jest.It
}

/** Starts `kind` (with `options`) before the calling describe block's tests and stops it after them. */
export function serverForBlock(kind: ServerKind, options: StartOptions = {}): BlockServer {
  let running: FtpServer | undefined
  beforeAll(async () => {
    if (!skipped(kind)) running = await startServer(kind, options)
  }, 60_000)
  afterAll(() => running?.stop())
  return {
    server: () => {
      if (running === undefined) throw new Error(`${kind} is not running (its tests are skipped here)`)
      return running
    },
    maybe: skipped(kind) ? test.skip : test
  }
}
