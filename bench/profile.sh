#!/usr/bin/env bash
# Where the package's time goes, by Rust function: CPU profiles of
# validateEvent and validateEventJson (bytes) over the bench corpus, using the
# .wasm as cargo built it, passed through wasm-bindgen but not wasm-opt (which
# strips the function names); then which crates and functions make the .wasm
# big. Usage: bash bench/profile.sh [seconds per mode]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
wasm="$root/target/wasm32-unknown-unknown/release/servicer_events.wasm"
[ -f "$wasm" ] || (cd "$root" && bash scripts/build.sh)
bash "$here/setup.sh" --deps
out="$here/.generated/named"
rm -rf "$out"
wasm-bindgen --target nodejs --no-typescript --out-dir "$out" "$wasm"
echo '{"type":"commonjs"}' > "$out/package.json"
node "$here/lib/profile.mjs" "$out/servicer_events.js" "${1:-5}"
echo
node "$here/lib/wasm-sizes.mjs" "$out/servicer_events_bg.wasm" 20
