import { parseListTime } from '../src/listing.js'
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
