#!/usr/bin/env bash
# Browser tests of the web client: builds it, starts the real server on a fresh SQLite database,
# and drives Debian's Chromium with playwright-core (node's test runner). Screenshots of each
# screen (desktop/, phone-360/, phone-390/, print/, and the workflows' states) are written to
# tests/e2e/screenshots/ and committed; axe-core's findings to tests/e2e/screenshots/axe.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v chromium >/dev/null; then
  echo "installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null
fi
# npm ci empties node_modules first: only when the lock file is newer than what is installed.
if [ ! tests/e2e/node_modules/.package-lock.json -nt tests/e2e/package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

scripts/build-web.sh
cargo build -p qldv --locked
scripts/web-size.sh

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password="e2e-admin-password"
QLDV_BIND="127.0.0.1:$port" QLDV_DATABASE_URL="sqlite://$work/qldv.db" QLDV_ADMIN_PASSWORD="$password" \
  QLDV_STATIC_DIR="$root/frontend/dist" QLDV_JWT_SECRET_FILE="$work/jwt.secret" \
  target/debug/qldv serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done

rm -rf tests/e2e/screenshots
status=0
(cd tests/e2e && BASE_URL="http://127.0.0.1:$port" ADMIN_PASSWORD="$password" SCREENSHOTS=screenshots \
  node --test --test-concurrency=1 --test-reporter=spec) 2>&1 | tee "$work/tests.log" || status=$?
if [ "$status" -ne 0 ]; then
  # The server's last words first, then the failures again, so they end the output.
  echo "server log (last lines):" >&2
  tail -n 30 "$work/server.log" | cut -c1-300 >&2
  echo "failing browser tests:" >&2
  sed -n '/failing tests:/,$p' "$work/tests.log" | head -n 80 >&2
fi
exit "$status"
