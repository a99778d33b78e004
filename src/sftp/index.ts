/**
 * The SFTP transport, as the layers above see it: its opener (the same SessionFactory as the FTP
 * transport's) and nothing else. Nothing above src/sftp/ imports ssh2 (config/ aside, which
 * parses the key) or any other file here.
 */
export { openSftpSession } from './open.js'
