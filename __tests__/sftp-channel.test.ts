/**
 * An SSH server that lets the connection in but refuses the SFTP channel on it (sshd with
 * MaxSessions 0 in the user's Match block: the login works, every session channel is refused,
 * "no more sessions" in its log). sshd counts MaxSessions per connection, and each session of
 * this tool opens one channel on a connection of its own: no other client's connections explain
 * the refusal, so a run with no other connection open fails at once, saying so (it used to wait
 * out 5 tries with backoff, 25 s, for a slot, and blame other clients).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { makeTree, recordingLog, settingsOf } from './support/engine.js'

const sshd = sshdForFile('SFTP channel tests', { extraConfig: ['MaxSessions 0'] })

sshd.maybe(
  'every SFTP channel refused after the login: the run fails at once naming the refused channel',
  async () => {
    const log = recordingLog()
    const inputs = sftpInputs(sshd.server, { 'local-dir': makeTree({ 'a.txt': 'a\n' }), 'remote-dir': 'refused' })
    const outcome = await deploy(settingsOf({ ...inputs, concurrency: '2' }), log).then(
      () => 'deployed',
      (err: unknown) => (err as Error).message
    )
    expect(outcome).toBe(
      "Too many sessions: the server refused an SFTP channel ((SSH) Channel open failure: open failed), the only channel of the run's only connection: " +
        'not a limit other clients reach (sshd counts MaxSessions per connection); the server lets this account log in but open no SFTP session'
    )
    // Refused by sshd for its session limit, once: no wait for a slot, no retry.
    expect(sshd.server.readLog().match(/no more sessions/g)).toHaveLength(1)
    expect(log.lines.filter(l => /trying again|retry \d/.test(l))).toEqual([])
    expect(existsSync(join(sshd.server.root, 'refused'))).toBe(false)
  },
  120_000
)
