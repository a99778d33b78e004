/** SFTP's READDIR entries as the engine's listing entries (the type from the mode bits). */
import { EntryType, type RemoteEntry } from '../core/remote-session.js'
import type { FileEntry } from 'ssh2'

const S_IFMT = 0o170000
const S_IFDIR = 0o040000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000

/** A READDIR entry as a listing entry: the type from the mode bits, the time from mtime. */
export function entryOf(e: FileEntry): RemoteEntry {
  const kind = e.attrs.mode & S_IFMT
  const type =
    kind === S_IFDIR
      ? EntryType.Directory
      : kind === S_IFREG
        ? EntryType.File
        : kind === S_IFLNK
          ? EntryType.SymbolicLink
          : EntryType.Unknown
  const modifiedAt = new Date(e.attrs.mtime * 1000)
  return { name: e.filename, type, size: e.attrs.size, modifiedAt, rawModifiedAt: modifiedAt.toISOString() }
}
