/**
 * The engine's guarantees over SFTP under faults and while visitors read (issue 24 item 2): a
 * connection cut in the middle of uploads is retried on a new session and every file arrives
 * whole; a file replaced while something reads it on the server's disk is only ever the old
 * bytes or the new ones; adopt over SFTP (no hash command: `auto` uploads, `size` adopts).
 * Real sshd (harness/sshd.ts), the fault proxy (harness/proxy.ts) in front of it.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { startProxy } from './harness/proxy.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'

const sshd = sshdForFile('SFTP fault tests')
const maybe = sshd.maybe

const inputs = (extra: InputValues): InputValues => sftpInputs(sshd.server, { timeout: '15', ...extra })

maybe(
  'connections cut in the middle of uploads: retried on new sessions, every file whole on disk',
  async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.bin`, randomBytes(300_000)]))
    const proxy = await startProxy(sshd.server.port, { cut: { from: 'client', afterBytes: 700_000, connections: 2 } })
    try {
      const log = recordingLog()
      const result = await deploy(
        settingsOf(
          inputs({ port: String(proxy.port), 'local-dir': makeTree(files), 'remote-dir': 'cut', concurrency: '2' })
        ),
        log
      )
      expect(proxy.cutCount).toBeGreaterThanOrEqual(1)
      expect(result.uploaded).toHaveLength(12)
      for (const [name, data] of Object.entries(files))
        expect(readFileSync(join(sshd.server.root, 'cut', name))).toEqual(data)
      expect(log.lines.filter(l => /retry \d of 3/.test(l)).length).toBeGreaterThan(0)
    } finally {
      await proxy.close()
    }
  },
  90_000
)

maybe(
  'a file replaced while read on the server: every read is the old bytes or the new, never a mix',
  async () => {
    const old = randomBytes(4 * 1024 * 1024)
    const next = randomBytes(4 * 1024 * 1024)
    const local = makeTree({ 'big.bin': old })
    await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'watched' })), recordingLog())
    writeFileSync(join(local, 'big.bin'), next)
    const path = join(sshd.server.root, 'watched', 'big.bin')
    const seen = { old: 0, next: 0, other: 0 }
    let running = true
    const watcher = (async () => {
      while (running) {
        const data = readFileSync(path)
        if (data.equals(old)) seen.old++
        else if (data.equals(next)) seen.next++
        else seen.other++
        await new Promise(resolve => setTimeout(resolve, 2))
      }
    })()
    try {
      await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'watched' })), recordingLog())
    } finally {
      running = false
      await watcher
    }
    expect(seen.other).toBe(0)
    expect(seen.old).toBeGreaterThan(0)
    expect(readFileSync(path).equals(next)).toBe(true)
  },
  60_000
)

maybe('adopt over SFTP: auto uploads what it cannot compare, size adopts an equal size', async () => {
  sshd.server.putFile('adopt-auto/a.txt', 'same')
  sshd.server.putFile('adopt-size/a.txt', 'same')
  const local = makeTree({ 'a.txt': 'same' })
  const auto = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'adopt-auto' })), recordingLog())
  expect([auto.uploaded, auto.adopted]).toEqual([['a.txt'], []])
  const size = await deploy(
    settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'adopt-size', adopt: 'size' })),
    recordingLog()
  )
  expect([size.uploaded, size.adopted]).toEqual([[], ['a.txt']])
  const download = await deploy(
    settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'adopt-size', adopt: 'download', sync: 'changed' })),
    recordingLog()
  )
  expect(download.uploaded).toEqual([])
})

maybe(
  'a handle predicted wrong: the file is written again on the handle given, whole; no more predictions',
  async () => {
    const { openSftpSession } = await import('../src/sftp/index.js')
    const log = recordingLog()
    const session = await openSftpSession(settingsOf(inputs({})), log)
    try {
      const internals = session as unknown as { handles: { next(): Buffer | undefined }; predictHandles: boolean }
      internals.handles.next = () => Buffer.from([0, 0, 0, 42]) // no such handle is open
      const data = randomBytes(50_000)
      await session.makeDir(`${session.home}/predicted`)
      const sent = await session.upload(data, `${session.home}/predicted/a.bin`)
      expect(sent.size).toBe(data.length)
      expect(readFileSync(join(sshd.server.root, 'predicted/a.bin')).equals(data)).toBe(true)
      expect(internals.predictHandles).toBe(false)
      expect(log.text()).toContain('The server gave another handle than the one it freed last')
    } finally {
      session.close()
    }
  }
)

// With the server black-holed the keepalives end the session within about `timeout`; the tasks
// waiting for a connection then fail with the failed connection's error instead of each waiting
// for one (before, they waited until the lock's renewal gave up: 39 to 57 s here, once past 120 s).
// The clean-up that follows (manifest, temporaries, lock) tries each step once: some 12 to 35 s in all.
maybe(
  'a server that stops answering mid-deploy: keepalives end the session, the run fails instead of hanging',
  async () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.bin`, randomBytes(100_000)]))
    const proxy = await startProxy(sshd.server.port)
    try {
      const started = Date.now()
      const log = recordingLog()
      const run = deploy(
        settingsOf(
          inputs({
            port: String(proxy.port),
            'local-dir': makeTree(files),
            'remote-dir': 'hole',
            timeout: '3',
            retries: '0'
          })
        ),
        log
      )
      // The hole opens once the uploads have begun (not at a fixed time: a loaded machine may not
      // have logged in yet, and a handshake that hangs is another test's case).
      const poll = setInterval(() => {
        if (!log.lines.some(l => l.startsWith('group: Upload'))) return
        clearInterval(poll)
        proxy.blackHole(true)
      }, 5)
      run.catch(() => clearInterval(poll))
      await expect(run).rejects.toThrow(/Timed out while waiting for handshake|No response from server|Keepalive/i)
      expect(Date.now() - started).toBeLessThan(45_000)
    } finally {
      await proxy.close()
    }
  },
  120_000
)

maybe(
  'a connection closed before the SSH banner, no other opening: a connection error retried, not a connection limit',
  async () => {
    const proxy = await startProxy(sshd.server.port, {
      cut: { from: 'server', afterBytes: 0, how: 'close', connections: 1 }
    })
    try {
      const log = recordingLog()
      const result = await deploy(
        settingsOf(
          inputs({
            port: String(proxy.port),
            'local-dir': makeTree({ 'a.txt': 'a' }),
            'remote-dir': 'banner',
            concurrency: '1'
          })
        ),
        log
      )
      expect(proxy.cutCount).toBe(1)
      expect(result.uploaded).toHaveLength(1)
      expect(log.text()).toMatch(/the connection closed before the server's SSH banner arrived .*; retry 1 of 3/)
      expect(log.text()).not.toMatch(/MaxStartups|limits connections|Too many connections/)
    } finally {
      await proxy.close()
    }
  }
)
