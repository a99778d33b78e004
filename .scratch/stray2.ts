import { Client } from 'basic-ftp'
import { readFileSync } from 'node:fs'
import { startServer } from '../__tests__/harness/servers.js'
import { PassiveConnector } from '../src/ftp/data-connection.js'

const server = await startServer('pyftpdlib')
const out: string[] = []
try {
  for (const tlsFirst of [true, false]) {
    let strays = 0, resets = 0, rounds = 0
    const client = new Client(3000)
    await client.access({ host: '127.0.0.1', port: server.port, user: server.user, password: server.password, secure: true, secureOptions: { ca: readFileSync(server.pki.caCertPath) } })
    await client.send('PROT P')
    for (let i = 0; i < 20; i++) {
      rounds++
      const data = await new PassiveConnector([], undefined).open(client)
      data.onError(() => undefined)
      const tls = tlsFirst ? data.ready().then(() => true, () => false) : Promise.resolve(true)
      const r = await client.send('RETR /no-such-file').then(x => x.message, (e: Error) => e.message)
      if (!(await tls)) resets++
      data.destroy()
      await new Promise(r => setTimeout(r, 100))
      const pwd = await client.send('PWD').then(x => x.message, (e: Error) => e.message)
      if (!pwd.startsWith('257')) { strays++; out.push(`tlsFirst=${tlsFirst}: RETR -> ${r}; PWD -> ${pwd}`); await client.send('NOOP').catch(() => undefined) }
    }
    out.push(`tlsFirst=${tlsFirst}: ${rounds} rounds, ${resets} handshakes reset, ${strays} PWD got another reply`)
    client.close()
  }
} finally {
  await server.stop()
}
console.log(out.join('\n'))
