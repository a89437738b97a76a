#!/usr/bin/env bash
# Where the package's time goes, by Rust function: CPU profiles of
# validateEvent and validateEventJson (bytes) over the bench corpus, with the
# installed package's JS and the .wasm as cargo built it, passed through
# wasm-bindgen but not wasm-opt (which strips the function names); then which
# crates and functions make the .wasm big.
# Usage: bash bench/profile.sh [seconds per mode]
# The installed package and target/ must be of the same build: run
# bash scripts/build.sh && bash bench/setup.sh first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
wasm="$root/target/wasm32-unknown-unknown/release/servicer_events.wasm"
[ -f "$wasm" ] || (cd "$root" && bash scripts/build.sh)
bash "$here/setup.sh" >/dev/null
installed="$(cd "$here" && node -p "require('path').dirname(require.resolve('servicer-events/package.json'))")"
out="$here/.generated/named"
rm -rf "$out"
mkdir -p "$out"
cp -r "$installed" "$out/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$out/bindgen" "$wasm"
node "$root/scripts/glue-factory.mjs" "$out/bindgen/servicer_events.js" "$out/pkg/dist/glue.js" "$out/pkg/dist/node/glue.js"
cp "$out/bindgen/servicer_events_bg.wasm" "$out/pkg/dist/web/"
# The node and browser entries compile the module inlined in dist/wasm.js and
# dist/node/wasm.js, not dist/web's file: inline the named one there too.
node "$root/scripts/inline-wasm.mjs" "$out/bindgen/servicer_events_bg.wasm" "$out/pkg/dist" >/dev/null
node "$here/lib/profile.mjs" "$out/pkg/node.cjs" "${1:-5}"
echo
node "$here/lib/wasm-sizes.mjs" "$out/bindgen/servicer_events_bg.wasm" 20
