import net from 'node:net'
import { startServer } from './harness/servers.js'
const greet = (port: number) =>
  new Promise<number>(r => {
    const t = Date.now()
    const s = net.connect({ host: '127.0.0.1', port })
    s.once('data', () => {
      r(Date.now() - t)
      s.destroy()
    })
  })
test('greet', async () => {
  for (const extra of [
    [],
    ['TLSEngine off'],
    ['UseReverseDNS off', 'ServerName "x"'],
    ['<IfModule mod_lang.c>', 'LangEngine off', '</IfModule>']
  ]) {
    const s = await startServer('proftpd', { extraConfig: extra })
    const times = [await greet(s.port), await greet(s.port), await greet(s.port)]
    process.stdout.write(`${JSON.stringify(extra)}: ${times.join(' ')}\n`)
    await s.stop()
  }
})
