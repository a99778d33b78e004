import { Client } from 'basic-ftp'
import { readFileSync } from 'node:fs'
import { startServer } from '../__tests__/harness/servers.js'

const server = await startServer('pyftpdlib')
const lines: string[] = []
try {
  for (let round = 0; round < 10; round++) {
    const client = new Client(3000)
    client.ftp.verbose = true
    client.ftp.log = (m: string) => lines.push(`${round}: ${m.trim().split('\n')[0]}`)
    await client.access({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, secure: true, secureOptions: { ca: readFileSync(server.pki.caCertPath) } })
    await client.send('PROT P')
    for (const cmd of ['/no-such-dir']) {
      await client.list(cmd).then(() => lines.push(`${round}: list ok`), (e: Error) => lines.push(`${round}: list failed ${e.message}`))
    }
    await client.uploadFrom(Buffer.from('x') as never, '/no-such-dir/x').catch((e: Error) => lines.push(`${round}: stor failed ${e.message}`))
    for (let i = 0; i < 3; i++) {
      await new Promise(r => setTimeout(r, 100))
      await client.send('PWD').then(r => lines.push(`${round}: PWD -> ${r.message}`), (e: Error) => lines.push(`${round}: PWD failed ${e.message}`))
    }
    client.close()
  }
} finally {
  await server.stop()
}
console.log(lines.filter(l => /226|PWD|failed|ok|STOR|LIST|MLSD/.test(l)).join('\n'))
