#!/usr/bin/env bash
# Every test, on a fresh machine: formatting, lints, unit and property tests, the API suite on
# SQLite and on PostgreSQL (a private cluster started here unless TEST_DATABASE_URL is given), a
# smoke run of the real binary, the API contract as integrators generate clients from it
# (scripts/test-contract.sh), a short schemathesis run, kill -9 crash tests on both engines and
# a PostgreSQL outage, the web client's browser tests, and the deployment file's validation.
set -euo pipefail
cd "$(dirname "$0")/.."

# One cold build per run: incremental caches only cost disk and time here.
export CARGO_INCREMENTAL=0

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }

step "format"
cargo fmt --all -- --check

step "lints"
cargo clippy --workspace --exclude qldv-frontend --all-targets --locked -- -D warnings
cargo clippy -p qldv-frontend --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p qldv-frontend --all-targets --locked -- -D warnings   # its host unit tests

step "tests on SQLite"
env -u TEST_DATABASE_URL cargo test --workspace --exclude qldv-frontend --locked

step "web client unit tests (host)"
cargo test -p qldv-frontend --locked

step "tests on PostgreSQL"
pg_dir=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/qldv-pg.XXXXXX)
  trap 'scripts/pg-cluster.sh stop "$pg_dir"' EXIT
  TEST_DATABASE_URL=$(scripts/pg-cluster.sh start "$pg_dir")
  export TEST_DATABASE_URL
fi
echo "PostgreSQL: $TEST_DATABASE_URL"
cargo test -p qldv-tests --locked

step "smoke test of the binary"
cargo build -p qldv --locked
scripts/smoke.sh target/debug/qldv

step "the API contract: two validators, Python and TypeScript clients generated and run against the server"
scripts/test-contract.sh target/debug/qldv

step "fuzzing the API against its own OpenAPI document (schemathesis, short run)"
scripts/fuzz.sh target/debug/qldv 5
scripts/fuzz.sh target/debug/qldv 5 "$TEST_DATABASE_URL"

step "crashes (kill -9 mid-import and mid-transfers) and a PostgreSQL outage under a running server"
python3 scripts/crash.py target/debug/qldv
python3 scripts/crash.py target/debug/qldv "$TEST_DATABASE_URL"
scripts/outage.sh target/debug/qldv

step "load: 1,000 concurrent clients, mixed reads and writes, zero errors (short run)"
scripts/load.sh target/debug/qldv 20 1000

step "web client in the browser (Chromium)"
scripts/e2e.sh

step "docker-compose.yml"
scripts/check-compose.sh

echo
echo "all tests passed"
