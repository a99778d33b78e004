import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startServer } from '../__tests__/harness/servers.js'
import { ftpAccount } from '../__tests__/harness/server-runtime.js'
import { openSession } from '../src/ftp/session.js'
import { recordingLog, serverInputs, settingsOf } from '../__tests__/support/engine.js'
import { randomBytes } from 'node:crypto'

const server = await startServer('pyftpdlib')
const mount = join(server.root, 'full')
const log = recordingLog()
try {
  mkdirSync(mount)
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0755', 'tmpfs', mount])
  const a = ftpAccount()!
  chownSync(mount, a.uid, a.gid)
  const s = await openSession(settingsOf(serverInputs(server, { timeout: '3' })), log)
  for (let i = 0; i < 6; i++) {
    const r = await s.upload(randomBytes(60_000), `/full/f${i}.bin`).then(x => `ok ${x.size}`, (e: Error) => `failed ${e.message}`)
    console.log(i, r)
    if (!s.usable) break
  }
  s.close()
} finally {
  spawnSync('umount', ['-l', mount])
  console.log(log.lines.filter(l => /[<>] /.test(l)).slice(-12).join('\n'))
  console.log(server.readLog().split('\n').filter(l => /f[3-5]\.bin|Error|error|226|426|451|452/.test(l)).slice(-30).join('\n'))
  await server.stop()
}
