/**
 * Every input with invalid values and the one line each must produce. Relative paths
 * ('missing.pem', 'a-file.txt') are resolved against the working directory, which holds an
 * 'a-file.txt' in the tests that use this table.
 */
import { InputName } from '../../src/config/inputs.js'

export const BAD_INPUTS: [Partial<Record<InputName, string>>, string][] = [
  [{ host: '' }, "Invalid host '': expected a server name or IP address (required)"],
  [{ host: 'a b' }, "Invalid host 'a b': expected a server name or IP address without spaces or slashes"],
  [{ port: '0' }, "Invalid port '0': expected a port number from 1 to 65535"],
  [{ port: '65536' }, "Invalid port '65536': expected a port number from 1 to 65535"],
  [{ port: '-1' }, "Invalid port '-1': expected a port number from 1 to 65535"],
  [{ port: 'ftp' }, "Invalid port 'ftp': expected a port number from 1 to 65535"],
  [{ timeout: '0' }, "Invalid timeout '0': expected a number of seconds above 0 (at most 86400)"],
  [{ timeout: '-5' }, "Invalid timeout '-5': expected a number of seconds above 0 (at most 86400)"],
  [{ timeout: 'soon' }, "Invalid timeout 'soon': expected a number of seconds above 0 (at most 86400)"],
  [{ tls: 'starttls' }, "Invalid tls 'starttls': expected one of 'explicit', 'implicit', 'none'"],
  [{ 'tls-verify': 'yes' }, "Invalid tls-verify 'yes': expected true or false"],
  [{ 'tls-max-version': '1.1' }, "Invalid tls-max-version '1.1': expected one of '1.2', '1.3'"],
  [{ 'tls-fingerprint': 'abcd' }, "Invalid tls-fingerprint 'abcd': expected a SHA-256 fingerprint"],
  [{ 'ca-cert': 'missing.pem' }, "Invalid ca-cert 'missing.pem': expected PEM text or the path of a readable PEM file"],
  [
    { 'ca-cert': 'a-file.txt' },
    "Invalid ca-cert 'a-file.txt': expected PEM text or a PEM file with at least one CERTIFICATE block"
  ],
  [
    { 'ca-cert': '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' },
    "Invalid ca-cert '<PEM text>': expected valid PEM certificates"
  ],
  [{ encoding: 'utf-16' }, "Invalid encoding 'utf-16': expected one of 'utf-8', 'utf8', 'latin1'"],
  [{ 'source-address': 'localhost' }, "Invalid source-address 'localhost': expected an IPv4 or IPv6 address"],
  [{ user: 'a\r\nPASS x' }, "Invalid user 'a\\r\\nPASS x': expected no CR, LF or NUL characters"],
  [{ account: 'a\nb' }, "Invalid account 'a\\nb': expected no CR, LF or NUL characters"],
  [{ 'local-dir': 'nope' }, "Invalid local-dir 'nope': expected an existing directory (not found)"],
  [{ 'local-dir': 'a-file.txt' }, "Invalid local-dir 'a-file.txt': expected a directory (this is a file)"],
  [
    { files: '../secrets/**' },
    "Invalid files '../secrets/**': expected patterns relative to local-dir, without .. segments"
  ],
  [{ files: '/etc/passwd' }, "Invalid files '/etc/passwd': expected patterns relative to local-dir"],
  [{ files: '!*.map' }, "Invalid files '!*.map': expected at least one pattern that is not an exclude (!)"],
  [{ 'remote-dir': 'www/../..' }, "Invalid remote-dir 'www/../..': expected a directory path without .. segments"],
  [{ 'remote-dir': 'a\nb' }, "Invalid remote-dir 'a\\nb': expected no CR, LF or NUL characters"],
  [
    { 'remote-dir': 'www\\site' },
    "Invalid remote-dir 'www\\\\site': expected a directory path with '/' separators (no '\\')"
  ],
  [{ 'if-no-files-found': 'fail' }, "Invalid if-no-files-found 'fail': expected one of 'error', 'warn', 'ignore'"],
  [{ sync: 'newer' }, "Invalid sync 'newer': expected one of 'changed', 'all'"],
  [{ manifest: 'a/b.json' }, "Invalid manifest 'a/b.json': expected a plain file name"],
  [{ concurrency: '0' }, "Invalid concurrency '0': expected a whole number of connections from 1 to 16"],
  [{ concurrency: '17' }, "Invalid concurrency '17': expected a whole number of connections from 1 to 16"],
  [{ retries: '-1' }, "Invalid retries '-1': expected a whole number of retries from 0 to 100"],
  [{ listing: 'tree' }, "Invalid listing 'tree': expected one of 'flat', 'recursive', 'none'"],
  [{ 'dry-run': 'maybe' }, "Invalid dry-run 'maybe': expected true or false"],
  [{ adopt: 'hash' }, "Invalid adopt 'hash': expected auto, download, size or none"],
  [{ adopt: 'Auto' }, "Invalid adopt 'Auto': expected auto, download, size or none"],
  [{ verify: 'sha256' }, "Invalid verify 'sha256': expected true, false or hash"],
  [{ verify: 'yes' }, "Invalid verify 'yes': expected true, false or hash"],
  [{ lock: 'yes' }, "Invalid lock 'yes': expected true or false"],
  [{ 'lock-timeout': '-1' }, "Invalid lock-timeout '-1': expected a whole number of seconds from 0 to 86400"],
  [{ 'lock-timeout': '1.5' }, "Invalid lock-timeout '1.5': expected a whole number of seconds from 0 to 86400"],
  [{ 'file-mode': '64' }, "Invalid file-mode '64': expected 3 or 4 octal digits such as 644 or 0755 (or empty)"],
  [{ 'file-mode': '0o644' }, "Invalid file-mode '0o644': expected 3 or 4 octal digits such as 644 or 0755 (or empty)"],
  [{ 'dir-mode': '789' }, "Invalid dir-mode '789': expected 3 or 4 octal digits such as 644 or 0755 (or empty)"],
  [{ 'dir-mode': '12345' }, "Invalid dir-mode '12345': expected 3 or 4 octal digits such as 644 or 0755 (or empty)"],
  [{ 'report-file': 'r\n.json' }, "Invalid report-file 'r\\n.json': expected no CR, LF or NUL characters"],
  [{ cutover: 'atomic' }, "Invalid cutover 'atomic': expected one of 'end', 'file', 'swap'"],
  [
    { cutover: 'end', atomic: 'false' },
    "Invalid cutover 'end': expected 'file' with atomic: false (end and swap go live by renames)"
  ],
  [
    { cutover: 'swap', atomic: 'false' },
    "Invalid cutover 'swap': expected 'file' with atomic: false (end and swap go live by renames)"
  ],
  [{ rollback: 'yes' }, "Invalid rollback 'yes': expected true or false"],
  [{ rollback: 'true' }, "Invalid rollback 'true': expected false unless cutover is 'swap' (cutover is 'end')"],
  [
    { rollback: 'true', cutover: 'file' },
    "Invalid rollback 'true': expected false unless cutover is 'swap' (cutover is 'file')"
  ],
  [
    { 'max-delete': 'half' },
    "Invalid max-delete 'half': expected a whole number of files, or a percentage from 0% to 100% (100% = no limit)"
  ],
  [{ 'max-delete': '150%' }, "Invalid max-delete '150%': expected a whole number of files, or a percentage"],
  [{ 'max-delete': '-1' }, "Invalid max-delete '-1': expected a whole number of files"],
  [{ 'max-delete': '5.5' }, "Invalid max-delete '5.5': expected a whole number of files"]
]
