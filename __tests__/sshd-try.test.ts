import { execFileSync } from 'node:child_process'
import { startSshd } from './harness/sshd.js'
test('sshd starts', async () => {
  const s = await startSshd()
  try {
    console.log(s.hostFingerprint, s.hostKey, s.root)
    s.putFile('a.txt', 'hello')
    const out = execFileSync('bash', ['-c', `ssh-keyscan -p ${s.port} 127.0.0.1 2>/dev/null | ssh-keygen -lf -`], { encoding: 'utf8' })
    console.log(out)
  } finally {
    console.log(s.readLog().slice(-2000))
    await s.stop()
  }
}, 30000)
