/**
 * What a run learns about the server, in one record: made by the session pool, handed to every
 * session it opens (the lock's too) and read by everyone else. Each field starts from what a
 * server that follows the RFCs allows and changes at most once, when this server shows
 * otherwise, with a warning where the user loses something. A fast path is a decision here,
 * never a special case in a caller.
 */
import type { ConnectionLimit } from './connection-limit.js'
import type { Log } from './log.js'
import type { HashAlgorithm } from './hash-names.js'

/** How a file takes the place of another: rename over it, delete it first, or write in place. */
export type ReplaceMode = 'rename' | 'delete-then-rename' | 'direct'

/** A write to vsftpd: one TLS record's worth of commands (the lock's reads of a 100-directory site in one). */
const VSFTPD_BURST_BYTES = 16384

export class ServerRecord {
  /** Uploads were asked to go live by rename (`atomic`), whatever `replace` has come down to. */
  readonly atomic: boolean
  /** How an upload goes live (`atomic: false` starts at 'direct'). */
  replace: ReplaceMode
  /** SITE CHMOD worked once: later uploads send it with the rename instead of before. */
  chmodWorks = false
  /** Commands sent together before their replies (RFC 959 queueing). */
  pipelining = true
  /**
   * USER and PASS go in the same write as the session's set-up (FEAT ... PWD). pyftpdlib answers
   * a wrong password late and the commands after it first: one at a time there.
   */
  loginTogether = true
  /** Uploads start TLS on their data connection as soon as TCP is up, before the 1xx. */
  earlyTls = true
  /**
   * The server reads the command after a STOR only once the transfer is over (vsftpd, ProFTPD):
   * the next transfer's passive port is asked for behind the STOR and comes with its 226, so the
   * next data connection starts with the checks' write (3 round trips a file, not 4). False once
   * a server answers such a command during the transfer (pure-ftpd: 500).
   */
  readsAfterTransfer = true
  /**
   * Most bytes of commands in one write; undefined: ftp/pipelining.ts BATCH_BYTES, what every
   * server reads at once. vsftpd reads bursts of any size (FACTS.md: 33 KB of STATs answered
   * whole over TLS), ProFTPD and pure-ftpd with TLS leave what is past about 4 KB unread.
   */
  burstBytes: number | undefined
  /** STAT <dir> lists a directory on the control connection (else LIST or MLSD). */
  statLists = true
  /** EPSV answers (else PASV). */
  epsv = true
  /** SIZE is offered (false after 500 or 502, RFC 3659 is optional, or a 550 that refuses the command). */
  size = true
  /** How directories are listed over a data connection: MLSD where FEAT offers MLST, else LIST. */
  listCommand: 'MLSD' | 'LIST' | undefined
  /** The hash algorithm the server's hash command answers in (FEAT; SHA-256 preferred), if any. */
  hashAlgorithm: HashAlgorithm | undefined
  /** Whether names that differ in letter case alone are one file here (probed when it matters). */
  foldsCase: boolean | undefined
  /**
   * The key-exchange group the server chose for a control connection (TLS): later connections,
   * control and data, offer it first (a TLS 1.3 key share for another costs a HelloRetryRequest).
   */
  keyGroup: string | undefined
  /** The connection limit the server announced when it refused a connection, if it did. */
  connectionLimit: ConnectionLimit | undefined
  /**
   * The control connection's TLS ClientHello goes in AUTH TLS's own write (ftp/hello-with-auth.ts),
   * a round trip less on every connection: only where the greeting names vsftpd, which reads a
   * command by peeking to its line end and so leaves the hello in the socket. pure-ftpd, ProFTPD
   * and pyftpdlib read ahead and drop what came behind AUTH TLS (their fix for commands injected
   * at STARTTLS): a handshake begun so never starts there. Off for the run once one did not.
   */
  helloWithAuth: boolean | undefined
  /**
   * A download whose size is known (the manifest's, by its SIZE) ends the client's side of its
   * data connection once TLS is up (retrieve.ts): vsftpd sends its 226 only once the client's
   * close_notify is in, a round trip after the last byte otherwise. Only where the greeting names
   * vsftpd: pure-ftpd stops sending once the client's side ends (a 26 KB manifest cut at 10 KB
   * here). Off for the run once such a download comes up short (the size check catches it).
   */
  endsDownloadEarly: boolean | undefined
  /**
   * What ended the run, whoever met it first (a data connection whose certificate is not the
   * pinned one): no session opens after it and the run fails with it, even where a step would
   * have shrugged the failure off.
   */
  stopped: Error | undefined

  constructor(
    private readonly log: Log,
    options: { atomic: boolean }
  ) {
    this.atomic = options.atomic
    this.replace = options.atomic ? 'rename' : 'direct'
  }

  /**
   * What the greeting tells: IIS and FileZilla Server mishandle commands sent together (lftp
   * turns pipelining off for IIS; FileZilla Server 1.x drops the connection); pyftpdlib before
   * 1.5.9 resets data connections whose TLS starts before the 1xx, answers an EPSV during a
   * transfer by dropping the transfer (never answering the STOR), and a wrong password late;
   * vsftpd's own greeting (`220 (vsFTPd 3.0.3)`): bigger writes, its hello with AUTH TLS, its
   * downloads' 226 without waiting for this side's end.
   */
  greeted(greeting: string): void {
    const vsftpd = /^220 \(vsFTPd \d[\d.]*\)/.test(greeting)
    this.helloWithAuth ??= vsftpd
    this.endsDownloadEarly ??= vsftpd
    if (/Microsoft FTP Service|FileZilla Server/i.test(greeting)) this.pipelining = false
    if (vsftpd) this.burstBytes = VSFTPD_BURST_BYTES
    if (/pyftpdlib/i.test(greeting)) {
      this.earlyTls = false
      this.readsAfterTransfer = false
      this.loginTogether = false
    }
  }

  /** The hello sent with AUTH TLS got no answer (a server that only looks like vsftpd): after the 234 from now on. */
  helloLost(): void {
    if (this.helloWithAuth === false) return
    this.helloWithAuth = false
    this.log.info(
      'The server answered no TLS hello sent in the AUTH TLS write: connecting again, and the hello goes after the 234 from now on'
    )
  }

  /** A download whose side was ended early came up short: they end with the server from now on. */
  downloadCutShort(): void {
    if (this.endsDownloadEarly === false) return
    this.endsDownloadEarly = false
    this.log.info(
      "A download came up short after this side of its data connection ended early: read again, each to the server's own end from now on"
    )
  }

  /** A server's replies to commands sent together did not match them: one at a time from now on. */
  pipeliningConfused(why: string): void {
    if (!this.pipelining) return
    this.pipelining = false
    this.log.warning(
      `The server's replies to commands sent together did not match them (${why}): sending one command at a time from now on`
    )
  }

  /**
   * Commands sent together got no reply within the timeout (a server that reads less at once than
   * we send, or drops what it queued): one at a time from now on, so the retry is a different step.
   */
  pipeliningTimedOut(what: string): void {
    if (!this.pipelining) return
    this.pipelining = false
    this.log.warning(
      `Commands sent together got no reply within the timeout (${what}): sending one command at a time from now on`
    )
  }

  /** Whether the next transfer's passive port goes behind a STOR (see `readsAfterTransfer`). */
  get passiveBehindTransfer(): boolean {
    return this.pipelining && this.readsAfterTransfer
  }

  /** The server answered a command sent behind a STOR before the STOR's own end: 4 round trips a file from now on. */
  answeredDuringTransfer(reply: string): void {
    if (!this.readsAfterTransfer) return
    this.readsAfterTransfer = false
    this.log.info(
      `The server answered a command sent behind a STOR during the transfer (${reply}): ` +
        'the next passive port is asked for after each upload from now on'
    )
  }

  /** STAT listings lost the connection, timed out or were too long: data connections list from now on. */
  statListsLost(why: string): void {
    if (!this.statLists) return
    this.statLists = false
    this.log.info(`${why}: listing over data connections (LIST or MLSD), one directory at a time, from now on`)
  }

  /** The server reset a data connection whose TLS started before its 1xx: after the 1xx from now on. */
  earlyTlsReset(): void {
    if (!this.earlyTls) return
    this.earlyTls = false
    this.log.warning(
      'The server reset a data connection whose TLS handshake started before its reply to STOR (pyftpdlib before 1.5.9 does): ' +
        'data connections start TLS after the reply from now on (a round trip more per file)'
    )
  }

  /** SIZE refused as a command (not for a file): sizes are read from listings instead. */
  sizeUnavailable(reply: string): void {
    if (!this.size) return
    this.size = false
    this.log.warning(
      `The server refuses SIZE (${reply}): upload sizes are read from listings instead (STAT of each temporary where the server lists that way, and the final listing)`
    )
  }

  /** One file's rename refused where renames work: that file is written in place, the others still renamed. */
  refusedRenameOf(name: string, reply: string): void {
    if (this.replace === 'direct') return
    this.log.warning(
      `atomic: the server refused to rename ${name}'s temporary into place (${reply}): ${name} uploaded in place, not atomically`
    )
  }

  refusedRenameOver(reply: string): void {
    this.downgrade(
      'delete-then-rename',
      `the server refused to rename over an existing file (${reply}): replacing files by deleting them first`
    )
  }

  refusedRenames(reply: string): void {
    this.downgrade('direct', `the server refuses renames (${reply}): uploading in place, not atomically`)
  }

  /** Ends the run with `err` (the first such fault is the one reported). */
  stop(err: Error): void {
    this.stopped ??= err
  }

  private downgrade(mode: ReplaceMode, message: string): void {
    if (this.replace === mode || this.replace === 'direct') return
    this.log.warning(`atomic: ${message}`)
    this.replace = mode
  }
}
