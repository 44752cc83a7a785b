#!/usr/bin/env bash
# Generates the Python client from openapi/openapi.json with openapi-python-client (from PyPI, in a
# throw-away virtual environment) and runs docs/examples/client_example.py with it against a
# running server: an integrator's view of the API, checked on every test run.
#   scripts/client-test.sh BASE_URL USER PASSWORD
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "openapi-python-client==0.29.*" >/dev/null
(cd "$work" && "$work/venv/bin/openapi-python-client" generate --path "$root/openapi/openapi.json" \
  --config "$root/openapi/python-client.yml" --meta none >generate.log 2>&1) \
  || { cat "$work/generate.log" >&2; exit 1; }
# Every endpoint must generate (a warning means the spec is not what clients can use).
if grep -q "Endpoint will not be generated" "$work/generate.log"; then
  grep -A3 "Endpoint will not be generated" "$work/generate.log" >&2; exit 1
fi
PYTHONPATH="$work" "$work/venv/bin/python" "$root/docs/examples/client_example.py" "$@"
