#!/usr/bin/env bash
# Builds the web client into frontend/dist (release size profile, no network, no wasm-opt).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"
cd frontend
trunk build --release --offline --locked 2>&1 | grep -v '^\s*$' | tail -n 5
test -f dist/index.html
