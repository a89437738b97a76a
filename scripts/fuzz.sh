#!/usr/bin/env bash
# Open-ended fuzzing with cargo-fuzz (libFuzzer), outside the test command:
# a random search gives a different answer on each run, so CI never runs it.
# CI replays what fuzzing found instead: `cargo test --test fuzz_regressions`
# runs every input in fuzz/regressions/ through the same checks
# (fuzz/harness/), plus a fixed-seed pass of mutations.
#
#   bash scripts/fuzz.sh                 each target for FUZZ_SECONDS (default 300)
#   bash scripts/fuzz.sh json 3600       one target for an hour
#   FUZZ_SEED=42 bash scripts/fuzz.sh    repeat a run's search (libFuzzer prints
#                                        "INFO: Seed: N" at the start of each)
#
# Needs nightly Rust (`rustup toolchain install nightly`); installs cargo-fuzz
# when it is missing. A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/: reproduce it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# then fix the bug (or the invariant, if the harness was wrong) and copy the
# input into fuzz/regressions/<target>/ under a name that says what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
# Never part of the test command: a time-bounded random search can pass one
# run and fail the next on the same commit.
if [ -n "${CI:-}" ] && [ -z "${FUZZ_IN_CI:-}" ]; then
  echo "fuzz: not run under CI (set FUZZ_IN_CI=1 to insist); CI replays fuzz/regressions/ in cargo test" >&2
  exit 2
fi
export PATH="$HOME/.cargo/bin:$PATH"
targets=(${1:-json value})
seconds=${2:-${FUZZ_SECONDS:-300}}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: needs nightly Rust: rustup toolchain install nightly" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi

# Seed each corpus with the regressions and, for json, the shared vectors:
# one file per body, after the byte that picks the options (0: defaults).
mkdir -p fuzz/corpus/json fuzz/corpus/value
cp fuzz/regressions/json/* fuzz/corpus/json/ 2>/dev/null || true
cp fuzz/regressions/value/* fuzz/corpus/value/ 2>/dev/null || true
node -e '
  const fs = require("fs");
  let n = 0;
  for (const file of fs.readdirSync("tests/vectors")) {
    if (!file.endsWith(".json")) continue;
    for (const c of JSON.parse(fs.readFileSync("tests/vectors/" + file, "utf8"))) {
      const text = "body" in c ? c.body : JSON.stringify(c.event);
      if (typeof text !== "string") continue;
      fs.writeFileSync(`fuzz/corpus/json/vector-${n++}`, Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
    }
  }
'

mkdir -p target
cargo +nightly fuzz build
for target in "${targets[@]}"; do
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1)
  [ -n "${FUZZ_SEED:-}" ] && args+=(-seed="$FUZZ_SEED")
  [ "$target" = json ] && args+=(-dict=fuzz/json.dict -max_len=8192)
  echo "fuzz: $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" -- "${args[@]}"; then
    echo "fuzz: $target FOUND A CRASH: its input is in fuzz/artifacts/$target/ (see the head of this script)" >&2
    exit 1
  fi
done
