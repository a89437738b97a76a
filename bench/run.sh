#!/usr/bin/env bash
# The benchmark of issue 6, one command:  bash bench/run.sh [options]
#   --build        run bash scripts/build.sh first (also done when no tarball exists)
#   --peers-only   without the package (checks the peers against the generator)
#   --quick        a fast smoke run
# Other options go to bench/run.mjs (see its header). Prints the markdown
# report and writes bench/results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

args=()
build=0
peers_only=0
for a in "$@"; do
  case "$a" in
    --build) build=1 ;;
    --peers-only) peers_only=1; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

if [ "$peers_only" = 1 ]; then
  bash "$here/setup.sh" --deps
else
  if [ "$build" = 1 ] || ! compgen -G "$root/target/pack/servicer-events-*.tgz" >/dev/null; then
    (cd "$root" && bash scripts/build.sh)
  fi
  bash "$here/setup.sh"
fi
exec node "$here/run.mjs" "${args[@]}"
