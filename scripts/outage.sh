#!/usr/bin/env bash
# PostgreSQL goes away while the server is serving, then comes back: every request in between
# answers 503 with a problem document (never a crash or a hang), readiness says 503 while liveness
# stays 200, and the service resumes by itself when the database returns.
#   scripts/outage.sh QLDV_BINARY
set -euo pipefail
bin=$(realpath "${1:?path to the qldv binary}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/qldv-outage.XXXXXX)
pg_dir=$(mktemp -d /tmp/qldv-pg.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; "$root/scripts/pg-cluster.sh" stop "$pg_dir"; rm -rf "$work"; }
trap cleanup EXIT
url=$("$root/scripts/pg-cluster.sh" start "$pg_dir")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
cd "$work"
QLDV_DATABASE_URL="$url" QLDV_JWT_SECRET="outage-secret-outage-secret-outage-0" QLDV_BIND="127.0.0.1:$port" \
  QLDV_AUDIT_KEY_FILE="$work/audit.key" \
  QLDV_ADMIN_PASSWORD="outage-admin-password" QLDV_LOG=warn "$bin" serve >server.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
token=$(curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"outage-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
get() { curl -sS -o body.json -w '%{http_code} %{content_type} %{time_total}\n' -H "authorization: Bearer $token" "$base$1"; }
[ "$(get /api/v1/organizations | cut -d' ' -f1)" = 200 ] || { echo "not serving before the outage" >&2; exit 1; }

"$root/scripts/pg-cluster.sh" pause "$pg_dir"
for path in /api/v1/organizations /api/v1/members /api/v1/reports/composition /readyz; do
  read -r code type took < <(get "$path")
  [ "$code" = 503 ] && [ "$type" = application/problem+json ] \
    || { echo "during the outage $path answered $code $type" >&2; cat body.json >&2; exit 1; }
  grep -q '"code":"database_unavailable"' body.json || { cat body.json >&2; exit 1; }
  echo "outage: $path -> 503 problem+json in ${took}s"
done
code=$(curl -sS -o body.json -w '%{http_code}' -X POST "$base/api/v1/organizations" -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"name":"Tỉnh ủy Mất Điện","kind":"province"}')
[ "$code" = 503 ] || { echo "a write during the outage answered $code" >&2; cat body.json >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" = 200 ] || { echo "liveness failed during the outage" >&2; exit 1; }
kill -0 "$pid" || { echo "the server died during the outage" >&2; cat server.log >&2; exit 1; }

"$root/scripts/pg-cluster.sh" resume "$pg_dir"
for i in $(seq 1 100); do
  [ "$(get /api/v1/organizations | cut -d' ' -f1)" = 200 ] && break
  [ "$i" = 100 ] && { echo "the service did not resume after the database came back" >&2; cat server.log >&2; exit 1; }
  sleep 0.2
done
[ "$(get /readyz | cut -d' ' -f1)" = 200 ] || { echo "readiness did not recover" >&2; exit 1; }
code=$(curl -sS -o body.json -w '%{http_code}' -X POST "$base/api/v1/organizations" -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"name":"Tỉnh ủy Có Điện","kind":"province"}')
[ "$code" = 201 ] || { echo "a write after the outage answered $code" >&2; cat body.json >&2; exit 1; }
echo "outage: PostgreSQL stopped and started under a running server: 503 problem+json meanwhile, resumed by itself (after $((i - 1)) retries)"
