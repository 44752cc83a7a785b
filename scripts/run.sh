#!/usr/bin/env bash
# Runs the server on a fresh machine: embedded SQLite under ./data, no configuration.
# Prints the generated admin password once on first start. Any QLDV_* variable overrides a default.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --release --locked -p qldv -- serve
