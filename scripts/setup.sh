#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there:
# the wasm32 target, the wasm-bindgen CLI at the version locked in Cargo.lock,
# the npm packages, and with --tests also what only the tests need: the
# example Worker's and the bench's npm packages and Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || {
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

want=$(bash scripts/wasm-bindgen-version.sh)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found ${have:-none}); this takes a few minutes"
  # Not --locked: one of the CLI's locked dependencies is not in the registry.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

install_npm() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}
install_npm .
[ "${1:-}" = "--tests" ] || { say "ready"; exit 0; }

install_npm examples/worker
[ -f bench/package-lock.json ] && install_npm bench
# One app per bundler and framework, each from its lock file (tests/bundlers/).
for app in tests/bundlers/*/; do
  [ -f "$app/package-lock.json" ] && install_npm "${app%/}"
done

if [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
say "ready"
