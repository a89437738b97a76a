#!/usr/bin/env bash
# Prepares a release of both packages without publishing anything:
#   1. checks: a committed tree, one version in Cargo.toml and pkg/package.json,
#      a CHANGELOG.md section for it;
#   2. runs every test (scripts/test.sh: lints, suites, the package build, and the
#      package checks: attw, publint, the tarball's contents, cargo publish --dry-run);
#      `--skip-tests` when test.sh has just passed on this very commit;
#   3. packs the npm tarball (target/pack) and the crate (target/package) and
#      prints their files, sizes and the commands that would publish them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n\033[1mrelease: %s\033[0m\n' "$*"; }
die() { printf 'release: %s\n' "$*" >&2; exit 1; }

skip_tests=false
case "${1:-}" in
  --skip-tests) skip_tests=true ;;
  "") ;;
  *) die "usage: bash scripts/release.sh [--skip-tests]" ;;
esac

say "checks"
[ -z "$(git status --porcelain)" ] || die "the working tree has uncommitted changes: a release is built from a commit"
crate_version=$(cargo pkgid | sed 's/.*[#@]//')
npm_version=$(node -p 'require("./pkg/package.json").version')
[ "$crate_version" = "$npm_version" ] ||
  die "Cargo.toml says $crate_version, pkg/package.json says $npm_version: bump both together"
version=$crate_version
grep -q "^## \[$version\]" CHANGELOG.md || die "CHANGELOG.md has no \"## [$version]\" section"
grep -q "^## \[$version\] - [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}" CHANGELOG.md ||
  echo "release: note: the CHANGELOG.md section of $version has no release date yet"
echo "version $version, commit $(git rev-parse --short HEAD)"

if $skip_tests; then
  say "tests skipped (--skip-tests): building the npm package"
  bash scripts/build.sh >/dev/null
else
  say "tests (bash scripts/test.sh, which builds the npm package)"
  bash scripts/test.sh
fi

say "packing the crate"
cargo package --quiet
crate=target/package/servicer-events-$version.crate
tarball=target/pack/servicer-events-$version.tgz
[ -f "$crate" ] && [ -f "$tarball" ] || die "expected $crate and $tarball"

say "npm: $tarball"
tar -tzvf "$tarball" | awk '{ printf "%9d  %s\n", $3, $6 }' | sed 's# package/# #' | sort -k2
say "crate: $crate"
tar -tzvf "$crate" | awk '{ printf "%9d  %s\n", $3, $6 }' | sed "s# servicer-events-$version/# #" | sort -k2

say "ready, nothing published"
printf '%9s  %s\n' "$(stat -c %s "$tarball")" "$tarball" "$(stat -c %s "$crate")" "$crate"
sha256sum "$tarball" "$crate"
cat <<EOF

To publish, from this commit:
  git tag v$version && git push origin v$version
  npm publish $tarball
  cargo publish
EOF
