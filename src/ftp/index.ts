/**
 * The FTPS transport, as the layers above see it: the session interface, its opener, and the
 * record of what the server allows. Nothing above src/ftp/ imports anything else from here, or
 * basic-ftp at all (a lint rule keeps it so).
 */
export { openSession } from './open-session.js'
export { ServerRecord } from '../core/server-record.js'
export type { ReplaceMode } from '../core/server-record.js'
export type {
  Commit,
  Committed,
  HashAlgorithm,
  LocalSource,
  RemoteEntry,
  RemoteSession,
  Reply,
  Sent,
  ServerHash,
  SessionFactory,
  UploadChecks
} from '../core/remote-session.js'
export { EntryType, IANA_NAME } from '../core/remote-session.js'
