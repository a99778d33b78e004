/** A directory listing sent on the control connection in reply to STAT <dir> (pure). */
import { FileInfo, FTPResponse, parseList } from 'basic-ftp'

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
