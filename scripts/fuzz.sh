#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/) for a bounded time: FUZZ_SECONDS each
# (default 60). Needs nightly Rust; installs cargo-fuzz when nightly is there
# and it is missing; otherwise says it skipped and succeeds. A crash fails the
# script and leaves its input in fuzz/artifacts/<target>/ (reproduce with
# `cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>`).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${FUZZ_SECONDS:-60}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped (no nightly Rust toolchain; cargo-fuzz needs one)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  if ! cargo install cargo-fuzz --locked --quiet; then
    echo "fuzz: skipped (cargo-fuzz could not be installed)"
    exit 0
  fi
fi

# Seed the JSON corpus with the shared vectors: one file per body or event,
# after the byte that picks the options (0: default limits, not strict).
mkdir -p fuzz/corpus/json fuzz/corpus/value
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
' 2>/dev/null || echo "fuzz: no node; the JSON corpus starts empty"

mkdir -p target
if ! cargo +nightly fuzz build >target/fuzz-build.log 2>&1; then
  tail -n 40 target/fuzz-build.log
  echo "fuzz: the targets do not build" >&2
  exit 1
fi
for target in json value; do
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1)
  [ "$target" = json ] && args+=(-dict=fuzz/json.dict -max_len=8192)
  log=target/fuzz-$target.log
  echo "fuzz: $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" -- "${args[@]}" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target FOUND A CRASH (input in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  echo "fuzz: $target ok: ${runs:-?} executions, ${cov:-cov: ?}, no crash"
done
