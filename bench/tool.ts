/**
 * What every tool under test has in common: the run it is given (RunSpec), what it must say
 * about itself (Tool), and the environment it starts from. tools.ts holds ours and the registry,
 * peers.ts the peers (lftp, rclone, curl, @samkirkland/ftp-deploy).
 */
import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FtpServer } from '../__tests__/harness/servers.js'
import type { Command } from './exec.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export const TOOL_NAMES = ['ours', 'ours-base', 'lftp', 'lftp-ignore-time', 'rclone', 'curl', 'ftp-deploy'] as const
export type ToolName = (typeof TOOL_NAMES)[number]

/** Many files in a tree, or one file. */
export type Shape = 'tree' | 'single'

export interface RunSpec {
  server: FtpServer
  /** Where the tool connects: the server itself, or the latency proxy in front of it (::1). */
  host: string
  port: number
  localDir: string
  /** The target dir, directly under the FTP user's root (no slashes). */
  remoteName: string
  /** A second deploy of the same tree into the same target, nothing changed. */
  redeploy: boolean
  /** Scratch dir for this run: cwd, config files, output. */
  workDir: string
  /** Passed to our CLI as --concurrency when set; else our default applies. */
  concurrency?: number
  /** Delete remote files the local tree lacks (the everyday redeploy): each tool's sync mode. */
  sync?: boolean
}

export interface Tool {
  name: ToolName
  /** The invocation, for the report. */
  invocation: string
  /** undefined if installed, else what is missing. */
  missing(): string | undefined
  /** undefined if the tool can do this shape of workload (in its deleting mode when sync), else why it is n/a. */
  notApplicable(shape: Shape, sync: boolean): string | undefined
  command(spec: RunSpec): Command
  /** Runs only in the series that delete (the everyday redeploy), left out of the others' tables. */
  syncOnly?: boolean
  /** Control connections the tool uses at once (for round trips per file per connection). */
  connections(spec: RunSpec): number
  /** Removes what the tool wrote into the local tree. */
  after?(spec: RunSpec): void
  version(): string
}

/**
 * The environment every tool starts from: ours, minus Node options a test runner may have set and
 * minus trust-store overrides (this machine sets NODE_EXTRA_CA_CERTS and SSL_CERT_FILE globally):
 * each tool trusts exactly what its invocation below gives it.
 */
const STRIPPED = [
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CURL_CA_BUNDLE',
  'FTPS_PASSWORD'
]

export function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of STRIPPED) delete env[name]
  return env
}

export const firstLine = (cmd: string, args: string[]): string => {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
      .split('\n')[0]!
      .trim()
  } catch {
    return 'unknown'
  }
}

/** An IPv6 address in brackets, as URLs (and lftp's open) write it. */
export const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host)
