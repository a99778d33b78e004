"""pyftpdlib (Debian 12's python3-pyftpdlib 1.5.7) as a test server, started by pyftpdlib.ts.

Explicit TLS required on control and data. With "windows": true it behaves like IIS as far as
a deploy can tell: names case-insensitive and case-preserving, '\\' a path separator, RNTO onto
an existing file refused with IIS's text, DOS-format LIST, no MLSD/MLST, no STAT listings and
IIS's greeting. Extra "handshake-fix": the data connections of pyftpdlib 1.5.9 and later (the
issue 604 fix alone). Config: one JSON file, the only argument. Logs every command and reply.
"""
import json
import logging
import os
import sys
import time

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.filesystems import AbstractedFS
from pyftpdlib.handlers import TLS_DTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer

IIS_EXISTS = "550 Cannot create a file when that file already exists."


class HidingFS(AbstractedFS):
    """Listings without dotfiles when asked (vsftpd's default force_dot_files=NO)."""

    hide_dotfiles = False

    def listdir(self, path):
        names = super().listdir(path)
        return [n for n in names if not n.startswith(".")] if self.hide_dotfiles else names


class WindowsFS(HidingFS):
    """Case-insensitive, case-preserving names; '\\' separates like '/'; DOS listings."""

    last_requested = ""

    def ftp2fs(self, ftppath):
        ftppath = ftppath.replace("\\", "/")
        self.last_requested = ftppath
        return self._existing_spelling(super().ftp2fs(ftppath))

    def _existing_spelling(self, fspath):
        rel = os.path.relpath(fspath, self.root)
        if rel == "." or rel.startswith(".."):
            return fspath
        current = self.root
        for part in rel.split(os.sep):
            exact = os.path.join(current, part)
            if not os.path.lexists(exact):
                try:
                    names = os.listdir(current)
                except OSError:
                    names = []
                match = next((n for n in names if n.lower() == part.lower()), None)
                if match is not None:
                    exact = os.path.join(current, match)
            current = exact
        return current

    def format_list(self, basedir, listing, ignore_err=True):
        # IIS's MS-DOS style: "12-01-26  06:35PM       <DIR>          assets"
        for name in listing:
            try:
                st = self.lstat(os.path.join(basedir, name))
            except OSError:
                if ignore_err:
                    continue
                raise
            stamp = time.strftime("%m-%d-%y  %I:%M%p", time.localtime(st.st_mtime))
            if os.path.isdir(os.path.join(basedir, name)):
                line = "%s       <DIR>          %s\r\n" % (stamp, name)
            else:
                line = "%s %20d %s\r\n" % (stamp, st.st_size, name)
            yield line.encode("utf8", self.cmd_channel.unicode_errors)


class Handler(TLS_FTPHandler):
    tls_control_required = True
    tls_data_required = True


class HandshakeFixDTPHandler(TLS_DTPHandler):
    """1.5.9's fix for issue 604 (PR 612) alone, as later releases run: readable while the TLS
    handshake runs. Their 226 for a data connection closed with no transfer remains."""

    def readable(self):
        return self._ssl_accepting or super().readable()


class FixedDTPHandler(TLS_DTPHandler):
    """pyftpdlib's data connections without two bugs IIS does not have (the plain pyftpdlib kind
    keeps 1.5.7 as Debian ships it, bugs included)."""

    def readable(self):
        # 1.5.9's fix for issue 604 (PR 612): readable while the TLS handshake runs, so a client
        # that starts TLS before sending STOR/RETR is not reset.
        return self._ssl_accepting or super().readable()

    def handle_close(self):
        # 1.5.7 answers "226 Transfer complete." when the client closes a data connection no
        # transfer ran on (after a refused LIST): a reply to no command, which desynchronises it.
        if not self._initialized:
            self.close()
            return
        super().handle_close()


class WindowsHandler(Handler):
    banner = "Microsoft FTP Service"
    dtp_handler = FixedDTPHandler
    proto_cmds = {k: v for k, v in Handler.proto_cmds.items() if k not in ("MLSD", "MLST")}

    def ftp_SYST(self, line):
        self.respond("215 Windows_NT")

    def ftp_STAT(self, path):
        if path:
            # IIS gives no listings over the control connection
            self.respond("501 Invalid number of parameters.")
            return
        super().ftp_STAT(path)

    def ftp_RNTO(self, path):
        src = self._rnfr
        if src and os.path.lexists(path):
            same = os.path.samefile(src, path)
            wanted = os.path.basename(self.fs.last_requested.rstrip("/"))
            if not same:
                self._rnfr = None
                self.respond(IIS_EXISTS)
                return None
            # A case-only rename (Logo.PNG -> logo.png) renames the file itself, as on NTFS.
            path = os.path.join(os.path.dirname(path), wanted)
        return super().ftp_RNTO(path)


def main():
    with open(sys.argv[1]) as f:
        conf = json.load(f)
    logging.basicConfig(
        filename=conf["log"],
        level=logging.DEBUG,
        format="%(asctime)s %(message)s",
    )
    windows = conf.get("windows", False)
    handler = WindowsHandler if windows else Handler
    if "handshake-fix" in conf.get("extra", []):
        handler.dtp_handler = HandshakeFixDTPHandler
    fs = WindowsFS if windows else HidingFS
    fs.hide_dotfiles = conf.get("hideDotfiles", False)
    handler.abstracted_fs = fs
    handler.certfile = conf["cert"]
    handler.keyfile = conf["key"]
    handler.get_ssl_context()  # reads the key while still root
    authorizer = DummyAuthorizer()
    authorizer.add_user(conf["user"], conf["password"], conf["root"], perm="elradfmwMT")
    handler.authorizer = authorizer
    handler.passive_ports = list(range(conf["passiveMin"], conf["passiveMax"] + 1))
    handler.masquerade_address = "127.0.0.1"
    handler.permit_foreign_addresses = False
    server = FTPServer(("127.0.0.1", conf["port"]), handler)
    server.max_cons = 256
    server.max_cons_per_ip = conf.get("maxPerIp", 0)
    os.umask(0o022)
    # Uploads belong to the server's account, like the other servers' (the harness reads them).
    os.setgroups([])
    os.setgid(conf["gid"])
    os.setuid(conf["uid"])
    server.serve_forever()


if __name__ == "__main__":
    main()
