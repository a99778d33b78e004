import { ABANDONED_AFTER_MS, parseTempName, TEMP_NAME, TempNamer } from '../src/core/temp-name.js'

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0)

test('a temporary name carries the file, the time it was made and the run', () => {
  const namer = new TempNamer('1a2b3c4d', () => T0)
  const first = namer.pathFor('/www/a/app.js')
  const second = namer.pathFor('/www/a/app.js')
  expect(first).toBe(`/www/a/.ftps-deploy.app.js.${(T0 / 1000).toString(36)}.1a2b3c4d-1.tmp`)
  expect(second).not.toBe(first)
  expect(parseTempName(first.split('/').at(-1) as string)).toEqual({ target: 'app.js', runTag: '1a2b3c4d', madeAt: T0 })
})

describe('which listed temporaries a run removes', () => {
  const other = new TempNamer('99999999', () => T0)
  const name = (namer: TempNamer): string => namer.pathFor('/x/index.html').slice(3)
  test.each([
    ['its own (a failed attempt)', () => name(new TempNamer('1a2b3c4d', () => T0)), T0 + 1000, true],
    ['another run’s, made a minute ago: may still be uploading', () => name(other), T0 + 60_000, false],
    ['another run’s, older than the bound', () => name(other), T0 + ABANDONED_AFTER_MS + 1000, true],
    ['an older version’s (no run tag)', () => '.ftps-deploy.index.html.1a2b3c4d-7.tmp', T0, true],
    ['an older version’s (no counter)', () => '.ftps-deploy.index.html.1a2b3c4d.tmp', T0, true],
    ['not a temporary at all', () => '.ftps-deploy-manifest.json', T0, false]
  ])('%s', (_, make, now, abandoned) => {
    const runner = new TempNamer('1a2b3c4d', () => now)
    expect(runner.isAbandoned(make())).toBe(abandoned)
  })
})

describe('with the deploy lock held, every temporary is a dead run’s', () => {
  const other = new TempNamer('99999999', () => T0)
  const runner = new TempNamer('1a2b3c4d', () => T0 + 2000)
  test.each([
    ['another run’s, made 2 s ago (a killed run)', other.pathFor('/x/config.php').slice(3), true],
    ['an older version’s', '.ftps-deploy.index.html.tmp', true],
    ['not a temporary at all', '.ftps-deploy-manifest.json', false]
  ])('%s', (_, name, abandoned) => {
    expect(runner.isAbandoned(name, true)).toBe(abandoned)
  })
})

test('a temporary name is one name: a path never matches', () => {
  expect(TEMP_NAME.test('.ftps-deploy.a/b.tmp')).toBe(false)
  expect(TEMP_NAME.test('.ftps-deploy./../../etc/passwd.tmp')).toBe(false)
  expect(parseTempName('.ftps-deploy.x/y.mabc12.1a2b3c4d-1.tmp')).toBeUndefined()
  expect(TEMP_NAME.test('.ftps-deploy.index.html.mabc12.1a2b3c4d-1.tmp')).toBe(true)
})
