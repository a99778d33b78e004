/**
 * The pool's connections logged in by the plan on a redeploy (issue 22), against real servers:
 * the lock's own connection starts as the lock's MKD is sent, the pool's connect once it is
 * greeted and log in once it is logged in (a host's connection limit, counted on connecting or
 * at login, leaves it its slot), and an opening started for a lock that turns out another run's
 * is closed at once, not kept while the run waits.
 */
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { deploy, DeployDeps } from '../src/deploy.js'
import { openSession, SessionFactory } from '../src/ftp/index.js'
import { listLocalFiles } from '../src/local/local-files.js'
import type { ServerKind } from './harness/servers.js'
import { startProxy } from './harness/proxy.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

const LOCK = '.ftps-deploy.lock'

/** Twelve files in three directories, `size` bytes each. */
const site = (size: number): string =>
  makeTree(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d${i % 3}/f${i}.txt`, 'x'.repeat(size)])))

/** The index of the first protocol line of `conn` ('' the main connection, '#2', '#lock') matching `text`. */
function at(lines: string[], conn: string, text: RegExp): number {
  const prefix = conn === '' ? 'debug: ' : `debug: ${conn} `
  return lines.findIndex(l => l.startsWith(prefix) && text.test(l.slice(prefix.length)))
}

describe.each(['vsftpd-tls12', 'pure-ftpd', 'proftpd'] as ServerKind[])('%s', kind => {
  const block = serverForBlock(kind)
  const maybe = block.maybe

  maybe(
    "a redeploy over a slow link: the pool connects once the lock's connection is greeted, logs in once it is in",
    async () => {
      const server = block.server()
      const remoteDir = `ready-${kind}`
      await deploy(
        settingsOf(serverInputs(server, { 'local-dir': site(100), 'remote-dir': remoteDir })),
        recordingLog()
      )
      const link = await startLatencyProxy({ controlPort: server.port, passive: server.passivePorts, rttMs: 60 })
      try {
        const log = recordingLog()
        // The lock's connection logs in a second late (a server slow to check a password): the
        // pool's, greeted meanwhile, wait for it.
        const slowLockLogin: SessionFactory = (settings, log, server, ahead, steps) =>
          openSession(settings, log, server, ahead, {
            ...steps,
            ...(steps?.greeted && { loginAfter: new Promise(resolve => setTimeout(resolve, 1_000)) })
          })
        const deps: DeployDeps = { openSession: slowLockLogin, listLocalFiles, now: () => Date.now() }
        // Every file resized: the login's listings show the change, the lock is taken at once.
        const inputs = serverInputs(server, { 'local-dir': site(200), 'remote-dir': remoteDir, timeout: '30' })
        const result = await deploy(settingsOf({ ...inputs, host: '::1', port: String(link.port) }), log, deps)
        expect(result.uploaded).toHaveLength(12)
        const lines = log.lines
        const lockMade = at(lines, '', new RegExp(`^< 257 .*${LOCK.replace(/\./g, '\\.')}`))
        const lockConnected = at(lines, '#lock', /^Connected to /)
        const lockGreeted = at(lines, '#lock', /^< 220[ -]/)
        const lockIn = at(lines, '#lock', /^< 230[ -]/)
        const poolConnected = at(lines, '#2', /^Connected to /)
        const poolGreeted = at(lines, '#2', /^< 220[ -]/)
        const logins = ['#2', '#3', '#4'].map(conn => at(lines, conn, /^> USER /)).filter(i => i >= 0)
        expect([lockMade, lockConnected, lockGreeted, lockIn, poolConnected, poolGreeted]).not.toContain(-1)
        // The lock's connection started with its MKD, before that MKD's reply.
        expect(lockConnected).toBeLessThan(lockMade)
        // The pool's first connection after its greeting, and greeted itself before its login was done.
        expect(lockGreeted).toBeLessThan(poolConnected)
        expect(poolGreeted).toBeLessThan(lockIn)
        // Every login of the pool after the lock's: a limit counted at login leaves it its slot.
        expect(logins.length).toBeGreaterThan(0)
        for (const login of logins) expect(login).toBeGreaterThan(lockIn)
      } finally {
        await link.close()
      }
    },
    120_000
  )

  maybe(
    "another run's lock: the lock's connection, opened with the MKD, is closed at once, not kept while waiting",
    async () => {
      const server = block.server()
      const remoteDir = `theirs-${kind}`
      await deploy(
        settingsOf(serverInputs(server, { 'local-dir': site(100), 'remote-dir': remoteDir })),
        recordingLog()
      )
      server.putFile(
        `${remoteDir}/${LOCK}/holder.json`,
        JSON.stringify({ holder: 'GitHub Actions run 9', since: new Date().toISOString() })
      )
      const proxy = await startProxy(server.port)
      try {
        const open: number[] = []
        const log = recordingLog()
        // While the run waits for the lock (3 s), a second after it says so: its connections open then.
        const waiting = new Promise<void>(resolve => {
          const info = log.info
          log.info = message => {
            info(message)
            if (message.startsWith('Waiting for the deploy lock')) resolve()
          }
        })
        void waiting.then(() => setTimeout(() => open.push(proxy.openCount), 1_000))
        const deps: DeployDeps = {
          openSession,
          listLocalFiles,
          now: () => Date.now(),
          lockTiming: { heartbeatMs: 500, staleAfterMs: 60_000, pollMs: 300 }
        }
        const inputs = serverInputs(
          { ...server, port: proxy.port },
          { 'local-dir': site(200), 'remote-dir': remoteDir }
        )
        await expect(deploy(settingsOf({ ...inputs, 'lock-timeout': '3' }), log, deps)).rejects.toThrow(
          /^The deploy lock on \/theirs-\S+ is held by GitHub Actions run 9 since .*; gave up after lock-timeout 3 s/
        )
        // The lock's connection was opened with the MKD: only the run's first connection is left.
        expect(proxy.connectionCount).toBeGreaterThan(1)
        expect(open).toEqual([1])
      } finally {
        await proxy.close()
      }
    }
  )
})
