#!/usr/bin/env bash
# Prints the version of the wasm-bindgen crate locked in Cargo.lock: the CLI must match it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f Cargo.lock ] || cargo generate-lockfile --quiet
awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
