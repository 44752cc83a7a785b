#!/usr/bin/env bash
# Starts the real binary the way the README does (no configuration, SQLite under ./data of a
# fresh directory), signs in with the generated admin password (from its 0600 file), stops it with SIGTERM, and checks
# that an unreachable PostgreSQL fails fast naming the host.
#   scripts/smoke.sh PATH_TO_QLDV_BINARY
set -euo pipefail

bin=$(realpath "${1:?path to the qldv binary}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cd "$work"
env -u QLDV_DATABASE_URL -u QLDV_ADMIN_PASSWORD -u QLDV_JWT_SECRET QLDV_BIND="127.0.0.1:$port" \
  "$bin" serve >server.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
curl -fsS "http://127.0.0.1:$port/api/v1/openapi.json" | python3 -c 'import json,sys; assert json.load(sys.stdin)["openapi"].startswith("3.1")'
curl -fsS "http://127.0.0.1:$port/api/docs/" | grep -q swagger
# The generated password is in a file only the server's user reads, never in the log.
password=$(cat data/admin.password 2>/dev/null || true)
[ -n "$password" ] || { echo "no generated admin password in data/admin.password" >&2; cat server.log >&2; exit 1; }
[ "$(stat -c %a data/admin.password)" = 600 ] || { echo "data/admin.password is not 0600" >&2; exit 1; }
grep -qF "$password" server.log && { echo "the admin password is in the log" >&2; exit 1; }
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
curl -fsS "http://127.0.0.1:$port/api/v1/auth/me" -H "authorization: Bearer $token" | grep -q '"role":"admin"'
[ -f data/qldv.db ] || { echo "no SQLite file under ./data" >&2; exit 1; }
# A second account made with the command line can sign in too.
QLDV_NEW_USER_PASSWORD="cli-password-123" "$bin" create-user --username cli-admin --role admin >/dev/null
curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"cli-admin","password":"cli-password-123"}' | grep -q access_token
# The API walk-through of docs/examples (admission to badges) runs against it end to end.
python3 "$root/docs/examples/walkthrough.py" "http://127.0.0.1:$port" "$password" >walkthrough.txt \
  || { cat walkthrough.txt server.log >&2; exit 1; }
grep -q "Huy hiệu 30 năm" walkthrough.txt || { echo "walk-through: no badge list" >&2; cat walkthrough.txt >&2; exit 1; }
# A killed command-line import leaves nothing half-done; the same file then imports fully.
"$root/scripts/import-kill.sh" "$bin" "http://127.0.0.1:$port" "$token"
kill -TERM "$pid"
wait "$pid" || { echo "server did not shut down cleanly" >&2; cat server.log >&2; exit 1; }
pid=""

# The audit trail of all the above verifies; an entry edited in the file is found.
"$bin" audit verify >verify.json 2>verify.txt || { cat verify.txt >&2; exit 1; }
python3 -c 'import sqlite3; c = sqlite3.connect("data/qldv.db"); c.execute("UPDATE audit_log SET after_data = NULL WHERE chain_seq = 3"); c.commit()'
if "$bin" audit verify >verify.json 2>verify.txt; then echo "an edited audit entry went unnoticed" >&2; exit 1; fi
grep -q "vị trí 3" verify.txt || { cat verify.txt >&2; exit 1; }

# Two installations exchange signed sync packages with the command line.
"$root/scripts/sync-demo.sh" "$bin" >sync.txt 2>&1 || { cat sync.txt >&2; exit 1; }

# An unreachable PostgreSQL: fails fast, naming the engine and the host.
set +e
msg=$(QLDV_DATABASE_URL="postgres://qldv:secret@127.0.0.1:1/qldv" QLDV_JWT_SECRET="0123456789abcdef0123456789abcdef" \
  QLDV_AUDIT_KEY_FILE="$work/pg-audit.key" timeout 30 "$bin" migrate 2>&1)
code=$?
set -e
[ "$code" -ne 0 ] && [ "$code" -ne 124 ] || { echo "migrate against a dead PostgreSQL did not fail fast ($code)" >&2; exit 1; }
echo "$msg" | grep -q "PostgreSQL at 127.0.0.1:1" || { echo "unexpected message: $msg" >&2; exit 1; }
echo "$msg" | grep -q secret && { echo "password leaked: $msg" >&2; exit 1; }
echo "smoke: serve, sign-in, graceful stop and fail-fast all fine"
