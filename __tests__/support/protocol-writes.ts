/**
 * A run's protocol lines on its main connection, and the writes they went in: the commands sent
 * before any reply came back (the heartbeat's own connection, prefixed `#lock`, and the pool's
 * others, `#N`, are left out).
 */

/** The main connection's protocol lines. */
export const protocol = (lines: string[]): string[] => lines.filter(l => /^debug: [<>] /.test(l))

/** Commands sent on the main connection before any reply came back: each write's lines. */
export function writes(lines: string[]): string[][] {
  const out: string[][] = []
  let run: string[] = []
  for (const line of protocol(lines)) {
    if (line.startsWith('debug: > ')) run.push(line.slice(9))
    else {
      if (run.length > 0) out.push(run)
      run = []
    }
  }
  return out
}
