/**
 * cutover: swap and rollback over SFTP (issues 23 and 24): the same engine as over FTPS against
 * the harness's real sshd (internal-sftp, chrooted). The spare copy is brought up to date against
 * its own manifest (only what differs goes), remote-dir and the spare copy switch with both
 * renames sent before either reply, rollback puts the previous release back byte for byte with no
 * upload, and the lock lives beside remote-dir.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { InputValues, makeTree, recordingLog, settingsOf } from './support/engine.js'
import { sftpInputs, sshdForFile } from './support/real-sshd.js'
import { onDisk, Tree } from './support/swap.js'

const sshd = sshdForFile('SFTP swap tests')

sshd.maybe(
  'switches releases, reuses the previous one, rolls back byte for byte with no upload',
  async () => {
    const live = join(sshd.server.root, 'www/site')
    const run = async (tree: Tree, extra: InputValues = {}) => {
      const log = recordingLog()
      const inputs = sftpInputs(sshd.server, { 'local-dir': makeTree(tree), 'remote-dir': 'www/site', cutover: 'swap' })
      const result = await deploy(settingsOf({ ...inputs, timeout: '15', ...extra }), log)
      return { log, result }
    }
    const v1: Tree = { 'index.html': randomBytes(3000), 'a/app.js': randomBytes(5000) }
    const first = await run(v1)
    expect(onDisk(live)).toEqual(v1)
    expect(first.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 1 })
    expect(first.log.lines).toContain('info: Took the deploy lock /site/www/site.ftps-deploy.lock')

    const v2: Tree = { ...v1, 'index.html': randomBytes(3100), 'new.txt': Buffer.from('new\n') }
    const second = await run(v2)
    expect(onDisk(live)).toEqual(v2)
    expect(onDisk(join(sshd.server.root, 'www/site.ftps-deploy-prev'))).toEqual(v1)
    expect(second.result.cutover).toEqual({ mode: 'swap', windowMs: expect.any(Number), renamed: 2 })

    // The previous release (v1) became the spare copy: only what differs from it goes.
    const v3: Tree = { ...v2, 'a/app.js': randomBytes(5001) }
    const third = await run(v3)
    expect(third.result.uploaded).toEqual(['a/app.js', 'index.html', 'new.txt'])
    expect(onDisk(live)).toEqual(v3)
    expect(onDisk(join(sshd.server.root, 'www/site.ftps-deploy-prev'))).toEqual(v2)

    const back = await run({}, { rollback: 'true' })
    expect(back.result.uploaded).toEqual([])
    expect(onDisk(live)).toEqual(v2)
    expect(existsSync(join(sshd.server.root, 'www/site.ftps-deploy-prev'))).toBe(false)
    expect(onDisk(join(sshd.server.root, 'www/site.ftps-deploy-next'))).toEqual(v3)
    await expect(run({}, { rollback: 'true' })).rejects.toThrow(/^rollback: there is no previous release to put back/)
    expect(onDisk(live)).toEqual(v2)
    expect(readdirSync(join(sshd.server.root, 'www')).sort()).toEqual(['site', 'site.ftps-deploy-next'])
  },
  120_000
)
