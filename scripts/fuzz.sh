#!/usr/bin/env bash
# Fuzzes the real server against its own OpenAPI document with schemathesis (from PyPI), signed in
# as the administrator, on a seeded database: every check but "positive data acceptance" (valid
# JSON may still break a rule of the domain, 422). Fails on any 5xx, any status, header, content
# type or body outside the document, any invalid input accepted, any undeclared method not 405.
#   scripts/fuzz.sh QLDV_BINARY [MAX_EXAMPLES] [POSTGRES_URL]
# MAX_EXAMPLES: per operation and phase; 5 in the README's test command (about 5,000 cases),
# 150 for the long runs of docs/hardening.md. POSTGRES_URL: a server to create a database on
# (SQLite otherwise). FUZZ_SEED fixes the generator (default 1).
set -euo pipefail
bin=$(realpath "${1:?path to the qldv binary}")
examples=${2:-5}
pg=${3:-}
seed=${FUZZ_SEED:-1}
version=4.32.5
if ! st --version 2>/dev/null | grep -q "$version"; then
  pip install -q "schemathesis==$version" >/dev/null
fi

source "$(dirname "$0")/seeded-server.sh"
seeded_server fuzz "$bin" 3000 7 "$pg"
port=${base##*:}
token=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$QLDV_ADMIN_PASSWORD\"}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

fuzz() {
  st run "http://127.0.0.1:$port/api/v1/openapi.json" \
    -H "Authorization: Bearer $token" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples "$examples" --seed "$seed" --workers 2 --no-color \
    --request-timeout 60 >st.txt 2>&1
}

# schemathesis' generator itself sometimes crashes inside hypothesis on CPython 3.11 ("SystemError:
# AST constructor recursion depth mismatch", seen once on PUT /calendar/{year} while the same
# document passed on the other engine): a tool error, not an answer of the server. Such a run,
# with no failure of a check in it, is run once more; anything else fails at once.
tool_crash_only() {
  grep -q "AST constructor recursion depth mismatch" st.txt && ! grep -q "= FAILURES =" st.txt
}

started=$(date +%s)
set +e
fuzz
code=$?
if [ "$code" -ne 0 ] && tool_crash_only; then
  echo "fuzz ($engine): schemathesis crashed inside hypothesis (not a server failure); running again" >&2
  cp st.txt st-crash.txt
  fuzz
  code=$?
fi
set -e
elapsed=$(( $(date +%s) - started ))
kill -0 "$pid" 2>/dev/null || { echo "the server died during the fuzzing" >&2; tail -50 server.log >&2; exit 1; }
sed -n '/SUMMARY/,$p' st.txt
cases=$(grep -oE '[0-9]+ generated' st.txt | grep -oE '[0-9]+' || echo "?")
if [ "$code" -ne 0 ]; then
  echo "fuzz ($engine): failures — the whole report:" >&2
  cat st.txt >&2
  exit 1
fi
echo "fuzz ($engine): $cases cases, $examples examples per operation, seed $seed, ${elapsed}s: no failure"
