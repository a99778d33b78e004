#!/usr/bin/env bash
# Installs the FTP servers the integration tests run (vsftpd, pure-ftpd, proftpd, and
# pyftpdlib with pyOpenSSL for the pyftpdlib and Windows-like kinds) on Debian/Ubuntu, as root.
# Idempotent: a second run changes nothing.
#
# Why not `apt-get install` all three: vsftpd, pure-ftpd and proftpd-core each declare
# `Conflicts: ftp-server`, so dpkg holds only one. vsftpd is installed normally; the other two
# are fetched with `apt-get download` and unpacked with `dpkg-deb -x` into a cache dir
# (never registered with dpkg, no maintainer scripts, no service started), and only their
# shared-library dependencies are installed with apt.
#
# Layout (read by __tests__/harness/servers.ts, keep in sync):
#   $FTPS_DEPLOY_SERVERS_DIR/pure-ftpd/usr/sbin/pure-ftpd, .../usr/bin/pure-pw
#   $FTPS_DEPLOY_SERVERS_DIR/proftpd/usr/sbin/proftpd,   .../usr/lib/proftpd/mod_tls.so
#   /usr/bin/python3 with pyftpdlib and OpenSSL (Debian's packages; PyPI is not needed)
#   /usr/sbin/sshd and /usr/bin/ssh-keygen (openssh-server, for the SFTP suites: internal-sftp)
set -euo pipefail

CACHE_DIR="${FTPS_DEPLOY_SERVERS_DIR:-/opt/ftps-deploy-servers}"
export DEBIAN_FRONTEND=noninteractive

log() { printf 'install-servers: %s\n' "$*"; }
die() { printf 'install-servers: ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (sudo bash $0)"
command -v apt-get >/dev/null || die "apt-get not found: this script supports Debian/Ubuntu only"

changed=0
apt_updated=0
WORK_DIR="$(mktemp -d)"
chmod 755 "$WORK_DIR" # apt-get download runs as user _apt: mktemp's 0700 would shut it out
trap 'rm -rf "$WORK_DIR"' EXIT

# `apt-get update` only once, and only when something has to be fetched.
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get update -qq || die "apt-get update failed"
    apt_updated=1
  fi
}

is_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

# Installs the named packages that are not installed yet.
apt_install_missing() {
  local missing=() p
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -gt 0 ] || return 0
  apt_update_once
  log "apt-get install ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
  changed=1
}

# Shared-library packages a .deb depends on (first alternative, version dropped).
# Derived from the package instead of hard-coded, so Ubuntu's renamed libs (…t64) work too.
lib_depends_of() {
  dpkg-deb -f "$1" Depends Pre-Depends \
    | sed -e 's/^[A-Za-z-]*: //' | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/:any//' \
    | tr -d ' ' | grep -E '^(lib|zlib)' || true
}

# Downloads the given packages and unpacks them into $CACHE_DIR/<name> (once).
# A marker file is written last, so an interrupted run is redone, not trusted.
unpack_debs() {
  local name="$1"; shift
  local dest="$CACHE_DIR/$name" marker="$CACHE_DIR/$name/.unpacked"
  if [ -f "$marker" ]; then
    log "$name: already unpacked in $dest ($(tr '\n' ' ' <"$marker"))"
    return 0
  fi
  apt_update_once
  local work="$WORK_DIR/$name"
  mkdir -p "$work"
  # apt-get download fetches as user _apt, and warns (then downloads as root) if it cannot write
  if id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
  log "$name: apt-get download $*"
  (cd "$work" && apt-get download -qq "$@") || die "apt-get download $* failed"
  rm -rf "$dest.partial"
  mkdir -p "$dest.partial"
  local deb libs=()
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$dest.partial" || die "dpkg-deb -x $deb failed"
    mapfile -t -O "${#libs[@]}" libs < <(lib_depends_of "$deb")
  done
  [ "${#libs[@]}" -eq 0 ] || apt_install_missing "${libs[@]}"
  (cd "$work" && printf '%s\n' *.deb) >"$dest.partial/.unpacked"
  rm -rf "$dest"
  mv "$dest.partial" "$dest"
  log "$name: unpacked into $dest"
  changed=1
}

# Fails if a binary cannot find one of its shared libraries.
check_libs() {
  local bin="$1" missing
  [ -f "$bin" ] || die "$bin is missing"
  missing="$(ldd "$bin" 2>&1 | grep 'not found' || true)"
  [ -z "$missing" ] || die "$bin: missing shared libraries: $missing"
}

apt_install_missing openssl

# vsftpd: a real dpkg install (it is the one ftp-server dpkg keeps). db5.3-util gives db5.3_load,
# which the harness uses to build the pam_userdb database for its virtual user.
if [ -x /usr/sbin/vsftpd ]; then
  log "vsftpd: already installed ($(dpkg-query -W -f='${Version}' vsftpd 2>/dev/null || echo 'not from dpkg'))"
else
  apt_install_missing vsftpd
  # On a systemd host the package starts a daemon on port 21; the tests start their own.
  if command -v systemctl >/dev/null && systemctl is-active --quiet vsftpd 2>/dev/null; then
    log "vsftpd: stopping and disabling the system service the package started"
    systemctl disable --now vsftpd >/dev/null 2>&1 || true
  fi
fi
apt_install_missing libwrap0 db5.3-util libpam-modules

# All three servers run the test user as the system account `ftp` (vsftpd's package creates it).
# vsftpd needs that account's home to exist: without it, login ends in a plaintext 500 OOPS.
if ! getent passwd ftp >/dev/null; then
  log "creating system account ftp"
  adduser --system --group --home /srv/ftp --no-create-home ftp >/dev/null || die "adduser ftp failed"
  changed=1
fi
ftp_home="$(getent passwd ftp | cut -d: -f6)"
if [ ! -d "$ftp_home" ]; then
  log "creating $ftp_home (home of account ftp)"
  install -d -o root -g ftp -m 0755 "$ftp_home"
  changed=1
fi

# pyftpdlib: Debian 12 ships 1.5.7 (with its TLS data-connection bug, pyftpdlib issue 604: the
# harness runs it as shipped). Debian's package, so the harness runs /usr/bin/python3.
apt_install_missing python3 python3-pyftpdlib python3-openssl

# OpenSSH's sshd for the SFTP suites (internal-sftp in a chroot, as shared hosts run it). The
# harness starts its own sshd on 127.0.0.1 with its own config and fresh host keys; the system
# service the package may start is stopped. The test user is the system account `sftpdeploy`
# (sshd, unlike the FTP servers, logs in real accounts only), created here without a password:
# the harness sets one with chpasswd, and creates the account itself if this script did not run.
apt_install_missing openssh-server openssh-client
if command -v systemctl >/dev/null && systemctl is-active --quiet ssh 2>/dev/null; then
  log "openssh-server: stopping and disabling the system service the package started"
  systemctl disable --now ssh >/dev/null 2>&1 || true
fi
install -d -m 0755 /run/sshd
if ! getent passwd sftpdeploy >/dev/null; then
  log "creating system account sftpdeploy"
  adduser --system --group --home /nonexistent --no-create-home --shell /usr/sbin/nologin sftpdeploy >/dev/null \
    || die "adduser sftpdeploy failed"
  changed=1
fi

mkdir -p "$CACHE_DIR"
unpack_debs pure-ftpd pure-ftpd pure-ftpd-common
unpack_debs proftpd proftpd-core proftpd-mod-crypto

check_libs /usr/sbin/vsftpd
check_libs "$CACHE_DIR/pure-ftpd/usr/sbin/pure-ftpd"
check_libs "$CACHE_DIR/pure-ftpd/usr/bin/pure-pw"
check_libs "$CACHE_DIR/proftpd/usr/sbin/proftpd"
check_libs "$CACHE_DIR/proftpd/usr/lib/proftpd/mod_tls.so"
check_libs /usr/sbin/sshd
command -v ssh-keygen >/dev/null || die "ssh-keygen (openssh-client) is missing"
command -v db5.3_load >/dev/null || die "db5.3_load (db5.3-util) is missing"
/usr/bin/python3 -c 'import pyftpdlib, OpenSSL' 2>/dev/null || die "/usr/bin/python3 cannot import pyftpdlib and OpenSSL"

if [ "$changed" = 1 ]; then
  log "done: servers ready in /usr/sbin/vsftpd and $CACHE_DIR"
else
  log "nothing to do: everything was already installed"
fi
