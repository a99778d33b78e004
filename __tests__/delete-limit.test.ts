/** max-delete (issue 23 item 5): the limit in files, and when a plan is over it. */
import { deleteLimitOf, overDeleteLimit } from '../src/core/delete-limit.js'
import type { DeleteLimit } from '../src/core/settings.js'

describe('the limit in files', () => {
  test.each<[DeleteLimit, number, number | undefined]>([
    [{ percent: 50 }, 100, 50],
    [{ percent: 50 }, 25, 12],
    [{ percent: 12.5 }, 80, 10],
    [{ percent: 0 }, 100, 0],
    [{ percent: 100 }, 100, undefined],
    [{ count: 7 }, 1000, 7],
    [{ count: 0 }, 0, 0]
  ])('%j of %i listed: %s', (limit, listed, most) => {
    expect(deleteLimitOf(limit, listed)).toBe(most)
  })
})

describe('a plan over the limit', () => {
  test.each<[number, number, DeleteLimit, boolean]>([
    // Over the limit and over 10 files: refused.
    [51, 100, { percent: 50 }, true],
    [11, 12, { percent: 50 }, true],
    [12, 20, { count: 11 }, true],
    // At the limit, or 10 files or fewer, whatever the limit: allowed.
    [50, 100, { percent: 50 }, false],
    [10, 10, { percent: 50 }, false],
    [10, 100, { count: 0 }, false],
    [11, 11, { count: 11 }, false],
    // 100% is no limit.
    [1000, 1000, { percent: 100 }, false]
  ])('deleting %i of %i with %j: refused %s', (deletes, listed, limit, refused) => {
    expect(overDeleteLimit(deletes, listed, limit) !== undefined).toBe(refused)
  })

  test('the message names the count, the limit and the input', () => {
    expect(overDeleteLimit(40, 60, { percent: 50 })?.message).toBe(
      'The plan would delete 40 files, more than max-delete allows (50% of the 60 files the manifest lists: 30); ' +
        'nothing was changed. Check local-dir and files, or raise max-delete (100% means no limit)'
    )
    expect(overDeleteLimit(40, 60, { count: 20 })?.message).toMatch(
      /^The plan would delete 40 files, more than max-delete allows \(20\); /
    )
  })
})
