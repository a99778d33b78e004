/** A directory listing sent on the control connection in reply to STAT <dir> (pure). */
import { FileInfo, FTPResponse, parseList } from 'basic-ftp'
import { globbed } from './pipelining.js'

/**
 * RFC 959 4.1.3: 211/212/213 with the listing between the first and the last line (ProFTPD
 * indents each entry by one space). A directory lists itself as '.': without that line the
 * reply is a status, not a listing (or there is no such directory), and undefined says so.
 */
export function parseStatListing(res: FTPResponse): FileInfo[] | undefined {
  if (res.code < 211 || res.code > 213) return undefined
  const lines = res.message
    .split('\n')
    .slice(1, -1)
    .map(line => line.replace(/\r$/, '').replace(/^ /, ''))
  if (!lines.some(line => /^d\S+\s.*\s\.$/.test(line))) return undefined
  try {
    return parseList(lines.join('\n'))
  } catch {
    return undefined
  }
}

/**
 * The size of the file at `path` from a reply to STAT <path> (its ls line on the control
 * connection, as vsftpd, pure-ftpd and ProFTPD give it): where SIZE is refused, a temporary is
 * still checked before it goes live. Undefined when the reply is no such listing.
 */
export function statFileSize(res: FTPResponse, path: string): number | undefined {
  if (res.code < 211 || res.code > 213) return undefined
  const lines = res.message
    .split('\n')
    .slice(1, -1)
    .map(line => line.replace(/\r$/, '').replace(/^ /, ''))
    .filter(line => line.startsWith('-'))
  let files: FileInfo[]
  try {
    files = parseList(lines.join('\n'))
  } catch {
    return undefined
  }
  const name = path.slice(path.lastIndexOf('/') + 1)
  const file = files.find(f => f.name === path || f.name === name)
  return file?.isFile ? file.size : undefined
}

/**
 * STAT listings of several directories through `send` (one write where the server takes it):
 * undefined for each that STAT did not list (refused: ProFTPD's 450 for no such directory, 500
 * and 502 for no STAT; or no '.' entry). Paths the server would glob are not asked for at all:
 * pure-ftpd and ProFTPD expand STAT's argument (`[slug]` lists what matches s, l, u, g), so
 * LIST/MLSD decides for them (issue 11).
 */
export async function statListings(
  paths: string[],
  send: (commands: string[]) => Promise<{ code: number; message: string }[]>
): Promise<(FileInfo[] | undefined)[]> {
  const asked = paths.filter(path => !globbed(path))
  const replies = asked.length === 0 ? [] : await send(asked.map(path => `STAT ${path}`))
  let next = 0
  return paths.map(path => {
    if (globbed(path)) return undefined
    const reply = replies[next++]!
    return reply.code < 300 ? parseStatListing(reply) : undefined
  })
}
