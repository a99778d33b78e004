import { FileInfo, FileType } from 'basic-ftp'
import { collectListing, parseListTime } from '../src/listing.js'
import { listedOnce } from '../src/remote-state.js'
import { pathPrefixes, resolveRemoteRoot } from '../src/plan.js'

describe('resolveRemoteRoot', () => {
  test.each([
    ['/', '.', '/'],
    ['/', 'www', '/www'],
    ['/home/u', 'www/', '/home/u/www'],
    ['/home/u', '/var/www', '/var/www'],
    ['/home/u', './a//b/', '/home/u/a/b'],
    ['', 'site', '/site']
  ])('home %s + %s = %s', (home, dir, expected) => expect(resolveRemoteRoot(home, dir)).toBe(expected))
})

test('pathPrefixes', () => {
  expect(pathPrefixes('/a/b/c')).toEqual(['/a', '/a/b', '/a/b/c'])
  expect(pathPrefixes('/')).toEqual([])
})

describe('parseListTime (LIST has no zone: read as UTC)', () => {
  const now = new Date('2026-11-25T10:00:00Z')
  test.each([
    ['Nov 25 09:40', '2026-11-25T09:40:00.000Z'],
    ['Dec 31 23:59', '2025-12-31T23:59:00.000Z'],
    ['Jan  2  2024', '2024-01-02T00:00:00.000Z'],
    ['11-25-26 09:40AM', '2026-11-25T09:40:00.000Z'],
    ['11-25-26 12:05AM', '2026-11-25T00:05:00.000Z'],
    ['11-25-26 01:15PM', '2026-11-25T13:15:00.000Z'],
    ['yesterday', null],
    ['', null]
  ])('%s', (raw, expected) => expect(parseListTime(raw, now)).toBe(expected))
})

describe('collectListing and listedOnce', () => {
  const info = (name: string, type: FileType, size = 1): FileInfo => Object.assign(new FileInfo(name), { type, size })
  const tree: Record<string, FileInfo[]> = {
    '/www': [
      info('.', FileType.Directory),
      info('index.html', FileType.File, 5),
      info('.ftps-deploy-manifest.json', FileType.File),
      info('.ftps-deploy.app.js.1a2b3c4d-7.tmp', FileType.File),
      info('assets', FileType.Directory)
    ],
    '/www/assets': [info('app.js', FileType.File, 9), info('.ftps-deploy.x.js.1a2b3c4d-8.tmp', FileType.File)]
  }

  test('leaves out the manifest and temporary names; recursive descends', async () => {
    const list = async (path: string) => tree[path]
    const flat = await collectListing(list, '/www', 'flat', ['.ftps-deploy-manifest.json'])
    expect(flat.map(e => e.path)).toEqual(['assets', 'index.html'])
    const all = await collectListing(list, '/www', 'recursive', ['.ftps-deploy-manifest.json'])
    expect(all.map(e => `${e.type} ${e.path} ${e.size}`)).toEqual([
      'dir assets 1',
      'file assets/app.js 9',
      'file index.html 5'
    ])
  })

  test('listedOnce asks the server once per directory, and again after a failure', async () => {
    const asked: string[] = []
    let fail = true
    const list = listedOnce(async path => {
      asked.push(path)
      if (path === '/flaky' && fail) {
        fail = false
        throw new Error('reset')
      }
      return tree[path]
    })
    await Promise.all([list('/www'), list('/www'), list('/www/assets')])
    await expect(list('/flaky')).rejects.toThrow('reset')
    await list('/flaky')
    await list('/www')
    expect(asked).toEqual(['/www', '/www/assets', '/flaky', '/flaky'])
  })
})
