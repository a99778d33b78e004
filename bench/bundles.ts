/** Which CLI bundles the benchmark runs: ours from the working tree or a git revision, and a base revision. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import type { Options } from './options.js'
import { ROOT } from './tool.js'

export interface OurBundle {
  /** What the report calls it. */
  label: string
  sha256: string
  /** The copy the runs use. */
  runPath: string
  /** The file it was copied from (none for a git revision). */
  source?: string
}

/**
 * Copies our CLI bundle into `dir` and runs it from there: the bundle may be rebuilt while the
 * benchmark runs (the engine is being worked on), and a run must not mix engines. With
 * --our-rev, the committed bundle of that revision is taken from git instead of the working tree.
 * The bundle's dir holds a package.json ({"type": "module"}) and a chunk loaded on demand
 * (@actions/glob), which must come along.
 */
export function prepareOurBundle(opts: Pick<Options, 'ourRev' | 'ourCli'>, dir: string): OurBundle {
  if (opts.ourRev !== undefined) return bundleFromRev(opts.ourRev, dir)
  mkdirSync(dir, { recursive: true })
  const source = resolve(ROOT, opts.ourCli)
  cpSync(dirname(source), dir, { recursive: true })
  return { label: relative(ROOT, source), sha256: sha256(source), runPath: join(dir, basename(source)), source }
}

/** dist/cli/ as committed in a git revision, copied into dir. */
export function bundleFromRev(rev: string, dir: string): OurBundle {
  mkdirSync(dir, { recursive: true })
  const git = (args: string[]): Buffer =>
    execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 })
  const commit = git(['rev-parse', '--verify', `${rev}^{commit}`])
    .toString()
    .trim()
  const files = git(['ls-tree', '--name-only', commit, 'dist/cli/']).toString().trim().split('\n')
  for (const file of files) writeFileSync(join(dir, basename(file)), git(['show', `${commit}:${file}`]))
  const runPath = join(dir, 'index.js')
  return {
    label: `dist/cli/index.js as committed in ${rev} (${commit.slice(0, 12)})`,
    sha256: sha256(runPath),
    runPath
  }
}

export function sha256(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  } catch {
    return 'missing'
  }
}
