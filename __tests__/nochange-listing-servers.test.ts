/**
 * The listing output of a run that changes nothing, on every server kind (issue 22): built from
 * the state read's listings with no listing after the plan (where the server lists with MLSD,
 * MLST reads each entry's exact time on the control connection), and exactly what a listing
 * made then shows: times to the second where MLSD gives them, hidden names, directories.
 */
import { utimesSync } from 'node:fs'
import { join } from 'node:path'
import { deploy } from '../src/deploy.js'
import type { RemoteEntry } from '../src/core/remote-session.js'
import type { Settings } from '../src/core/settings.js'
import { openSession } from '../src/ftp/index.js'
import { listRemote, type ListingEntry } from '../src/remote/listing.js'
import { EXPLICIT_SERVERS, PYFTPDLIB_SERVERS } from './harness/servers.js'
import { makeTree, recordingLog, serverInputs, settingsOf } from './support/engine.js'
import { serverForBlock } from './support/real-server.js'

const BUILT = 'debug: The listing output is built from the listings made since the last change'
const TREE = { 'a.txt': 'a', '.htaccess': 'deny', 'd/b.txt': 'bb', 'd/e/c.txt': 'ccc' }

/** remote-dir as a listing made now shows it (MLSD where the server offers it, else STAT or LIST). */
async function listedNow(settings: Settings): Promise<ListingEntry[]> {
  const session = await openSession(settings, recordingLog())
  try {
    const list = (path: string): Promise<RemoteEntry[]> => session.listEntries(path)
    return await listRemote(list, `/${settings.remoteDir}`, settings, recordingLog())
  } finally {
    session.close()
  }
}

describe.each([...EXPLICIT_SERVERS, ...PYFTPDLIB_SERVERS])('%s', kind => {
  const block = serverForBlock(kind)

  block.maybe(
    'a run that changes nothing: the listing output as a listing now, and no listing after the plan',
    async () => {
      const local = makeTree(TREE)
      for (const listing of ['flat', 'recursive']) {
        const remoteDir = `same-${listing}`
        const settings = settingsOf(
          serverInputs(block.server(), { 'local-dir': local, 'remote-dir': remoteDir, listing, timeout: '10' })
        )
        await deploy(settings, recordingLog())
        // Times with seconds (STAT's ls lines show minutes at best): a file and a directory.
        const root = join(block.server().root, remoteDir)
        const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000 + 37_000)
        utimesSync(join(root, 'a.txt'), at, at)
        utimesSync(join(root, 'd'), at, at)
        const log = recordingLog()
        const result = await deploy(settings, log)
        expect(result.uploaded).toEqual([])
        expect(log.warnings).toEqual([])
        expect(result.listing).toEqual(await listedNow(settings))
        const paths = result.listing.map(e => e.path)
        expect(paths).toEqual(
          listing === 'flat' ? ['.htaccess', 'a.txt', 'd'] : ['.htaccess', 'a.txt', 'd', 'd/b.txt', 'd/e', 'd/e/c.txt']
        )
        // The windows-like profile lists with LIST, and its STAT lists nothing: LIST lists anew.
        expect(log.lines.includes(BUILT)).toBe(kind !== 'windows-like')
        const plan = log.lines.findIndex(l => l.startsWith('info: Plan: '))
        const after = log.lines.slice(plan).filter(l => /^debug: (#\S+ )?> (MLSD|LIST|STAT|MLST)\b/.test(l))
        if (kind === 'windows-like') continue
        // Where the state read lists with STAT and the output has MLSD's times (pure-ftpd, ProFTPD):
        // MLST of each entry of remote-dir in the manifest's RETR write (no reply between), of the
        // rest (recursive) after the plan; nothing else. pyftpdlib's STAT lists nothing: its state
        // read was MLSD already.
        const facts = kind === 'pure-ftpd' || kind === 'proftpd'
        const mlst = (path: string): string => `debug: > MLST /${remoteDir}/${path}`
        const retr = log.lines.indexOf(`debug: > RETR /${remoteDir}/.ftps-deploy-manifest.json`)
        const top = facts ? paths.filter(path => !path.includes('/')) : []
        expect(log.lines.slice(retr - top.length, retr).sort()).toEqual(top.map(mlst))
        expect(log.lines.filter(l => / > MLST /.test(l))).toHaveLength(facts ? paths.length : 0)
        expect(after).toEqual(facts ? paths.filter(path => path.includes('/')).map(mlst) : [])
        // MLSD's time to the second (vsftpd has no MLSD: its LIST and STAT show minutes).
        const times = result.listing.filter(e => e.path === 'a.txt' || e.path === 'd').map(e => e.modifiedAt)
        if (!kind.startsWith('vsftpd')) expect(times).toEqual([at.toISOString(), at.toISOString()])
      }
    }
  )
})
