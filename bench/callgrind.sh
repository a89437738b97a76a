#!/usr/bin/env bash
# Instructions per family of the adversarial bench, natively: one call of
# validate_json on each family's 1 MiB JSON body under callgrind (a count
# repeats from run to run, where wall time on a shared machine does not).
# WebAssembly runs about 1.3 to 1.8 times the native count; the profiles
# (callgrind.out.<family> in bench/.generated/callgrind) say where it goes:
#   callgrind_annotate --auto=yes bench/.generated/callgrind/callgrind.out.issue-flood-seconds
# Usage: bash bench/callgrind.sh [family-slug …]   (needs valgrind)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/.generated/callgrind"
mkdir -p "$out"
# Symbols and line tables for the profiles; the same code as the release build.
(cd "$root" && CARGO_PROFILE_RELEASE_DEBUG=true CARGO_PROFILE_RELEASE_STRIP=none \
  cargo build --quiet --release --example validate_body)
node "$here/lib/write-bodies.mjs" "$out/bodies"
bin="$root/target/release/examples/validate_body"
if [ $# -gt 0 ]; then families=("$@"); else
  families=(); for f in "$out"/bodies/*.json; do families+=("$(basename "$f" .json)"); done
fi
for f in "${families[@]}"; do
  ir=$(valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.$f" "$bin" "$out/bodies/$f.json" 2>&1 \
    | sed -n 's/.*I *refs: *//p')
  printf '%-32s %15s\n' "$f" "$ir"
done
