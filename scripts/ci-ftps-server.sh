#!/usr/bin/env bash
# Starts vsftpd on 127.0.0.1 for the workflow job that runs the action with `uses: ./`:
# explicit TLS required for login and data, session reuse required, a virtual user, a CA made
# here. Writes host, port, user, password, ca-cert, root and pid to $GITHUB_OUTPUT (or stdout).
# Run as root after scripts/install-servers.sh. Stop it with: kill -- -<pid>
set -euo pipefail

dir=$(mktemp -d /tmp/ftps-ci-XXXXXX)
chmod 755 "$dir"
root="$dir/root"
mkdir -p "$root" "$dir/empty"
chown ftp:ftp "$root"
port=${FTPS_CI_PORT:-2121}
user=deployer
password=$(openssl rand -hex 16)

# CA and a server certificate for 127.0.0.1 / localhost, signed by it.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=ftps-deploy CI CA' \
  -keyout "$dir/ca.key" -out "$dir/ca.crt" -addext basicConstraints=critical,CA:TRUE 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$dir/ext.cnf"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 1 \
  -out "$dir/server.crt" -extfile "$dir/ext.cnf" 2>/dev/null

# A virtual user through pam_userdb (PAM services must live in /etc/pam.d).
mkdir -p /etc/ftps-deploy-ci
printf '%s\n%s\n' "$user" "$password" >"$dir/users.txt"
db5.3_load -T -t hash -f "$dir/users.txt" /etc/ftps-deploy-ci/users.db
rm -f "$dir/users.txt"
printf 'auth required pam_userdb.so db=/etc/ftps-deploy-ci/users\naccount required pam_permit.so\nsession required pam_permit.so\n' \
  >/etc/pam.d/ftps-deploy-ci

cat >"$dir/vsftpd.conf" <<CONF
background=NO
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$port
seccomp_sandbox=NO
secure_chroot_dir=$dir/empty
anonymous_enable=NO
local_enable=YES
write_enable=YES
guest_enable=YES
guest_username=ftp
virtual_use_local_privs=YES
pam_service_name=ftps-deploy-ci
local_root=$root
chroot_local_user=YES
allow_writeable_chroot=YES
local_umask=022
pasv_enable=YES
pasv_min_port=40000
pasv_max_port=40100
pasv_address=127.0.0.1
port_enable=NO
xferlog_enable=YES
log_ftp_protocol=YES
vsftpd_log_file=$dir/vsftpd.log
ssl_enable=YES
rsa_cert_file=$dir/server.crt
rsa_private_key_file=$dir/server.key
ssl_ciphers=HIGH
force_local_logins_ssl=YES
force_local_data_ssl=YES
require_ssl_reuse=YES
CONF

setsid /usr/sbin/vsftpd "$dir/vsftpd.conf" </dev/null >"$dir/stdout.log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then break; fi
  sleep 0.1
done
(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { cat "$dir/stdout.log" >&2; echo "vsftpd did not start" >&2; exit 1; }

[ -z "${GITHUB_OUTPUT:-}" ] || echo "::add-mask::$password"
out=${GITHUB_OUTPUT:-/dev/stdout}
{
  echo "host=127.0.0.1"
  echo "port=$port"
  echo "user=$user"
  echo "password=$password"
  echo "ca-cert=$dir/ca.crt"
  echo "root=$root"
  echo "pid=$pid"
  echo "log=$dir/vsftpd.log"
} >>"$out"
