/** Helpers to run the engine in-process: settings from input values, and a log that records. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { InputName } from '../../src/config/inputs.js'
import { Log } from '../../src/core/log.js'
import { parseSettings, Settings } from '../../src/config/settings.js'

export type InputValues = Partial<Record<InputName, string>>

export function settingsOf(values: InputValues): Settings {
  return parseSettings(name => values[name] ?? '')
}

export interface RecordingLog extends Log {
  lines: string[]
  warnings: string[]
  text(): string
}

/** Records every line at every level, debug included, so tests can search all of it. */
export function recordingLog(): RecordingLog {
  const lines: string[] = []
  const warnings: string[] = []
  return {
    lines,
    warnings,
    info: m => lines.push(`info: ${m}`),
    warning: m => {
      warnings.push(m)
      lines.push(`warning: ${m}`)
    },
    debug: m => lines.push(`debug: ${m}`),
    group: async (name, fn) => {
      lines.push(`group: ${name}`)
      return fn()
    },
    text: () => lines.join('\n')
  }
}

/** Writes a tree of files ({path: content}) into a new temp dir and returns the dir. */
/** Trees made by this test file, removed after its tests (thousands a day filled /tmp here). */
const made: string[] = []
const removeMade = (): void => made.splice(0).forEach(root => rmSync(root, { recursive: true, force: true }))
if (typeof afterAll === 'function') afterAll(removeMade)
else process.once('exit', removeMade)

export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'ftps-src-'))
  made.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** The inputs that reach a harness server: its port, its user, its CA. */
export function serverInputs(
  server: { port: number; user: string; password: string; pki: { caCertPath: string } },
  extra: InputValues = {}
): InputValues {
  return {
    host: '127.0.0.1',
    port: String(server.port),
    user: server.user,
    password: server.password,
    'ca-cert': server.pki.caCertPath,
    ...extra
  }
}
