#!/usr/bin/env bash
# The API contract as integrators meet it: validates openapi/openapi.json with two independent
# validators (openapi-spec-validator from PyPI, Redocly CLI from npm; zero errors), generates a
# Python client (openapi-python-client) and a TypeScript client (openapi-typescript types for
# openapi-fetch), type-checks each with a small example (`mypy --strict`, `tsc --strict --noEmit`)
# and runs both examples against a real server started as scripts/smoke.sh does (fresh directory,
# embedded SQLite, the generated admin password from data/admin.password), seeded with a small
# dataset: each lists members, reads a report as CSV and round-trips a sync package.
#   scripts/test-contract.sh [QLDV_BINARY]      (builds target/debug/qldv when not given)
# Tools come from PyPI (a throw-away virtual environment) and npm (tests/clients/typescript,
# versions pinned by its package-lock.json); nothing else is downloaded.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
doc="$root/openapi/openapi.json"
ts="$root/tests/clients/typescript"
py="$root/tests/clients/python"

step() { printf '\n--> %s\n' "$*"; }

if [ -n "${1:-}" ]; then
  bin=$(realpath "$1")
else
  cargo build -q -p qldv --locked
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/qldv"
fi

work=$(mktemp -d /tmp/qldv-contract.XXXXXX)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

step "tools (PyPI into $work/venv, npm into tests/clients/typescript/node_modules)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check -r "$py/requirements.txt" >/dev/null
(cd "$ts" && npm ci --no-audit --no-fund --silent)
export PATH="$work/venv/bin:$ts/node_modules/.bin:$PATH"

step "validator 1: openapi-spec-validator"
openapi-spec-validator "$doc"

step "validator 2: Redocly CLI (recommended rules; errors fail, warnings are listed)"
if ! redocly lint "$doc" --config "$root/openapi/redocly.yaml" --format=stylish >"$work/redocly.txt" 2>&1; then
  grep -vE '^\s*[║╔╚]|^\s*$' "$work/redocly.txt" >&2
  echo "Redocly found errors in openapi/openapi.json" >&2
  exit 1
fi
grep -vE '^\s*[║╔╚]|^\s*$' "$work/redocly.txt"

step "Python client: openapi-python-client, then mypy --strict on it and tests/clients/python/example.py"
(cd "$work" && openapi-python-client generate --path "$doc" --config "$root/openapi/python-client.yml" \
  --meta none >generate.log 2>&1) || { cat "$work/generate.log" >&2; exit 1; }
# A warning means part of the API is missing from the client: the document is wrong.
if grep -qiE "^WARNING|will not be generated|will be omitted|Cannot parse" "$work/generate.log"; then
  cat "$work/generate.log" >&2; exit 1
fi
(cd "$work" && MYPYPATH="$work" mypy --strict --cache-dir "$work/mypy-cache" qldv_client "$py/example.py")

step "TypeScript client: openapi-typescript, then tsc --strict --noEmit on it and tests/clients/typescript/example.ts"
openapi-typescript "$doc" -o "$ts/generated/qldv.d.ts" >"$work/tsgen.log" 2>&1 ||
  { cat "$work/tsgen.log" >&2; exit 1; }
(cd "$ts" && tsc --strict --noEmit -p .)
(cd "$ts" && tsc -p . --outDir "$ts/dist")

step "a server (fresh directory, embedded SQLite, seeded) for the examples"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/server"
cd "$work/server"
env -u QLDV_DATABASE_URL -u QLDV_ADMIN_PASSWORD -u QLDV_JWT_SECRET QLDV_LOG=warn \
  "$bin" seed --members 300 --seed 7 >seed.log 2>&1 || { cat seed.log >&2; exit 1; }
env -u QLDV_DATABASE_URL -u QLDV_ADMIN_PASSWORD -u QLDV_JWT_SECRET QLDV_BIND="127.0.0.1:$port" \
  "$bin" serve >server.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
password=$(cat data/admin.password 2>/dev/null || true)
[ -n "$password" ] || { echo "no generated admin password in data/admin.password" >&2; cat server.log >&2; exit 1; }
base="http://127.0.0.1:$port"
cd "$root"

step "Python example against $base"
PYTHONPATH="$work" python "$py/example.py" "$base" admin "$password" ||
  { tail -n 30 "$work/server/server.log" >&2; exit 1; }

step "TypeScript example against $base"
node "$ts/dist/example.js" "$base" admin "$password" ||
  { tail -n 30 "$work/server/server.log" >&2; exit 1; }

echo
echo "contract: 2 validators clean, 2 generated clients type-checked and working against the server"
