/**
 * The FTPS transport, as the layers above see it: its opener, the session interface it
 * implements and the record of what the server allows (both core's). Nothing above src/ftp/
 * imports anything else from here, or basic-ftp at all (a lint rule keeps it so).
 */
export { openSession } from './open-session.js'
export { ServerRecord } from '../core/server-record.js'
export type { RemoteSession, SessionFactory } from '../core/remote-session.js'
