/** "Did you mean": the closest known name to a mistyped one, if one is close enough. */

/** Edits between a and b: insertions, deletions, substitutions and swaps of neighbours (OSA). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }
  return d[a.length][b.length]
}

/**
 * The known name meant by `typed`: the only one it is a prefix of (`--remote` for
 * `--remote-dir`), else the nearest within a third of its length (at least 1 edit, at most 3),
 * provided no other is as near. undefined when nothing is close or the choice is not clear.
 */
export function suggestFlag(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase()
  if (known.includes(lower)) return lower
  const prefixed = known.filter(name => name.startsWith(lower))
  if (lower.length >= 3 && prefixed.length === 1) return prefixed[0]
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)))
  const scored = known
    .map(name => ({ name, distance: editDistance(lower, name) }))
    .sort((x, y) => x.distance - y.distance)
  if (scored.length === 0 || scored[0].distance > limit) return undefined
  if (scored.length > 1 && scored[1].distance === scored[0].distance) return undefined
  return scored[0].name
}
