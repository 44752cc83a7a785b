#!/usr/bin/env bash
# Runs the server on a fresh machine: builds the web client (frontend/dist), then serves it and the
# API with embedded SQLite under ./data and no configuration. Prints the generated admin password
# once on first start. Any QLDV_* variable overrides a default.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! scripts/build-web.sh; then
  echo "warning: the web client could not be built; the API and its docs are served without it" >&2
fi
exec cargo run --release --locked -p qldv -- serve
