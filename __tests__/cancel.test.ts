/**
 * A stop by the runner (SIGINT/SIGTERM) ends the CLI non-zero within the runner's grace period
 * (7.5 s from SIGINT to SIGTERM), reachable server or not (issue 21, item 7): with the manifest
 * true and nothing half-written when the server answers, and the next run resumes; with the
 * server gone silent (a black hole), while connecting, while waiting for another run's lock,
 * and during long uploads, which are aborted. A killed run's temporaries, seconds old, are
 * removed by the next run, which holds the lock (item 6).
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultDeps, deploy } from '../src/deploy.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { startProxy } from './harness/proxy.js'
import { ftpAccount } from './harness/server-runtime.js'
import { FtpServer, serverMissing, startServer } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { runCliDeploy } from './support/cli-process.js'

/** Every path under dir, relative to it. */
function diskFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? diskFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}
/** Files made here (as root) belong to the server's account, as if it had made them. */
function chownTree(dir: string): void {
  const account = ftpAccount()
  if (account) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dir])
}
/** The next run breaks a lock left behind after 2 s instead of a minute. */
const quickLock = { ...defaultDeps, lockTiming: { heartbeatMs: 300, staleAfterMs: 2000, pollMs: 200 } }

const missing = serverMissing('vsftpd') !== undefined && process.env.CI !== 'true'
const maybe = missing ? test.skip : test
let server: FtpServer

beforeAll(async () => {
  if (!missing) server = await startServer('vsftpd')
})
afterAll(async () => {
  await server?.stop()
})

maybe.each(['SIGTERM', 'SIGINT'] as const)(
  '%s stops the deploy: exit 1, manifest true, the next run resumes',
  async signal => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`s${i % 5}/f${i}.bin`, randomBytes(1024)]))
    const local = makeTree(files)
    const remote = `cancel-${signal}`
    let uploaded = 0
    // cutover file: 'uploaded' lines come mid-upload (under end, in the burst; cutover-servers and
    // resume-servers cancel and kill end runs before it).
    const run = await runCliDeploy(
      serverInputs(server, { 'local-dir': local, 'remote-dir': remote, cutover: 'file' }),
      {
        password: server.password,
        onLine: (line, child) => {
          if (line.startsWith('uploaded ') && ++uploaded === 60) child.kill(signal)
        }
      }
    )
    expect(uploaded).toBeGreaterThanOrEqual(60)
    expect(run.code).toBe(1)
    expect(run.error).toMatch(new RegExp(`the deploy was cancelled \\(${signal}\\)`))
    const manifest = JSON.parse(readFileSync(join(server.root, remote, '.ftps-deploy-manifest.json'), 'utf8')) as {
      files: Record<string, { size: number }>
      checked?: Record<string, unknown>
    }
    const recorded = Object.keys(manifest.files)
    expect(recorded.length).toBeGreaterThanOrEqual(60)
    expect(recorded.length).toBeLessThan(300)
    for (const path of recorded) expect(statSync(join(server.root, remote, path)).size).toBe(1024)
    // Its aborted uploads' temporaries are removed: nothing half-written is left. Checked ones its
    // manifest records stay for the next run (cutover: end), which renames them.
    const temps = diskFiles(join(server.root, remote)).filter(p => TEMP_NAME.test(p.split('/').at(-1)!))
    expect(temps.filter(t => manifest.checked?.[t] === undefined)).toEqual([])
    // The cancelled run released its deploy lock: the next one does not wait for it.
    expect(existsSync(join(server.root, remote, '.ftps-deploy.lock'))).toBe(false)

    const resumed = await deploy(
      settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': remote })),
      recordingLog()
    )
    expect(resumed.filesSkipped).toBe(recorded.length)
    for (const [path, data] of Object.entries(files))
      expect(readFileSync(join(server.root, remote, path)).equals(data)).toBe(true)
    expect(diskFiles(join(server.root, remote)).filter(p => TEMP_NAME.test(p.split('/').at(-1)!))).toEqual([])
  }
)

maybe(
  'SIGINT with the server gone silent (black hole): exit 1 within 7.5 s, saying so; the next run cleans up',
  async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`d${i % 8}/f${i}.bin`, randomBytes(2048)]))
    const local = makeTree(files)
    const remote = 'cancel-black-hole'
    const proxy = await startProxy(server.port)
    let uploaded = 0
    let signalledAt = 0
    try {
      const run = await runCliDeploy(
        // cutover file: the 40th 'uploaded' line comes mid-upload (see above).
        serverInputs(server, { port: String(proxy.port), 'local-dir': local, 'remote-dir': remote, cutover: 'file' }),
        {
          password: server.password,
          limitMs: 40_000,
          onLine: (line, child) => {
            if (line.startsWith('uploaded ') && ++uploaded === 40) {
              // No byte either way from now on, every socket left open; the runner cancels 1 s later.
              proxy.blackHole(true)
              setTimeout(() => {
                signalledAt = Date.now()
                child.kill('SIGINT')
              }, 1000)
            }
          }
        }
      )
      const exitedAfter = Date.now() - signalledAt
      expect(signalledAt).toBeGreaterThan(0)
      expect(run.timedOut).toBe(false)
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null })
      expect(exitedAfter).toBeLessThan(7500)
      expect(run.error).toMatch(/the deploy was cancelled \(SIGINT\)/)
      // Nothing tried again after the cancel.
      const afterCancel = run.lines.slice(run.lines.findIndex(l => /Stopped after/.test(l)))
      expect(afterCancel.filter(l => /; retry \d+ of/.test(l))).toEqual([])
    } finally {
      await proxy.close()
    }
    // The server answers again: the next run (the same lock, broken once stale) removes the
    // cancelled run's temporaries, seconds old, and completes.
    const log = recordingLog()
    await deploy(settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': remote })), log, quickLock)
    const onDisk = diskFiles(join(server.root, remote))
    expect(onDisk.filter(p => TEMP_NAME.test(p.split('/').at(-1)!))).toEqual([])
    for (const [path, data] of Object.entries(files))
      expect(readFileSync(join(server.root, remote, path)).equals(data)).toBe(true)
    expect(existsSync(join(server.root, remote, '.ftps-deploy.lock'))).toBe(false)
  },
  90_000
)

maybe(
  'a run killed mid-upload (SIGKILL): the next run, holding the lock, removes its temporaries seconds old; live files right',
  async () => {
    const v1 = { 'config.php': Buffer.from('<?php $password = "v1"; ?>\n'), 'index.html': Buffer.from('v1') }
    const remote = 'killed'
    const site = join(server.root, remote)
    await deploy(settingsOf(serverInputs(server, { 'local-dir': makeTree(v1), 'remote-dir': remote })), recordingLog())
    const v2: Record<string, Buffer> = {
      'config.php': Buffer.concat([Buffer.from('<?php $password = "v2"; ?>\n'), randomBytes(256 * 1024)]),
      'index.html': Buffer.from('v2')
    }
    for (let i = 0; i < 24; i++) v2[`big/b${i}.bin`] = randomBytes(256 * 1024)
    const local = makeTree(v2)
    let uploaded = 0
    // cutover file: 'uploaded' lines come as files go live, mid-upload (under end they come in the
    // burst, when every temporary may be renamed already; resume-servers kills end runs).
    const killed = await runCliDeploy(
      serverInputs(server, { 'local-dir': local, 'remote-dir': remote, cutover: 'file' }),
      {
        password: server.password,
        onLine: (line, child) => {
          if (line.startsWith('uploaded ') && ++uploaded === 3) child.kill('SIGKILL')
        }
      }
    )
    expect(killed.signal).toBe('SIGKILL')
    const temps = (): string[] => diskFiles(site).filter(p => TEMP_NAME.test(p.split('/').at(-1)!))
    // Uploads were in flight: their temporaries are there, made seconds ago by a run that is gone.
    expect(temps().length).toBeGreaterThan(0)
    // The live files are whole: v1's, or v2's where it went live.
    for (const path of ['config.php', 'index.html'])
      expect([v1[path as keyof typeof v1], v2[path]].some(d => readFileSync(join(site, path)).equals(d))).toBe(true)

    const log = recordingLog()
    await deploy(settingsOf(serverInputs(server, { 'local-dir': local, 'remote-dir': remote })), log, quickLock)
    // Removed, or (checked and recorded: cutover end) renamed into place, not sent again.
    expect(log.text()).toMatch(/removed leftover .*\.ftps-deploy\..*\.tmp|not sent again: its checked temporary/)
    expect(temps()).toEqual([])
    for (const [path, data] of Object.entries(v2)) expect(readFileSync(join(site, path)).equals(data)).toBe(true)
  },
  90_000
)

maybe(
  'SIGINT while waiting for another run’s lock: exit 1 within 7.5 s, the other run’s lock untouched',
  async () => {
    const remote = 'cancel-lock-wait'
    const lock = join(server.root, remote, '.ftps-deploy.lock')
    mkdirSync(join(lock, 'beat-0'), { recursive: true })
    writeFileSync(join(lock, 'holder.json'), JSON.stringify({ holder: 'another run', since: new Date().toISOString() }))
    chownTree(join(server.root, remote))
    // A live holder: its heartbeat moves every second.
    let beat = 0
    const beating = setInterval(() => {
      renameSync(join(lock, `beat-${beat}`), join(lock, `beat-${beat + 1}`))
      beat += 1
    }, 1000)
    let signalledAt = 0
    try {
      const run = await runCliDeploy(
        serverInputs(server, { 'local-dir': makeTree({ 'a.txt': 'a' }), 'remote-dir': remote }),
        {
          password: server.password,
          onLine: (line, child) => {
            if (line.startsWith('Waiting for the deploy lock') && signalledAt === 0) {
              signalledAt = Date.now()
              child.kill('SIGINT')
            }
          }
        }
      )
      expect(signalledAt).toBeGreaterThan(0)
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null })
      expect(Date.now() - signalledAt).toBeLessThan(7500)
      expect(run.error).toMatch(/cancel(led)? \(SIGINT\)/)
      expect(existsSync(join(lock, 'holder.json'))).toBe(true)
      expect(existsSync(join(server.root, remote, 'a.txt'))).toBe(false)
    } finally {
      clearInterval(beating)
    }
  },
  60_000
)

maybe('SIGINT while connecting to a server that never answers: exit 1 within 7.5 s', async () => {
  const proxy = await startProxy(server.port)
  proxy.blackHole(true)
  let signalledAt = 0
  try {
    const run = await runCliDeploy(
      serverInputs(server, { port: String(proxy.port), 'local-dir': makeTree({ 'a.txt': 'a' }), 'remote-dir': 'x' }),
      {
        password: server.password,
        onLine: (line, child) => {
          if (line === '== Connect')
            setTimeout(() => {
              signalledAt = Date.now()
              child.kill('SIGINT')
            }, 1000)
        }
      }
    )
    expect(signalledAt).toBeGreaterThan(0)
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null })
    expect(Date.now() - signalledAt).toBeLessThan(7500)
    expect(run.error).toMatch(/the deploy was cancelled \(SIGINT\)/)
  } finally {
    await proxy.close()
  }
})

maybe(
  'SIGINT during long uploads (the server reads 1 MB/s): they are aborted, exit 1 within 7.5 s, nothing left',
  async () => {
    // vsftpd's own rate limit: the uploads crawl, the server stays quick to answer anything else.
    const slow = await startServer('vsftpd', { extraConfig: ['local_max_rate=1000000'] })
    const files = Object.fromEntries(
      Array.from({ length: 4 }, (_, i) => [`big${i}.bin`, randomBytes(16 * 1024 * 1024)])
    )
    const remote = 'cancel-long-uploads'
    let signalledAt = 0
    try {
      const run = await runCliDeploy(serverInputs(slow, { 'local-dir': makeTree(files), 'remote-dir': remote }), {
        password: slow.password,
        onLine: (line, child) => {
          if (line.startsWith('== Upload'))
            setTimeout(() => {
              signalledAt = Date.now()
              child.kill('SIGINT')
            }, 2000)
        }
      })
      expect(signalledAt).toBeGreaterThan(0)
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null })
      expect(Date.now() - signalledAt).toBeLessThan(7500)
      expect(run.error).toMatch(/^Upload of big\d\.bin: stopped, the deploy was cancelled \(SIGINT\)$/)
      expect(run.lines.filter(l => l.startsWith('warning: '))).toEqual([])
      // Nothing half-written: no upload finished, the aborted ones' temporaries are removed, the
      // lock released.
      expect(diskFiles(join(slow.root, remote))).toEqual([])
    } finally {
      await slow.stop()
    }
  },
  60_000
)
