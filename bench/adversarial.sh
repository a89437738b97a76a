#!/usr/bin/env bash
# The adversarial bench of issue 12, one command:  bash bench/adversarial.sh [options]
#   --build        run bash scripts/build.sh first (also done when no tarball exists)
# Other options go to bench/adversarial.mjs (--size BYTES, --soak CALLS, --out FILE).
# Prints the markdown table (the README's "Hostile input" section shows one)
# and writes bench/adversarial.md (or --out FILE); exits 1 if a family passes the bound.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

args=()
build=0
out=("--out" "$here/adversarial.md")
for a in "$@"; do
  case "$a" in
    --build) build=1 ;;
    # A file of the caller's replaces bench/adversarial.md (the script reads the first --out).
    --out) out=(); args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done
if [ "$build" = 1 ] || ! compgen -G "$root/target/pack/servicer-events-*.tgz" >/dev/null; then
  (cd "$root" && bash scripts/build.sh)
fi
bash "$here/setup.sh"
exec node --expose-gc "$here/adversarial.mjs" "${out[@]}" "${args[@]}"
