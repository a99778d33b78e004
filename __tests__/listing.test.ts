import { FileInfo, FileType } from 'basic-ftp'
import { RemoteSession } from '../src/ftp/index.js'
import { collectListing, listingFrom, parseListTime } from '../src/remote/listing.js'
import { indexDirs } from '../src/remote/remote-listing.js'
import { SessionPool } from '../src/session/pool.js'
import { statOrListLister } from '../src/remote/remote-listing.js'
import { recordingLog } from './support/engine.js'
import { pathPrefixes, resolveRemoteRoot } from '../src/core/remote-path.js'

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

describe('collectListing', () => {
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

  test('a directory that contains itself is listed 64 levels deep, then left with one warning', async () => {
    const looping = async (): Promise<FileInfo[]> => [info('loop', FileType.Directory), info('f', FileType.File)]
    const warnings: number[] = []
    const all = await collectListing(looping, '/www', 'recursive', [], dirs => warnings.push(dirs))
    expect(all.filter(e => e.type === 'dir')).toHaveLength(64)
    expect(all.at(-1)?.path.split('/')).toHaveLength(64)
    expect(warnings).toEqual([1])
  })

  test('names no entry can have are left out: never listed, never indexed for a delete', async () => {
    const odd = async (): Promise<FileInfo[]> =>
      ['ok.txt', '../escape.txt', 'a/b.txt', 'win\\..\\x', 'line\nbreak', '..'].map(n => info(n, FileType.File))
    const flat = await collectListing(odd, '/www', 'flat', [])
    expect(flat.map(e => e.path)).toEqual(['ok.txt'])
  })
})

test('listingFrom: the output from directories listed already; none where one it needs was not', async () => {
  const info = (name: string, type: FileType, size = 1): FileInfo => Object.assign(new FileInfo(name), { type, size })
  const listed = new Map([
    ['', [info('.', FileType.Directory), info('a.txt', FileType.File, 3), info('d', FileType.Directory)]],
    ['d', [info('b.txt', FileType.File, 4), info('e', FileType.Directory)]]
  ])
  const settings = { manifest: '.ftps-deploy-manifest.json' }
  const log = recordingLog()
  const flat = await listingFrom(listed, '/www', { ...settings, listing: 'flat' }, log)
  expect(flat?.map(e => e.path)).toEqual(['a.txt', 'd'])
  // d/e was not listed: a recursive listing cannot be built without it.
  expect(await listingFrom(listed, '/www', { ...settings, listing: 'recursive' }, log)).toBeUndefined()
  listed.set('d/e', [])
  const all = await listingFrom(listed, '/www', { ...settings, listing: 'recursive' }, log)
  expect(all?.map(e => e.path)).toEqual(['a.txt', 'd', 'd/b.txt', 'd/e'])
  expect(await listingFrom(new Map(), '/www', { ...settings, listing: 'flat' }, log)).toBeUndefined()
})

test('indexDirs: names with a slash, a backslash or a dot segment are neither files nor temporaries to remove', async () => {
  const entry = (name: string): FileInfo => Object.assign(new FileInfo(name), { type: FileType.File, size: 3 })
  const names = [
    'a.txt',
    '../.ftps-deploy.x.1a2b3c4d-7.tmp',
    'sub/.ftps-deploy.y.tmp',
    '..\\b.txt',
    '.ftps-deploy.z.tmp'
  ]
  const { index, temps } = await indexDirs(async () => names.map(entry), '/www', { always: [''] }, 2)
  expect([...index.files.keys()]).toEqual(['a.txt'])
  expect(temps).toEqual(['.ftps-deploy.z.tmp'])
})

describe('statOrListLister: STAT where it lists, else LIST for the rest of the run', () => {
  const entry = (name: string): FileInfo => Object.assign(new FileInfo(name), { type: FileType.File, size: 1 })

  function fakePool(stat: (path: string) => FileInfo[] | undefined | Error, lost?: string) {
    const asked: string[] = []
    const session = {
      usable: true,
      statList: async (path: string) => {
        asked.push(`STAT ${path}`)
        const result = stat(path)
        if (result instanceof Error) throw result
        return result
      },
      list: async (path: string) => {
        asked.push(`LIST ${path}`)
        if (path === lost) throw new Error('read ECONNRESET')
        return path === '/missing' ? [] : [entry('a')]
      },
      close: () => undefined
    } as unknown as RemoteSession
    const pool = new SessionPool(async () => session, { size: 1, retries: 0 }, recordingLog())
    return { pool, asked, session }
  }

  test('a server whose STAT shows nothing of an existing directory: LIST from then on', async () => {
    const { pool, asked } = fakePool(() => undefined)
    const check = statOrListLister(pool)
    expect(await check('/missing')).toEqual([])
    expect(await check('/www')).toEqual([entry('a')])
    await check('/www/b')
    expect(asked).toEqual(['STAT /missing', 'LIST /missing', 'STAT /www', 'LIST /www', 'LIST /www/b'])
  })

  test('a STAT reply too long for the control connection: LIST from then on', async () => {
    const { pool, asked } = fakePool(path =>
      path === '/big' ? new Error('FTP control response exceeded maximum allowed size') : [entry('s')]
    )
    const check = statOrListLister(pool)
    expect(await check('/small')).toEqual([entry('s')])
    expect(await check('/big')).toEqual([entry('a')])
    await check('/small')
    expect(asked).toEqual(['STAT /small', 'STAT /big', 'LIST /big', 'LIST /small'])
  })

  test('a lost connection on STAT: LIST decides, never the same STAT again; lost there too, an error, not an empty directory', async () => {
    const { pool, asked } = fakePool(() => new Error('read ECONNRESET'), '/gone')
    const check = statOrListLister(pool)
    expect(await check('/www')).toEqual([entry('a')])
    await check('/www/b')
    await expect(check('/gone')).rejects.toThrow('read ECONNRESET')
    expect(asked).toEqual(['STAT /www', 'LIST /www', 'LIST /www/b', 'LIST /gone'])
  })

  test('STATs of several directories that lose their connection: each listed on its own, over LIST', async () => {
    const { pool, asked, session } = fakePool(() => [entry('s')])
    Object.assign(session, {
      server: pool.server,
      statLists: async (paths: string[]) => {
        asked.push(`STAT ${paths.join(' ')}`)
        throw new Error('Server sent FIN packet unexpectedly, closing connection.')
      }
    })
    const infos = await statOrListLister(pool).many!(['/a', '/b', '/c'])
    expect(infos).toEqual([[entry('a')], [entry('a')], [entry('a')]])
    expect(asked).toEqual(['STAT /a /b /c', 'LIST /a', 'LIST /b', 'LIST /c'])
    expect(pool.server.statLists).toBe(false)
  })
})
