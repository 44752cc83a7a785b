# Sourced by the hardening scripts (fuzz.sh, load.sh): a real server over a scratch database
# seeded with `qldv seed`, on SQLite or on a PostgreSQL server, removed on exit.
#   seeded_server NAME BINARY MEMBERS SEED [POSTGRES_URL]
# sets work (its directory), engine, base (its URL), pid, and exports the QLDV_* settings,
# QLDV_ADMIN_PASSWORD among them.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits for readiness (10 s at most).
wait_ready() {
  for _ in $(seq 1 100); do
    curl -fsS "$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

seeded_server() {
  local name=$1 bin=$2 members=$3 seed=$4 pg=${5:-}
  work=$(mktemp -d "/tmp/qldv-$name.XXXXXX")
  pid=""
  _db_name=""
  _pg=$pg
  trap _seeded_server_cleanup EXIT
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  export QLDV_BIND="127.0.0.1:$port" QLDV_ADMIN_PASSWORD="$name-admin-password-1" \
    QLDV_ACCESS_TOKEN_MINUTES=1440 QLDV_LOG=warn
  if [ -n "$pg" ]; then
    _db_name="qldv_${name}_$$"
    psql "$pg" -q -c "CREATE DATABASE $_db_name" >/dev/null
    export QLDV_DATABASE_URL="${pg%/*}/$_db_name" QLDV_JWT_SECRET="$name-secret-$name-secret-$name-secret-00" \
      QLDV_SYNC_KEY_FILE="$work/sync.key" QLDV_AUDIT_KEY_FILE="$work/audit.key"
    engine=PostgreSQL
  else
    export QLDV_DATABASE_URL="sqlite://$work/qldv.db"
    engine=SQLite
  fi
  cd "$work"
  "$bin" migrate >/dev/null 2>&1
  "$bin" seed --members "$members" --seed "$seed" >/dev/null 2>&1
  "$bin" serve >server.log 2>&1 &
  pid=$!
  wait_ready "$base" || { echo "the server did not become ready" >&2; cat server.log >&2; return 1; }
}

_seeded_server_cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$_db_name" ] && psql "$_pg" -q -c "DROP DATABASE IF EXISTS $_db_name WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
