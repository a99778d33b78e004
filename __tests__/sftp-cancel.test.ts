/**
 * A stop by the runner over SFTP (issue 24 item 2, "cancel"), as cancel.test.ts checks it over
 * FTPS: SIGTERM to the CLI in the middle of the uploads ends it with exit 1 saying so, its lock
 * released, no real name half-written (every file under its own name whole, every temporary left
 * one the manifest records), and the next run resumes from the manifest. Real sshd; the link
 * slowed by the latency proxy (a rate cap) so the signal lands mid-upload whatever the machine.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { TEMP_NAME } from '../src/core/temp-name.js'
import { startLatencyProxy } from '../bench/latency-proxy.js'
import { runCliDeploy } from './support/cli-process.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'

process.env.FAULTS_CLI = 'src' // the sources through tsx: dist is rebuilt by the lead

const sshd = sshdForFile('SFTP cancel tests')
const maybe = sshd.maybe

const inputs = (extra: InputValues): InputValues => sftpInputs(sshd.server, extra, false)

/** Every path under dir, relative to it. */
function diskFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? diskFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]
  )
}
const isTemp = (path: string): boolean => TEMP_NAME.test(path.split('/').at(-1)!)

maybe(
  'SIGTERM mid-upload: exit 1, the lock released, no real name half-written, the next run resumes',
  async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`s${i % 5}/f${i}.bin`, randomBytes(4096)]))
    const local = makeTree(files)
    const remote = 'cancel-sftp'
    // About 300 KB/s each way: the 1.2 MB take some 4 s, the signal comes after the 60th file.
    const link = await startLatencyProxy({
      controlPort: sshd.server.port,
      passive: { min: 1, max: 0 },
      rttMs: 10,
      rateBytesPerSecond: 300_000
    })
    let uploaded = 0
    try {
      // cutover file: 'uploaded' lines come mid-upload (under end, in the burst).
      const run = await runCliDeploy(
        inputs({ host: link.host, port: String(link.port), 'local-dir': local, 'remote-dir': remote, cutover: 'file' }),
        {
          password: sshd.server.password,
          onLine: (line, child) => {
            if (line.startsWith('uploaded ') && ++uploaded === 60) child.kill('SIGTERM')
          }
        }
      )
      expect(uploaded).toBeGreaterThanOrEqual(60)
      expect(run.code).toBe(1)
      expect(run.error).toMatch(/the deploy was cancelled \(SIGTERM\)/)
    } finally {
      await link.close()
    }
    const root = join(sshd.server.root, remote)
    const manifest = JSON.parse(readFileSync(join(root, '.ftps-deploy-manifest.json'), 'utf8')) as {
      files: Record<string, { size: number }>
      checked?: Record<string, unknown>
    }
    const recorded = Object.keys(manifest.files)
    expect(recorded.length).toBeGreaterThanOrEqual(60)
    expect(recorded.length).toBeLessThan(300)
    // Under its own name a file is whole (the manifest's or not): nothing half-written went live.
    const onDisk = diskFiles(root).filter(p => !p.startsWith('.ftps-deploy'))
    for (const path of onDisk.filter(p => !isTemp(p)))
      expect(readFileSync(join(root, path)).equals(files[path]!)).toBe(true)
    for (const path of recorded) expect(onDisk).toContain(path)
    // Its aborted uploads' temporaries are removed; checked ones the manifest records may stay.
    expect(onDisk.filter(p => isTemp(p) && manifest.checked?.[p] === undefined)).toEqual([])
    // The lock is released: the next run does not wait for it.
    expect(existsSync(join(root, '.ftps-deploy.lock'))).toBe(false)

    const resumed = await deploy(
      settingsOf({ ...inputs({ 'local-dir': local, 'remote-dir': remote }), password: sshd.server.password }),
      recordingLog()
    )
    expect(resumed.filesSkipped).toBe(recorded.length)
    for (const [path, data] of Object.entries(files)) expect(readFileSync(join(root, path)).equals(data)).toBe(true)
    expect(diskFiles(root).filter(isTemp)).toEqual([])
  },
  90_000
)
