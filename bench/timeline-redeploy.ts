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
import { startChildProxy, timelineLog } from './timeline-common.js'
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
const link = await startChildProxy(server, rtt)
const quietLog: Log = { info: () => {}, warning: () => {}, debug: () => {}, group: (_n, fn) => fn() }
const { log, lines, elapsed, restart } = timelineLog(rtt)
try {
  const remoteDir = `timeline-${Date.now()}`
  const inputs = (dir: string) => ({
    ...serverInputs(server, { 'local-dir': dir, 'remote-dir': remoteDir, delete: everyday ? 'true' : 'false' })
  })
  await deploy(settingsOf(inputs(site.dir)), quietLog)
  const second = everyday ? makeCheckout(site, join(base, 'checkout')).dir : site.dir
  restart()
  const result = await deploy(settingsOf({ ...inputs(second), host: '::1', port: String(link.port) }), log)
  const total = elapsed()
  if (!values.quiet) console.log(lines.join('\n'))
  console.log(
    `\n${kind}, RTT ${rtt} ms, ${values.case}: ${result.uploaded.length} uploaded, ${total.toFixed(1)} round trips in all`
  )
} finally {
  await link.close()
  await server.stop()
}
