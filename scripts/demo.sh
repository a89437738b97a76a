#!/usr/bin/env bash
# The demo: build the package, install the packed tarball as a servicer portal
# would, and serve the portal page (www/) on 127.0.0.1 until Ctrl-C.
#   bash scripts/demo.sh [--port N]     (default 8080, or a free port if taken)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
bash scripts/build.sh

version=$(node -p 'require("./pkg/package.json").version')
tarball="target/pack/servicer-events-${version}.tgz"
# --no-save: the workspace's package.json and lock stay as they are.
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"

exec node scripts/serve.mjs "$@"
