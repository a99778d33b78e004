/**
 * max-delete on a real server (issue 23 item 5): the deploy of a wrong local-dir with
 * `delete: true` fails before anything changes, naming the count, the limit and the input; a
 * dry run says the same; within the limit the deletions go ahead.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import { FtpServer, serverMissing, ServerKind, startServer } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'

const kind: ServerKind = 'vsftpd-tls12'
const maybe = serverMissing(kind) !== undefined && process.env.CI !== 'true' ? test.skip : test

describe(`max-delete (${kind})`, () => {
  let server: FtpServer
  beforeAll(async () => {
    if (serverMissing(kind) === undefined) server = await startServer(kind)
  }, 60_000)
  afterAll(() => server?.stop())

  maybe(
    'a plan deleting more than the limit and more than 10 files changes nothing; a dry run says the same',
    async () => {
      const site = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`page${i}.html`, `page ${i}\n`]))
      const inputs = serverInputs(server, { 'local-dir': makeTree(site), 'remote-dir': 'site', delete: 'true' })
      await deploy(settingsOf(inputs), recordingLog())
      const remote = join(server.root, 'site')
      const before = readdirSync(remote).sort()
      // The wrong local-dir: 12 of the 30 files.
      const wrong = makeTree(Object.fromEntries(Object.entries(site).slice(0, 12)))
      const message =
        'The plan would delete 18 files, more than max-delete allows (50% of the 30 files the manifest lists: 15); ' +
        'nothing was changed. Check local-dir and files, or raise max-delete (100% means no limit)'
      const log = recordingLog()
      await expect(deploy(settingsOf({ ...inputs, 'local-dir': wrong }), log)).rejects.toThrow(message)
      expect(readdirSync(remote).sort()).toEqual(before)
      expect(log.lines.filter(l => /^debug: > (DELE|STOR|RNFR|MKD) \/site\/(?!\.ftps-deploy\.lock)/.test(l))).toEqual(
        []
      )
      await expect(
        deploy(settingsOf({ ...inputs, 'local-dir': wrong, 'dry-run': 'true' }), recordingLog())
      ).rejects.toThrow(message)
      await expect(
        deploy(settingsOf({ ...inputs, 'local-dir': wrong, 'max-delete': '17' }), recordingLog())
      ).rejects.toThrow('The plan would delete 18 files, more than max-delete allows (17); nothing was changed.')
      expect(readdirSync(remote).sort()).toEqual(before)
      // Within the limit (a number, or 100%): the deletions go ahead.
      const done = await deploy(settingsOf({ ...inputs, 'local-dir': wrong, 'max-delete': '18' }), recordingLog())
      expect(done.deleted).toHaveLength(18)
      expect(readdirSync(remote).filter(n => n.endsWith('.html'))).toHaveLength(12)
    },
    90_000
  )
})
