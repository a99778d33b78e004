/**
 * A server that caps sessions, over SFTP (issue 24 item 2, "connection limits"): sshd with
 * MaxStartups 2 (harness/sshd.ts `limited`) closes a connection before its banner while two
 * others are still logging in. The pool reads that as the server's limit: it goes on with the
 * sessions it has, warns once, spends no file's retries on it, and every file arrives.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { LIMITED_STARTUPS, sshdMissing, sshdSkipped, startSshd } from './harness/sshd.js'
import { sftpInputs } from './support/real-sshd.js'
import { makeTree, recordingLog, settingsOf } from './support/engine.js'

const maybe = sshdSkipped() ? test.skip : test
if (sshdSkipped()) console.log(`skipping the SFTP limit tests: ${sshdMissing()}`)

maybe(
  'sshd drops connections past MaxStartups: the pool shrinks, warns once, every file arrives',
  async () => {
    const server = await startSshd({ limited: true })
    try {
      const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.txt`, `${i}:${'x'.repeat(4096)}`]))
      const log = recordingLog()
      const result = await deploy(
        settingsOf(
          sftpInputs(server, {
            'local-dir': makeTree(files),
            'remote-dir': 'capped',
            concurrency: '8',
            retries: '0'
          })
        ),
        log
      )
      expect(result.uploaded).toHaveLength(200)
      expect(readFileSync(join(server.root, 'capped/f199.txt'), 'utf8')).toBe(files['f199.txt'])
      // sshd did drop some (the premise), and the run said so once.
      expect(server.readLog()).toMatch(/drop connection #\d+ from \[127\.0\.0\.1\]:\d+ .* past MaxStartups/)
      expect(log.warnings).toEqual([
        expect.stringMatching(
          /^The server limits connections \("Too many connections: the server closed the connection before the SSH handshake \(sshd MaxStartups\)"\): going on with \d+ connection\(s\) instead of 8 \(concurrency\)/
        )
      ])
      expect(LIMITED_STARTUPS).toBe(2)
    } finally {
      await server.stop()
    }
  },
  90_000
)
