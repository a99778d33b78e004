/**
 * The deploy tools under test: ours as users run it (the committed CLI bundle, or the one given
 * with --our-cli), the bundle of --base-rev as 'ours-base', and the registry of every tool with
 * the peers from peers.ts. Their shared types are in tool.ts.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { curl, ftpDeploy, lftp, lftpIgnoreTime, rclone } from './peers.js'
import { baseEnv, firstLine, ROOT, type Tool, type ToolName } from './tool.js'

export { ROOT, TOOL_NAMES, type RunSpec, type Shape, type Tool, type ToolName } from './tool.js'

export const OUR_CLI = join(ROOT, 'dist', 'cli', 'index.js')
/** The bundle the runs use: run.ts points it at a snapshot taken at start, so a rebuild mid-run cannot mix engines. */
export const ourBundle = { path: OUR_CLI }
/** The bundle of --base-rev, run as the tool 'ours-base' (before and after a change, in one run). */
export const baseBundle = { path: '' }

function ourTool(name: 'ours' | 'ours-base', bundle: { path: string }): Tool {
  return {
    name,
    invocation:
      (name === 'ours' ? 'node dist/cli/index.js' : 'the same with dist/cli/index.js of --base-rev') +
      ' --host 127.0.0.1 --port P --user U --ca-cert CA --local-dir D --remote-dir /R --json (FTPS_PASSWORD in env)',
    missing: () => {
      if (bundle.path === '') return 'no --base-rev given'
      return existsSync(bundle.path) ? undefined : `${bundle.path} not found (npm run build)`
    },
    notApplicable: () => undefined,
    command: spec => {
      const { server } = spec
      const args = [
        bundle.path,
        '--host',
        spec.host,
        '--port',
        String(spec.port),
        '--user',
        server.user,
        '--ca-cert',
        server.pki.caCertPath,
        '--local-dir',
        spec.localDir,
        '--remote-dir',
        `/${spec.remoteName}`,
        '--json'
      ]
      if (spec.concurrency !== undefined) args.push('--concurrency', String(spec.concurrency))
      if (spec.sync === true) args.push('--delete')
      return { cmd: process.execPath, args, env: { ...baseEnv(), FTPS_PASSWORD: server.password }, cwd: spec.workDir }
    },
    connections: spec => spec.concurrency ?? 4,
    version: () => firstLine(process.execPath, [bundle.path, '--version'])
  }
}

const ours = ourTool('ours', ourBundle)
const oursBase = ourTool('ours-base', baseBundle)

export const TOOLS: Record<ToolName, Tool> = {
  ours,
  'ours-base': oursBase,
  lftp,
  'lftp-ignore-time': lftpIgnoreTime,
  rclone,
  curl,
  'ftp-deploy': ftpDeploy
}
