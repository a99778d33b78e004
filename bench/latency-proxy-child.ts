/**
 * `npx tsx bench/latency-proxy-child.ts CONTROL_PORT MIN MAX RTT`: the latency proxy in a process
 * of its own (bench/timeline-common.ts), so the run it measures does not share its event loop: it
 * prints its port, and runs until stdin closes.
 */
import { startLatencyProxy } from './latency-proxy.js'

const [control, min, max, rtt] = process.argv.slice(2).map(Number)
const link = await startLatencyProxy({ controlPort: control!, passive: { min: min!, max: max! }, rttMs: rtt! })
console.log(link.port)
process.stdin.resume()
process.stdin.on('end', () => void link.close().then(() => process.exit(0)))
