/** The benchmark's results as kept in the raw JSON (cells of samples), and how figures are written. */
import type { ServerKind } from '../__tests__/harness/servers.js'
import type { ToolName } from './tool.js'

export interface Sample {
  seconds: number
  peakRssKiB?: number
  /** Ours only, from its --json output. */
  filesUploaded?: number
  filesSkipped?: number
  /** Control connections the tool uses at once. */
  connections?: number
  /** With --rtt: data connections that went through the latency proxy. */
  dataConnections?: number
}

/**
 * 'incorrect': the tool exited 0 but its result on the server's disk differs from the local tree
 * (its time is shown, never compared); 'timed out': stopped after the series' timeout.
 */
export type Status = 'ok' | 'failed' | 'incorrect' | 'timed out' | 'n/a' | 'not installed' | 'server missing'

export interface Cell {
  server: ServerKind
  /** 'small', 'large', 'redeploy' or 'scale-<files>'. */
  workload: string
  tool: ToolName
  status: Status
  /** Why it failed, is n/a, or is missing. */
  reason?: string
  /** A remark on a successful result (e.g. what our redeploy uploaded). */
  note?: string
  samples: Sample[]
  medianSeconds?: number
  /** With --rtt: the link's round-trip time for this cell (undefined: loopback, no proxy). */
  rttMs?: number
  /** 'incorrect': the time of the run whose result was wrong. 'timed out': the timeout. */
  wrongSeconds?: number
  /** The largest peak RSS over the runs. */
  peakRssKiB?: number
  files: number
  bytes: number
}

export interface Report {
  command: string
  startedAt: string
  finishedAt: string
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string }
  versions: Partial<Record<ToolName, string>>
  /** Our CLI bundle: its path, sha256 when the run started (runs use a copy), whether it was rebuilt meanwhile. */
  ourBundle: { path: string; sha256: string; changedDuringRun: boolean }
  repeats: number
  scaleRepeats: number
  invocations: Partial<Record<ToolName, string>>
  workloads: Record<string, string>
  notes: string[]
  /** With --rtt: the emulated link, at each of the round-trip times asked for. */
  link?: { rttsMs: number[]; rateBytesPerSecond?: number }
  results: Cell[]
}

export const SERVER_LABEL: Record<ServerKind, string> = {
  vsftpd: 'vsftpd 3.0.3 (TLS 1.3)',
  'vsftpd-tls12': 'vsftpd 3.0.3 (TLS 1.2)',
  'pure-ftpd': 'pure-ftpd 1.0.50',
  proftpd: 'ProFTPD',
  'vsftpd-implicit': 'vsftpd (implicit TLS)',
  'vsftpd-plain': 'vsftpd (plain)',
  'vsftpd-limited': 'vsftpd 3.0.3 (max_per_ip=2, dotfiles hidden)',
  'pure-ftpd-limited': 'pure-ftpd 1.0.50 (-C 2)',
  'proftpd-limited': 'ProFTPD (MaxClientsPerHost 2)',
  pyftpdlib: 'pyftpdlib 1.5.7',
  'windows-like': 'pyftpdlib 1.5.7 as a Windows server'
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const fmtSeconds = (s: number): string => (s < 10 ? s.toFixed(2) : s.toFixed(1)) + ' s'
export const fmtMiB = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`
export const mbps = (bytes: number, s: number): string => `${(bytes / 1e6 / s).toFixed(0)} MB/s`
