#!/usr/bin/env bash
# Runs the action the way a GitHub runner does, against a throwaway local vsftpd.
#
#   sudo scripts/run-local.sh                          # deploys a small demo site
#   sudo scripts/run-local.sh dist-site                # deploys ./dist-site
#   sudo scripts/run-local.sh dist-site dry-run=true   # any input as name=value
#   sudo scripts/run-local.sh --runs 2                 # deploy twice: the second run skips everything
#   sudo scripts/run-local.sh --debug                  # also the FTP protocol log (RUNNER_DEBUG=1)
#
# What it does:
#   1. starts vsftpd on 127.0.0.1 with scripts/ci-ftps-server.sh (explicit TLS required for
#      login and data, TLS session reuse required, a virtual user, a CA made for this run);
#   2. runs `node dist/index.js` with the inputs in INPUT_* variables (the name upper-cased,
#      hyphens kept: INPUT_LOCAL-DIR), every default from action.yml, the server's host, port,
#      user, password and ca-cert, then your name=value overrides; and with GITHUB_OUTPUT and
#      GITHUB_STEP_SUMMARY pointing at temp files;
#   3. prints the outputs, the job summary and the files on the server;
#   4. stops the server (kill -- -PID, its process group) and removes its temp files.
#
# Needs root (vsftpd and its PAM user database) and the test servers
# (sudo bash scripts/install-servers.sh). It runs dist/ as built: run `npm run build` after
# changing src/. It uses the `node` on your PATH; runners use Node 24.
# Exit status: the action's (0 done, 1 the deploy failed, 2 invalid input), or 2 for bad usage.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
me="scripts/run-local.sh"

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo "Inputs: see action.yml or the README. Exit status: the action's."
}
die() {
  echo "$me: $*" >&2
  exit 2
}

local_dir=''
runs=1
debug=''
overrides=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    --runs)
      [ $# -ge 2 ] || die "--runs needs a number"
      runs=$2
      shift
      ;;
    --runs=*) runs=${1#--runs=} ;;
    --debug) debug=1 ;; # core.debug always prints ::debug:: lines; a runner shows them only with RUNNER_DEBUG=1
    -*) die "unknown option $1 (see --help)" ;;
    *=*) overrides+=("$1") ;;
    *)
      [ -z "$local_dir" ] || die "one local directory only (got '$local_dir' and '$1'); inputs go as name=value"
      local_dir=$1
      ;;
  esac
  shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a whole number above 0 (got '$runs')"

[ "$(id -u)" = 0 ] || die "needs root, for vsftpd and its PAM user database: sudo $me $*"
[ -x /usr/sbin/vsftpd ] || die "vsftpd is not installed: sudo bash scripts/install-servers.sh"
[ -f "$repo/dist/index.js" ] || die "dist/index.js is missing: npm run build"
[ -d "$repo/node_modules/yaml" ] || die "node_modules is missing (action.yml is read with it): npm ci"
if [ -n "$local_dir" ]; then
  [ -d "$local_dir" ] || die "local directory '$local_dir' not found"
  local_dir=$(cd "$local_dir" && pwd)
fi

# The action's inputs and their defaults, from action.yml: "name<TAB>default" per line.
inputs=$(cd "$repo" && node --input-type=module -e '
  import { readFileSync } from "node:fs"
  import { parse } from "yaml"
  const action = parse(readFileSync("action.yml", "utf8"))
  for (const [name, input] of Object.entries(action.inputs)) console.log(`${name}\t${input.default ?? ""}`)
')
known=" $(cut -f1 <<<"$inputs" | tr '\n' ' ') "
for pair in "${overrides[@]+"${overrides[@]}"}"; do
  name=${pair%%=*}
  [[ "$known" == *" $name "* ]] || die "unknown input '$name'; the inputs are:$(echo "$known" | sed 's/ *$//')"
  [ "$name" != password ] || die "password comes from the local server; it cannot be overridden"
done

work=$(mktemp -d /tmp/ftps-run-local-XXXXXX)
server_pid=''
server_dir=''
cleanup() {
  trap '' PIPE # output piped into `head` may be gone: cleaning up must not die of it
  if [ -n "$server_pid" ]; then
    kill -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 -- "-$server_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  # The server's temp dir (certificates, config, log, the FTP root) and ours.
  if [ -n "$server_dir" ] && [[ "$server_dir" == /tmp/ftps-ci-* ]]; then rm -rf "$server_dir"; fi
  rm -rf "$work"
  [ -z "$server_pid" ] || echo "Stopped vsftpd (process group $server_pid)." 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE

if [ -z "$local_dir" ]; then
  local_dir="$work/site"
  mkdir -p "$local_dir/assets"
  echo '<!doctype html><title>ftps-deploy</title><h1>Deployed by scripts/run-local.sh</h1>' >"$local_dir/index.html"
  echo 'body { font-family: sans-serif }' >"$local_dir/assets/site.css"
  head -c 200000 /dev/urandom >"$local_dir/assets/photo.bin"
  : >"$local_dir/empty.txt"
  echo "No local directory given: deploying a demo site ($local_dir)."
fi

# A free port, so this can run next to the test servers or another run.
port=$(node -e '
  const s = require("node:net").createServer()
  s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })
')
: >"$work/server.out"
# The script prints ::add-mask:: for a runner on stdout: not needed here.
FTPS_CI_PORT=$port GITHUB_OUTPUT="$work/server.out" bash "$repo/scripts/ci-ftps-server.sh" >/dev/null
server() { sed -n "s/^$1=//p" "$work/server.out" | head -n 1; }
server_pid=$(server pid)
server_dir=$(dirname "$(server root)")
root=$(server root)
echo "Started vsftpd on 127.0.0.1:$port (pid $server_pid, FTP root $root)."

# INPUT_* as the runner sets them: every input with its action.yml default, then the server's
# connection details, then the overrides from the command line (the last one wins).
env_args=()
while IFS=$'\t' read -r name default; do
  env_args+=("INPUT_${name^^}=$default")
done <<<"$inputs"
env_args+=(
  "INPUT_HOST=$(server host)"
  "INPUT_PORT=$(server port)"
  "INPUT_USER=$(server user)"
  "INPUT_PASSWORD=$(server password)"
  "INPUT_CA-CERT=$(server ca-cert)"
  "INPUT_LOCAL-DIR=$local_dir"
)
for pair in "${overrides[@]+"${overrides[@]}"}"; do
  name=${pair%%=*}
  env_args+=("INPUT_${name^^}=${pair#*=}")
done

status=0
for run in $(seq "$runs"); do
  : >"$work/output"
  : >"$work/summary"
  mkdir -p "$work/runner-temp"
  echo
  echo "=== Run $run of $runs: node dist/index.js"
  set +e
  # A clean environment, as on a runner: nothing from this shell's INPUT_* or GITHUB_* leaks in.
  env -i PATH="$PATH" HOME="${HOME:-/root}" LANG="${LANG:-C.UTF-8}" \
    CI=true GITHUB_ACTIONS=true GITHUB_WORKSPACE="$PWD" RUNNER_TEMP="$work/runner-temp" \
    GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" \
    RUNNER_DEBUG="$debug" "${env_args[@]}" node "$repo/dist/index.js" |
    if [ "$debug" = 1 ]; then cat; else grep -v '^::debug::'; fi
  status=${PIPESTATUS[0]}
  set -e
  echo "=== Exit status: $status"
  echo
  echo "=== Outputs (GITHUB_OUTPUT)"
  node -e '
    const text = require("node:fs").readFileSync(process.argv[1], "utf8")
    const lines = text.split("\n")
    for (let i = 0; i < lines.length; i++) {
      const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
      if (heredoc) {
        const end = lines.indexOf(heredoc[2], i + 1)
        console.log(`${heredoc[1]}: ${lines.slice(i + 1, end).join("\n")}`)
        i = end
      } else if (lines[i].includes("=")) console.log(lines[i].replace("=", ": "))
    }
  ' "$work/output"
  echo
  echo "=== Job summary (GITHUB_STEP_SUMMARY)"
  cat "$work/summary"
  echo
  echo "=== Files on the server (bytes, path under the FTP root)"
  (cd "$root" && find . -type f -printf '%10s  %P\n' | sort -k2)
done
exit "$status"
