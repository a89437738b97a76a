#!/usr/bin/env bash
# Builds the npm package in pkg/ from the Rust crate:
#   cargo (wasm32, release) -> wasm-bindgen (nodejs + web glue) -> wasm-opt -> schema -> npm pack.
# The wasm-bindgen CLI must be the exact version of the crate in Cargo.lock
# (scripts/setup.sh installs it); a mismatch makes the glue and module disagree.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(bash scripts/wasm-bindgen-version.sh)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "build: wasm-bindgen CLI $want is needed (found ${have:-none}); run: bash scripts/setup.sh" >&2
  exit 1
fi
# Debian's binaryen (108) emits modules that fail at initSync: use the npm package's.
wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || npm ci --no-audit --no-fund

cargo build --quiet --release --target wasm32-unknown-unknown --lib
wasm=target/wasm32-unknown-unknown/release/servicer_events.wasm

rm -rf pkg/dist pkg/schema
mkdir -p pkg/dist
wasm-bindgen --target web --no-typescript --out-dir pkg/dist/web "$wasm"
mkdir -p pkg/dist/node
# The glue as a factory of instances (ES module, and a CommonJS copy for
# `require`), so pkg/api.js can replace an instance; the glue itself is not shipped.
node scripts/glue-factory.mjs pkg/dist/web/servicer_events.js pkg/dist/glue.js pkg/dist/node/glue.js
rm pkg/dist/web/servicer_events.js
# The package is "type": "module"; the copy of the API layer that `require`
# loads is CommonJS, like the glue beside it.
echo '{ "type": "commonjs" }' > pkg/dist/node/package.json
{
  sed 's/^export function createApi(/function createApi(/' pkg/api.js
  echo 'module.exports = { createApi };'
} > pkg/dist/node/api.js
module=pkg/dist/web/servicer_events_bg.wasm
"$wasm_opt" -Oz --converge --strip-producers --strip-target-features "$module" -o "$module"

# The browser and Node entries compile the module from inlined bytes, which
# every bundler takes as plain JS (see the script).
node scripts/inline-wasm.mjs "$module" pkg/dist

cp README.md LICENSE-MIT LICENSE-APACHE pkg/
# The catalogue, the schemas and index.d.cts are generated natively: the .wasm only validates.
cargo run --quiet --example package_data -- pkg
# The ES module entries import the glue, the API layer and the data as one
# module (Node loads each ES module on its own; see the script).
node scripts/core-module.mjs pkg

mkdir -p target/pack
rm -f target/pack/servicer-events-*.tgz
(cd pkg && npm pack --silent --pack-destination ../target/pack >/dev/null)
ls target/pack/servicer-events-*.tgz
