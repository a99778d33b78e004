/**
 * `npx tsx bench/timeline-redeploy.ts [--server KIND] [--case nochange|everyday] [--rtt MS]`:
 * where a redeploy's round trips go (issue 22 items 3 and 4). The site is deployed once on
 * loopback, then deployed again through the latency proxy (nothing changed: 200 x 4 KiB in 10
 * directories; everyday: bench/everyday.ts's 2,000-file site from a fresh checkout), and every
 * protocol and info line of the second run is printed with the round trip it came in.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { deploy } from '../src/deploy.js'
import type { Log } from '../src/core/log.js'
import { serverMissing, type ServerKind, startServer } from '../__tests__/harness/servers.js'
import { serverInputs, settingsOf } from '../__tests__/support/engine.js'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { makeCheckout, makeSiteTree } from './everyday.js'
import { makeSmallTree } from './workloads.js'

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'vsftpd-tls12' },
    case: { type: 'string', default: 'nochange' },
    rtt: { type: 'string', default: '50' },
    quiet: { type: 'boolean', default: false }
  }
})
const kind = values.server as ServerKind
const rtt = Number(values.rtt)
const missing = serverMissing(kind)
if (missing !== undefined) throw new Error(`${kind}: ${missing}`)

const base = mkdtempSync(join(tmpdir(), 'timeline-'))
const everyday = values.case === 'everyday'
const site = everyday ? makeSiteTree(join(base, 'site')) : makeSmallTree(join(base, 'site'), 200, 10, 4096)
const server = await startServer(kind)
// The proxy in a process of its own: the deploy's hashing must not delay what it forwards.
const { min, max } = server.passivePorts
const child = spawn('npx', ['tsx', 'bench/latency-proxy-child.ts', ...[server.port, min, max, rtt].map(String)], {
  stdio: ['pipe', 'pipe', 'inherit']
})
const [first] = (await once(child.stdout, 'data')) as [Buffer]
const link = {
  port: Number(first.toString().trim()),
  close: async (): Promise<void> => {
    child.stdin.end()
    await once(child, 'exit')
  }
}
const quietLog: Log = { info: () => {}, warning: () => {}, debug: () => {}, group: (_n, fn) => fn() }
let started = performance.now()
const at = (): string => ((performance.now() - started) / rtt).toFixed(1).padStart(6)
const out: string[] = []
const log: Log = {
  info: m => out.push(`${at()}  info: ${m}`),
  warning: m => out.push(`${at()}  warning: ${m}`),
  debug: m => {
    if (/^(#\w+ )?([<>] |Data connection|Connect|Trying)/.test(m)) out.push(`${at()}  ${m.split('\n')[0]}`)
  },
  group: (_name, fn) => fn()
}
try {
  const remoteDir = `timeline-${Date.now()}`
  const inputs = (dir: string) => ({
    ...serverInputs(server, { 'local-dir': dir, 'remote-dir': remoteDir, delete: everyday ? 'true' : 'false' })
  })
  await deploy(settingsOf(inputs(site.dir)), quietLog)
  const second = everyday ? makeCheckout(site, join(base, 'checkout')).dir : site.dir
  started = performance.now()
  const result = await deploy(settingsOf({ ...inputs(second), host: '::1', port: String(link.port) }), log)
  const total = (performance.now() - started) / rtt
  if (!values.quiet) console.log(out.join('\n'))
  console.log(
    `\n${kind}, RTT ${rtt} ms, ${values.case}: ${result.uploaded.length} uploaded, ${total.toFixed(1)} round trips in all`
  )
} finally {
  await link.close()
  await server.stop()
}
