/**
 * Ports for a test server: a control port plus a passive range, as one block that no other
 * jest worker (or other test process) can take at the same time. Blocks are claimed with lock
 * files named after our PID (see tryLock), each port is checked free by binding it, and blocks
 * lie below the kernel's ephemeral range so no client socket (the tests' own data connections
 * included) can sit on a passive port.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rmQuiet } from './server-runtime.js'

export interface PortBlock {
  control: number
  passiveMin: number
  passiveMax: number
  release(): void
}

const BLOCK = 64
const LOCK_DIR = join(tmpdir(), 'ftps-deploy-port-locks')

export async function reservePorts(passiveCount: number): Promise<PortBlock> {
  const [first, last] = portRegion()
  const need = 1 + passiveCount
  const blocksNeeded = Math.ceil(need / BLOCK)
  const blockCount = Math.floor((last - first + 1) / BLOCK)
  mkdirSync(LOCK_DIR, { recursive: true })
  for (let attempt = 0; attempt < 100; attempt++) {
    const start = Math.floor(Math.random() * (blockCount - blocksNeeded + 1))
    const locks = lockBlocks(first, start, blocksNeeded)
    if (locks === undefined) continue
    const base = first + start * BLOCK
    const release = (): void => locks.forEach(l => rmQuiet(l))
    if (await allFree(base, need)) {
      return { control: base, passiveMin: base + 1, passiveMax: base + passiveCount, release }
    }
    release()
  }
  throw new Error('no free port block for an FTP server after 100 tries')
}

/** Ports 10000 up to the start of the ephemeral range (or above it when that is too low). */
function portRegion(): [number, number] {
  let [lo, hi] = [32768, 60999]
  try {
    ;[lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number) as [
      number,
      number
    ]
  } catch {
    // not Linux: keep the usual defaults
  }
  return lo - 10000 >= 4 * BLOCK ? [10000, lo - 1] : [hi + 1, 65535]
}

function lockBlocks(first: number, start: number, count: number): string[] | undefined {
  const taken: string[] = []
  for (let b = start; b < start + count; b++) {
    const lock = tryLock(first + b * BLOCK)
    if (lock === undefined) {
      taken.forEach(l => rmQuiet(l))
      return undefined
    }
    taken.push(lock)
  }
  return taken
}

let lockSeq = 0

/**
 * Announce-then-check: write our own "port-<base>.<pid>.<seq>" file, then look for anyone
 * else's on the same block. A live rival means both back off (and retry elsewhere); a dead one's
 * file is removed. No step removes a file a live process may rely on.
 */
function tryLock(base: number): string | undefined {
  const prefix = `port-${base}.`
  const mine = `${prefix}${process.pid}.${++lockSeq}`
  writeFileSync(join(LOCK_DIR, mine), '')
  let contested = false
  for (const name of readdirSync(LOCK_DIR)) {
    if (!name.startsWith(prefix) || name === mine) continue
    const owner = Number(name.slice(prefix.length).split('.')[0])
    if (owner === process.pid || pidAlive(owner)) contested = true
    else rmQuiet(join(LOCK_DIR, name))
  }
  if (!contested) return join(LOCK_DIR, mine)
  rmQuiet(join(LOCK_DIR, mine))
  return undefined
}

async function allFree(base: number, count: number): Promise<boolean> {
  const ports = Array.from({ length: count }, (_, i) => base + i)
  const results = await Promise.all(ports.map(isFree))
  return results.every(Boolean)
}

function isFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen({ host: '127.0.0.1', port, exclusive: true }, () => srv.close(() => resolve(true)))
  })
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
