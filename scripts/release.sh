#!/usr/bin/env bash
# Cuts a release of ftps-deploy: a commit "Release vX.Y.Z" with a fresh dist/, the tag vX.Y.Z,
# and the major tag (v1) moved to it, so that `uses: org/ftps-deploy@v1` gets the release.
#
#   scripts/release.sh 1.2.3             # release 1.2.3 from a clean main
#   scripts/release.sh --dry-run 1.2.3   # the same in a temporary clone; the real repo is not touched
#
# Steps:
#   1. checks: on main, clean tree (untracked files too), the tag is new, CHANGELOG.md has
#      entries under "## [Unreleased]";
#   2. npm ci; the docs are fresh, format and lint pass;
#   3. sets the version in package.json (and package-lock.json) and in src/config/version.ts;
#   4. npm run build (dist/ changes: the version is bundled), then the tests with every FTP
#      server required (CI=true npm test; install them with sudo bash scripts/install-servers.sh);
#   5. npm pack: the tarball that `npm publish` would upload, kept outside the repository
#      (${TMPDIR:-/tmp}/ftps-deploy-release/), checked to run offline (`ftps-deploy --version`);
#   6. moves CHANGELOG.md's Unreleased entries under "## [X.Y.Z] - YYYY-MM-DD";
#   7. commits "Release vX.Y.Z", tags vX.Y.Z and force-moves vX (not for a pre-release such as
#      1.3.0-rc.1);
#   8. prints the git push commands and how to publish the tarball. Nothing is pushed or published.
#
# A dry run clones the current commit (HEAD: uncommitted changes are not in it), runs every step
# there, shows the resulting commit and tags, and removes the clone. The checks that would stop
# a real run (branch, clean tree) are reported as warnings. The tests need root, like `npm test`.
set -euo pipefail

me="scripts/release.sh"
die() {
  echo "$me: $*" >&2
  exit 1
}
usage() {
  cat <<USAGE
Usage: $me [--dry-run] VERSION

  VERSION        X.Y.Z, or X.Y.Z-pre for a pre-release (a leading v is accepted)
  -n, --dry-run  make the release in a temporary clone and show it; the repository is not touched

Cuts the release commit and tags locally and prints the git push commands. The steps are
listed at the top of $me.
USAGE
}
step() { printf '\n== %s\n' "$*"; }

dry_run=0
version=''
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
    -n | --dry-run) dry_run=1 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [ -z "$version" ] || die "one version only (got '$version' and '$1')"
      version=${1#v}
      ;;
  esac
  shift
done
[ -n "$version" ] || {
  usage >&2
  exit 2
}
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]] ||
  die "'$version' is not a version: expected X.Y.Z or X.Y.Z-pre (for example 1.2.3 or 1.3.0-rc.1)"
tag="v$version"
major="v${version%%.*}"
prerelease=0
[[ "$version" != *-* ]] || prerelease=1

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && git rev-parse --show-toplevel)
cd "$repo"

# --- 1. Checks on the real repository. In a dry run, what would stop a real run is a warning.
problems=()
branch=$(git symbolic-ref --quiet --short HEAD || echo '(detached HEAD)')
[ "$branch" = main ] || problems+=("not on main (on $branch)")
dirty=$(git status --porcelain --untracked-files=normal)
[ -z "$dirty" ] || problems+=("the working tree is not clean (commit or stash first):
$(sed 's/^/    /' <<<"$dirty" | head -n 20)")
if git remote get-url origin >/dev/null 2>&1; then
  if GIT_TERMINAL_PROMPT=0 git fetch --quiet origin main 2>/dev/null; then
    git merge-base --is-ancestor origin/main HEAD || problems+=("main is behind origin/main: git pull first")
  else
    echo "$me: warning: could not fetch origin; not checking that main is up to date" >&2
  fi
fi
if [ ${#problems[@]} -gt 0 ]; then
  for problem in "${problems[@]}"; do
    if [ "$dry_run" = 1 ]; then
      echo "$me: warning (a real run would stop here): $problem" >&2
    else
      echo "$me: $problem" >&2
    fi
  done
  [ "$dry_run" = 1 ] || exit 1
fi
! git rev-parse --quiet --verify "refs/tags/$tag" >/dev/null || die "tag $tag exists already"

current=$(node -p 'require("./package.json").version')
node -e '
  const [a, b] = process.argv.slice(1).map(v => v.split("-")[0].split(".").map(Number))
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) process.exit(a[i] < b[i] ? 1 : 0)
' "$version" "$current" || die "$version is lower than package.json's version $current"

# --- Where the release is made: here, or in a temporary clone of HEAD.
if [ "$dry_run" = 1 ]; then
  work=$(mktemp -d /tmp/ftps-deploy-release-XXXXXX)
  # The test servers run as the ftp account: it must be able to traverse the path.
  chmod 755 "$work"
  long_steps=0 # a failure in the long steps (build, tests) keeps the clone for a look
  cleanup() {
    local status=$?
    if [ "$status" != 0 ] && [ "$long_steps" = 1 ]; then
      echo "$me: the dry run failed; its clone is kept for a look: $work/repo (rm -rf $work)" >&2
    else
      rm -rf "$work"
    fi
  }
  trap cleanup EXIT
  step "Dry run: cloning $(git rev-parse --short HEAD) into $work/repo"
  git clone --quiet --no-hardlinks "$repo" "$work/repo"
  cd "$work/repo"
  git checkout --quiet -B main "$(git -C "$repo" rev-parse HEAD)"
fi

[ -f CHANGELOG.md ] || die "CHANGELOG.md is missing (in $(git rev-parse --short HEAD))"
# Fails early, before the long steps, when there is nothing to release.
changelog() {
  node --input-type=module - "$@" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs'
const [mode, version, date] = process.argv.slice(2)
const text = readFileSync('CHANGELOG.md', 'utf8')
const heading = /^## \[Unreleased\][^\n]*\n/m.exec(text)
if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading')
const start = heading.index + heading[0].length
const next = text.slice(start).search(/^## \[|^\[[^\]]+\]: /m)
const end = next === -1 ? text.length : start + next
const entries = text.slice(start, end).trim()
if (entries === '') {
  console.error('CHANGELOG.md: nothing under "## [Unreleased]": write what changed first')
  process.exit(1)
}
if (mode === 'check') process.exit(0)
const previous = /^## \[(\d[^\]]*)\]/m.exec(text.slice(end))?.[1]
let out = `${text.slice(0, start)}\n## [${version}] - ${date}\n\n${entries}\n\n${text.slice(end)}`
// Keep a Changelog's links at the bottom: Unreleased compares from the new tag; the new
// version compares from the previous one (or is its own tag page for the first release).
const link = /^\[Unreleased\]: (https:\/\/github\.com\/[^/\s]+\/[^/\s]+)\/\S*$/m.exec(out)
if (link) {
  const base = link[1]
  const own = previous ? `${base}/compare/v${previous}...v${version}` : `${base}/releases/tag/v${version}`
  out = out.replace(link[0], `[Unreleased]: ${base}/compare/v${version}...HEAD\n[${version}]: ${own}`)
}
writeFileSync('CHANGELOG.md', out.replace(/\n{3,}/g, '\n\n'))
JS
}
changelog check

# --- 2. Install, and the checks CI runs before the tests.
long_steps=1
step "npm ci"
npm ci --no-audit --no-fund
step "Docs fresh, format, lint"
node scripts/generate-docs.mjs --check
npm run --silent format-check
npm run --silent lint

# --- 3. The version, in both places (a test checks they match).
if [ "$dry_run" = 0 ]; then
  undo_hint() {
    local status=$?
    [ "$status" = 0 ] || [ -n "$(git tag --points-at HEAD | grep -Fx "$tag" || true)" ] ||
      echo "$me: stopped before the release commit. To undo its changes:
  git checkout -- package.json package-lock.json src/config/version.ts dist CHANGELOG.md" >&2
  }
  trap undo_hint EXIT
fi
step "Version $current -> $version"
npm version "$version" --no-git-tag-version --allow-same-version >/dev/null
sed -i "s/^export const VERSION = '[^']*'$/export const VERSION = '$version'/" src/config/version.ts
grep -q "^export const VERSION = '$version'$" src/config/version.ts || die "could not set the version in src/config/version.ts"
[ "$(node -p 'require("./package.json").version')" = "$version" ] || die "could not set the version in package.json"

# --- 4. Build and test what will be committed.
step "npm run build"
npm run build
step "Tests with every FTP server (CI=true npm test)"
CI=true npm test

# --- 5. The npm package, packed from what will be committed, and proven to run.
step "npm pack"
pack_dir="${TMPDIR:-/tmp}/ftps-deploy-release"
mkdir -p "$pack_dir"
tarball="$pack_dir/$(npm pack --silent --pack-destination "$pack_dir" | tail -n 1)"
npm pack --dry-run 2>&1 | sed -n '/Tarball Contents/,/Tarball Details/p'
packed_version=$(cd "$pack_dir" && npm exec --offline --yes --package="$tarball" -- ftps-deploy --version)
[ "$packed_version" = "ftps-deploy $version" ] || die "the packed CLI says '$packed_version', expected 'ftps-deploy $version'"
echo "Packed $tarball ($packed_version)"

# --- 6. CHANGELOG.
step "CHANGELOG.md: Unreleased -> [$version] - $(date -u +%F)"
changelog release "$version" "$(date -u +%F)"
npx --no-install prettier --check CHANGELOG.md >/dev/null || die "CHANGELOG.md is not formatted after the move: check it"

# --- 7. Commit and tags.
step "Commit and tags"
git add package.json package-lock.json src/config/version.ts dist CHANGELOG.md
unexpected=$(git diff --name-only && git ls-files --others --exclude-standard)
[ -z "$unexpected" ] || die "the build or the tests changed files that are not part of a release:
$unexpected"
git commit --quiet -m "Release $tag"
git tag -a "$tag" -m "$tag"
if [ "$prerelease" = 0 ]; then
  git tag -fa "$major" -m "$major: $tag" >/dev/null
  echo "Tagged $tag and moved $major to it."
else
  echo "Tagged $tag (a pre-release: $major stays where it was)."
fi

push_commands() {
  echo "  git push origin main"
  echo "  git push origin $tag"
  [ "$prerelease" = 1 ] || echo "  git push --force origin $major"
}

if [ "$dry_run" = 1 ]; then
  step "Dry run result (in $work/repo, removed on exit)"
  git --no-pager log --oneline --decorate -3
  echo
  git --no-pager show --stat --format='commit %H%nAuthor: %an <%ae>%n%n    %s%n' HEAD | head -n 40
  echo
  echo "Tags on the release commit: $(git tag --points-at HEAD | tr '\n' ' ')"
  echo
  git --no-pager show --format= HEAD -- CHANGELOG.md src/config/version.ts package.json
  echo
  echo "A real run would end by printing:"
  push_commands
  echo "  npm publish $tarball   (the tarball is kept: a manual step, see README, Releasing)"
else
  step "Released $tag locally. Nothing was pushed. To publish:"
  push_commands
  echo
  echo "Then, for the CLI (npx ftps-deploy), publish the tarball that was tested (see README, Releasing):"
  echo "  npm publish $tarball"
fi
