#!/usr/bin/env bash
# Installs the bench's pinned dependencies (npm ci) and the package under test
# from the packed tarball, as a user would (--no-save: the tarball's hash
# changes with every build, so it stays out of the lockfile).
#   bash bench/setup.sh            deps + target/pack/servicer-events-*.tgz
#   bash bench/setup.sh --deps     deps only
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.bench-deps-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
[ "${1:-}" = "--deps" ] && exit 0

shopt -s nullglob
tgz=(../target/pack/servicer-events-*.tgz)
if [ ${#tgz[@]} -ne 1 ]; then
  echo "bench: no packed package in target/pack/: run bash scripts/build.sh (or bash bench/run.sh --build)" >&2
  exit 2
fi
npm install --no-save --no-audit --no-fund --loglevel=error "${tgz[0]}"
touch "$stamp"
echo "bench: installed $(basename "${tgz[0]}") (packed $(date -r "${tgz[0]}" '+%Y-%m-%d %H:%M'))" >&2
