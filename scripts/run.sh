#!/usr/bin/env bash
# Runs the server on a fresh machine: builds the web client (frontend/dist), then serves it and the
# API with embedded SQLite under ./data and no configuration. On first start the generated admin
# password is written to data/admin.password (readable by this user only; the log names the
# file). Any QLDV_* variable overrides a default.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! scripts/build-web.sh; then
  echo "warning: the web client could not be built; the API and its docs are served without it" >&2
fi
exec cargo run --release --locked -p qldv -- serve
