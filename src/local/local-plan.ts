/** The local side of a deploy: the matched files, and the plan of a dry run without a server. */
import { DeployResult } from '../core/result.js'
import { InputError } from '../core/errors.js'
import { listLocalFiles, LocalFile } from './local-files.js'
import { Log } from '../core/log.js'
import { manifestBackupName } from '../core/manifest.js'
import { LOCK_DIR } from '../core/remote-path.js'
import { Settings } from '../core/settings.js'

/** What the local side needs of the deploy's seams. */
export interface LocalDeps {
  listLocalFiles: typeof listLocalFiles
  now: () => number
}

export async function findFiles(settings: Settings, log: Log, deps: LocalDeps): Promise<LocalFile[]> {
  const found = await deps.listLocalFiles(
    {
      localDir: settings.localDir,
      patterns: settings.files,
      followSymlinks: settings.followSymlinks,
      encoding: settings.encoding
    },
    log
  )
  // The manifest's own name (and its backup's) and the lock's at the top of remote-dir are ours.
  const ours = new Set([settings.manifest, manifestBackupName(settings.manifest)])
  const isOurs = (f: LocalFile): boolean => ours.has(f.relPath) || f.relPath.split('/')[0] === LOCK_DIR
  const files = found.filter(file => !isOurs(file))
  for (const file of found.filter(isOurs))
    log.warning(`Skipped ${file.relPath}: that name is this tool's own on the server (the manifest or the deploy lock)`)
  const bytes = files.reduce((sum, f) => sum + f.size, 0)
  log.info(`${files.length} file(s), ${bytes} bytes, in ${settings.localDir}`)
  if (files.length === 0) {
    const message = `No files found in local-dir '${settings.localDir}' matching files '${settings.files.join('\\n')}'`
    if (settings.ifNoFilesFound === 'error') {
      throw new InputError(`${message} (if-no-files-found: error; accepted: error, warn, ignore)`)
    }
    if (settings.ifNoFilesFound === 'warn') log.warning(message)
  }
  return files
}

/** The CLI's dry run without a host: the local plan only, no connection. */
export async function planLocal(
  settings: Settings,
  log: Log,
  deps: LocalDeps = { listLocalFiles, now: () => Date.now() }
): Promise<DeployResult> {
  const started = deps.now()
  const files = await log.group('Local files', () => findFiles(settings, log, deps))
  await log.group(`Plan (dry run, not connected): ${files.length} file(s) to ${settings.remoteDir}`, async () => {
    for (const file of files) log.info(`would upload ${file.relPath} (${file.size} bytes)`)
  })
  return {
    dryRun: true,
    uploaded: files.map(f => f.relPath),
    bytesUploaded: files.reduce((sum, f) => sum + f.size, 0),
    skipped: [],
    filesSkipped: 0,
    adopted: [],
    deleted: [],
    listing: [],
    tlsVersion: '',
    fingerprint: '',
    remoteRoot: settings.remoteDir,
    durationMs: deps.now() - started,
    planned: files.map(f => ({ kind: 'upload' as const, path: f.relPath, detail: `${f.size} bytes` })),
    applied: []
  }
}
