import { spawnSync } from 'node:child_process'
import { startSshd } from './harness/sshd.js'
import { makeTree } from './support/engine.js'
test('bundle without native parts', async () => {
  const s = await startSshd()
  try {
    const local = makeTree({ 'a.txt': 'a' })
    const r = spawnSync(process.execPath, ['/tmp/sftp-ncc/cli/index.js', '--protocol=sftp', `--host=127.0.0.1`, `--port=${s.port}`, `--user=${s.user}`, `--ssh-host-key=${s.hostFingerprint}`, `--local-dir=${local}`, '--remote-dir=b', '--json'], { env: { ...process.env, FTPS_PASSWORD: s.password, NODE_OPTIONS: '' }, encoding: 'utf8' })
    console.log(r.status, r.stdout, r.stderr.slice(-1500))
  } finally { await s.stop() }
}, 60000)
