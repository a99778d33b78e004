/**
 * The same engine over SFTP (issue 24), against OpenSSH's internal-sftp chrooted as shared hosts
 * run it (harness/sshd.ts): what arrives on the server's disk byte for byte, a second run that
 * uploads nothing, delete, dry run, modes, two runs at once under the lock, and a replacement
 * that is never seen half written. Skipped where sshd is missing, unless CI=true.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { outputsOf } from '../src/report/report.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { startProxy } from './harness/proxy.js'
import { InputValues, makeTree, RecordingLog, recordingLog, settingsOf } from './support/engine.js'

const MANIFEST = '.ftps-deploy-manifest.json'
const LOCK = '.ftps-deploy.lock'

const tree: Record<string, Buffer> = {
  'index.html': Buffer.from('<!doctype html><title>hi</title>\n'),
  'empty.txt': Buffer.alloc(0),
  'assets/app.js': randomBytes(70_000),
  'big/blob.bin': randomBytes(5 * 1024 * 1024 + 17),
  'with space/ünï.txt': Buffer.from('names kept\r\n')
}

/** Every regular file under dir, relative, with its content. */
function filesOn(dir: string, prefix = ''): Record<string, Buffer> {
  if (!existsSync(dir)) return {}
  const out: Record<string, Buffer> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) Object.assign(out, filesOn(join(dir, entry.name), rel))
    else out[rel] = readFileSync(join(dir, entry.name))
  }
  return out
}

const sshd = sshdForFile('SFTP tests')
const maybe = sshd.maybe

const inputs = (extra: InputValues): InputValues => sftpInputs(sshd.server, { timeout: '15', ...extra })

maybe(
  'deploy, then a second run that uploads nothing; the host key output and the login line',
  async () => {
    const local = makeTree(tree)
    const log = recordingLog()
    const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'site1' })), log)
    expect(result.uploaded).toEqual(Object.keys(tree).sort())
    const onDisk = filesOn(join(sshd.server.root, 'site1'))
    const manifest = JSON.parse(onDisk[MANIFEST]!.toString()) as { files: Record<string, unknown> }
    delete onDisk[MANIFEST]
    expect(onDisk).toEqual(tree)
    expect(Object.keys(manifest.files).sort()).toEqual(Object.keys(tree).sort())
    expect(log.text()).toContain(
      `Logged in to 127.0.0.1:${sshd.server.port} as ${sshd.server.user} over SFTP (SSH), host key ${sshd.server.hostFingerprint}; login directory /site`
    )
    const outputs = outputsOf(result)
    expect(outputs['ssh-host-key']).toBe(sshd.server.hostFingerprint)
    expect(outputs['tls-fingerprint']).toBe('')
    // No hash command over SFTP: nothing is said about one until it is asked for.
    const again = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'site1' })), recordingLog())
    expect(again.uploaded).toEqual([])
    expect(again.filesSkipped).toBe(Object.keys(tree).length)
  },
  60_000
)

maybe(
  'a changed file replaces the old one by rename over it (posix-rename); delete removes what the manifest listed',
  async () => {
    const local = makeTree({ 'a.txt': 'one', 'b.txt': 'bee', 'keep/c.txt': 'sea' })
    await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'site2' })), recordingLog())
    const inode = statSync(join(sshd.server.root, 'site2/a.txt')).ino
    sshd.server.putFile('site2/unlisted.txt', 'not ours')
    writeFileSync(join(local, 'a.txt'), 'two!')
    const { rmSync } = await import('node:fs')
    rmSync(join(local, 'b.txt'))
    const log = recordingLog()
    const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'site2', delete: 'true' })), log)
    expect(result.uploaded).toEqual(['a.txt'])
    expect(result.deleted).toEqual(['b.txt'])
    const onDisk = filesOn(join(sshd.server.root, 'site2'))
    delete onDisk[MANIFEST]
    expect(Object.fromEntries(Object.entries(onDisk).map(([k, v]) => [k, v.toString()]))).toEqual({
      'a.txt': 'two!',
      'keep/c.txt': 'sea',
      'unlisted.txt': 'not ours'
    })
    // A new inode: the file was renamed into place, not written over in place.
    expect(statSync(join(sshd.server.root, 'site2/a.txt')).ino).not.toBe(inode)
    expect(log.warnings.filter(w => /atomic/.test(w))).toEqual([])
  }
)

maybe('dry run: reports the plan, changes nothing on the server', async () => {
  const local = makeTree({ 'x.txt': 'x', 'd/y.txt': 'y' })
  const result = await deploy(
    settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'dry', 'dry-run': 'true' })),
    recordingLog()
  )
  expect(result.dryRun).toBe(true)
  expect(result.uploaded).toEqual(['d/y.txt', 'x.txt'])
  expect(existsSync(join(sshd.server.root, 'dry'))).toBe(false)
})

maybe('file-mode and dir-mode are set with SETSTAT', async () => {
  const local = makeTree({ 'm/f.txt': 'mode' })
  await deploy(
    settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'modes', 'file-mode': '640', 'dir-mode': '750' })),
    recordingLog()
  )
  expect(statSync(join(sshd.server.root, 'modes/m/f.txt')).mode & 0o777).toBe(0o640)
  expect(statSync(join(sshd.server.root, 'modes/m')).mode & 0o777).toBe(0o750)
  expect(statSync(join(sshd.server.root, 'modes')).mode & 0o777).toBe(0o750)
})

maybe(
  'two runs at once: one waits for the lock, the server ends with one whole tree and no lock',
  async () => {
    const big = (tag: string): Record<string, string> =>
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.txt`, `${tag}-${i}-${'x'.repeat(2000)}`]))
    const a = big('a')
    const b = big('b')
    // The first run's link stalls the moment it holds the lock (holder.json written) and flows
    // again once the second says it waits: the two overlap however fast either machine is.
    const proxy = await startProxy(sshd.server.port)
    const said = (what: string, then: () => void): RecordingLog => {
      const log = recordingLog()
      return { ...log, info: m => (log.info(m), m.startsWith(what) && then()) }
    }
    const run = (files: Record<string, string>, log: RecordingLog, port = sshd.server.port) =>
      deploy(
        settingsOf(inputs({ 'local-dir': makeTree(files), 'remote-dir': 'both', delete: 'true', port: String(port) })),
        log
      )
    let second: Promise<unknown> | undefined
    const logB = said('Waiting for the deploy lock', () => proxy.hold(false))
    const logA = said('Took the deploy lock', () => {
      proxy.hold(true)
      second = run(b, logB)
    })
    try {
      await run(a, logA, proxy.port)
      await second
    } finally {
      proxy.hold(false)
      await proxy.close()
    }
    const waited = [logA, logB].filter(l => l.lines.some(x => x.includes('Waiting for the deploy lock')))
    expect(waited).toEqual([logB])
    const onDisk = filesOn(join(sshd.server.root, 'both'))
    delete onDisk[MANIFEST]
    expect(Object.fromEntries(Object.entries(onDisk).map(([k, v]) => [k, v.toString()]))).toEqual(b)
    expect(existsSync(join(sshd.server.root, 'both', LOCK))).toBe(false)
  },
  90_000
)

maybe('verify: hash warns once that SFTP has no hash command and checks sizes', async () => {
  const local = makeTree({ 'h1.txt': 'one', 'h2.txt': 'two' })
  const log = recordingLog()
  const result = await deploy(settingsOf(inputs({ 'local-dir': local, 'remote-dir': 'hashes', verify: 'hash' })), log)
  expect(result.uploaded).toEqual(['h1.txt', 'h2.txt'])
  const hashWarnings = log.warnings.filter(w => /hash/i.test(w))
  expect(hashWarnings).toHaveLength(1)
})
