/**
 * `npx tsx bench/timeline.ts [--server KIND] [--files N] [--rtt MS] [--concurrency N]`: where a
 * first deploy's round trips go (issue 22 item 2). One run of this tree's engine (not a bundle)
 * through the latency proxy, into a new directory; every protocol line (the heartbeat's own
 * connection's included, prefixed `#lock`) and every info line is printed with the round trip
 * it came in (its time since the start / RTT), so the fixed ones can be counted by phase: the
 * login, the lock, the remote state, each file, the burst, the manifest, the release.
 */
import { parseArgs } from 'node:util'
import { deploy } from '../src/deploy.js'
import { serverMissing, type ServerKind, startServer } from '../__tests__/harness/servers.js'
import { makeTree, serverInputs, settingsOf } from '../__tests__/support/engine.js'
import { startChildProxy, timelineLog } from './timeline-common.js'

const { values } = parseArgs({
  options: {
    server: { type: 'string', default: 'vsftpd-tls12' },
    files: { type: 'string', default: '8' },
    rtt: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '1' }
  }
})
const kind = values.server as ServerKind
const rtt = Number(values.rtt)
const files = Number(values.files)
const missing = serverMissing(kind)
if (missing !== undefined) throw new Error(`${kind}: ${missing}`)

const tree = Object.fromEntries(Array.from({ length: files }, (_, i) => [`d${i % 2}/f${i}.bin`, Buffer.alloc(4096, i)]))
const server = await startServer(kind)
const link = await startChildProxy(server, rtt)
const { log, lines, elapsed } = timelineLog(rtt)
try {
  const inputs = {
    ...serverInputs(server, { 'local-dir': makeTree(tree), 'remote-dir': `timeline-${Date.now()}` }),
    host: '::1',
    port: String(link.port),
    concurrency: values.concurrency
  }
  const result = await deploy(settingsOf(inputs), log)
  const total = elapsed()
  console.log(lines.join('\n'))
  console.log(
    `\n${kind}, RTT ${rtt} ms, ${files} files, concurrency ${values.concurrency}: ${result.uploaded.length} uploaded, ${total.toFixed(1)} round trips in all`
  )
} finally {
  await link.close()
  await server.stop()
}
