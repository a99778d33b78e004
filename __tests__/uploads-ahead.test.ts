/** How many uploads the login's listings foresee (pure): the pool warms for them behind the lock's connection. */
import { uploadsAhead } from '../src/core/uploads-ahead.js'

const local = Array.from({ length: 400 }, (_, i) => (i < 100 ? `f${i}` : `d${i % 3}/f${i}`))

test('the changes the listings show, scaled by the share of the local files they listed', () => {
  // The root and d0 listed: 100 + 100 of 400 files; 3 changes seen there, about 6 in all.
  expect(uploadsAhead(3, local, ['/site', '/site/d0'], '/site')).toBe(6)
  expect(uploadsAhead(3, local, ['/site', '/site/d0', '/site/d1', '/site/d2'], '/site')).toBe(3)
  expect(uploadsAhead(0, local, ['/site'], '/site')).toBe(0)
})

test('listings that cover no local file: the changes seen, unscaled', () => {
  expect(uploadsAhead(2, local, ['/site/elsewhere'], '/site')).toBe(2)
})
