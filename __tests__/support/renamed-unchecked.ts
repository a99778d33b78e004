/** What a run's protocol log shows about its renames (tests of the checks' order). */

/**
 * Temporaries renamed before their SIZE's reply was read: for each RNFR of a temporary, the SIZE
 * of that temporary must come earlier in the log with a reply read in between, on the connection
 * that sent it (the final manifest's is sent on the lock's connection, `#lock`).
 */
export function renamedUnchecked(lines: string[]): string[] {
  const checked = new Set<string>()
  const asked = new Map<string, Set<string>>()
  const out: string[] = []
  for (const line of lines) {
    const reply = /^debug: (#\w+ )?</.exec(line)
    if (reply !== null) {
      const on = asked.get(reply[1] ?? '')
      on?.forEach(path => checked.add(path))
      on?.clear()
    }
    const size = /^debug: (#\w+ )?> SIZE (\S*\/\.ftps-deploy\.\S+\.tmp)$/.exec(line)
    if (size !== null) {
      const conn = size[1] ?? ''
      if (!asked.has(conn)) asked.set(conn, new Set())
      asked.get(conn)!.add(size[2]!)
    }
    const rnfr = /^debug: (#\w+ )?> RNFR (\S*\/\.ftps-deploy\.\S+\.tmp)$/.exec(line)
    if (rnfr !== null && !checked.has(rnfr[2]!)) out.push(rnfr[2]!)
  }
  return out
}
