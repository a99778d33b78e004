/**
 * The npm package as `npx ftps-deploy` gets it: exactly the CLI bundle and the files npm always
 * includes, no dependencies to fetch (the bundle holds them), and a packed tarball that runs
 * offline from an empty npm cache.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO } from './support/runner.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const pkg = (await import('../package.json', { with: { type: 'json' } })).default as Record<string, unknown>

/** npm with a clean environment (no jest NODE_OPTIONS, no runner variables) and a given cache. */
function npm(args: string[], cwd: string, cache: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|npm_)/i.test(k) && k !== 'NODE_OPTIONS') env[k] = v
  }
  env.npm_config_cache = cache
  env.npm_config_update_notifier = 'false'
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32'
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

const cache = mkdtempSync(join(tmpdir(), 'npm-cache-'))

test('package.json has what the registry shows and npx needs, and no dependencies to install', () => {
  for (const field of ['description', 'keywords', 'repository', 'bugs', 'homepage', 'engines', 'license']) {
    expect([field, pkg[field] !== undefined && pkg[field] !== '']).toEqual([field, true])
  }
  expect(pkg.bin).toEqual({ 'ftps-deploy': 'dist/cli/index.js' })
  expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true })
  // ncc bundles every runtime dependency into dist/: npx must not fetch them again.
  expect(pkg.dependencies).toBeUndefined()
})

test('npm pack holds exactly the CLI bundle, its licences, package.json, README and LICENSE', async () => {
  const run = await npm(['pack', '--dry-run', '--json'], REPO, cache)
  expect(run.code).toBe(0)
  const [packed] = JSON.parse(run.stdout) as { files: { path: string }[] }[]
  const bundle = readdirSync(join(REPO, 'dist', 'cli')).map(name => `dist/cli/${name}`)
  expect(bundle).toEqual(
    expect.arrayContaining(['dist/cli/index.js', 'dist/cli/licenses.txt', 'dist/cli/package.json'])
  )
  expect(packed.files.map(f => f.path).sort()).toEqual(['LICENSE', 'README.md', 'package.json', ...bundle].sort())
})

test('the packed tarball runs through npm exec offline, from an empty cache: --version, a dry run, --help, a typo', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'))
  const packed = await npm(['pack', '--json', '--pack-destination', dir], REPO, cache)
  expect(packed.code).toBe(0)
  const tarball = join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0].filename)
  const work = join(dir, 'work')
  mkdirSync(join(work, 'site', 'assets'), { recursive: true })
  writeFileSync(join(work, 'site', 'index.html'), '<h1>packed</h1>')
  writeFileSync(join(work, 'site', 'assets', 'app.js'), 'x')
  const fresh = mkdtempSync(join(tmpdir(), 'npm-cache-empty-'))
  const exec = (args: string[]): Promise<Run> =>
    npm(['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'ftps-deploy', ...args], work, fresh)

  const version = await exec(['--version'])
  expect(version.stderr).not.toMatch(/ENOTCACHED|ERR!/)
  expect([version.code, version.stdout.trim()]).toEqual([0, `ftps-deploy ${pkg.version as string}`])
  const plan = await exec(['--local-dir', 'site', '--dry-run', '--json'])
  expect(plan.code).toBe(0)
  expect(JSON.parse((JSON.parse(plan.stdout) as { uploaded: string }).uploaded)).toEqual([
    'assets/app.js',
    'index.html'
  ])
  expect(plan.stderr).toContain('would upload assets/app.js (1 bytes)')
  const help = await exec(['--help'])
  expect(help.code).toBe(0)
  expect(help.stdout).toContain('\nConnection:\n  --host VALUE')
  const typo = await exec(['--remote-dri', '/www'])
  expect(typo.code).toBe(2)
  expect(typo.stderr).toContain('error: Unknown option --remote-dri: did you mean --remote-dir? (see --help)')
}, 120_000)
