/**
 * One real sshd for a whole SFTP test file, the set-up the SFTP suites share: started before
 * the file's tests, stopped after them, the tests skipped (with a line saying why) where sshd is
 * not installed here and this is not CI; and the connection inputs every suite starts from.
 */
import { SshdOptions, SshdServer, sshdMissing, sshdSkipped, startSshd } from '../harness/sshd.js'
import { InputValues } from './engine.js'

export interface FileSshd {
  /** The running sshd (within a test). */
  readonly server: SshdServer
  /** `test`, or `test.skip` where sshd is missing here. */
  maybe: jest.It
}

/** Starts sshd (with `options`) before the calling file's tests and stops it after them. */
export function sshdForFile(what: string, options: SshdOptions = {}): FileSshd {
  if (sshdSkipped()) console.log(`skipping the ${what}: ${sshdMissing()}`)
  let running: SshdServer | undefined
  beforeAll(async () => {
    if (!sshdSkipped()) running = await startSshd(options)
  }, 30_000)
  afterAll(() => running?.stop())
  return {
    get server(): SshdServer {
      if (running === undefined) throw new Error(`sshd is not running (the ${what} are skipped here)`)
      return running
    },
    maybe: sshdSkipped() ? test.skip : test
  }
}

/** protocol sftp to `server`, its host key pinned, then `extra` (the password only when asked for). */
export function sftpInputs(server: SshdServer, extra: InputValues = {}, password = true): InputValues {
  return {
    protocol: 'sftp',
    host: server.host,
    port: String(server.port),
    user: server.user,
    ...(password && { password: server.password }),
    'ssh-host-key': server.hostFingerprint,
    ...extra
  }
}
