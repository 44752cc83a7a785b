#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the tests, on 127.0.0.1 and a free port.
#   scripts/pg-cluster.sh start DIR   -> prints the server URL (postgres://qldv_app@127.0.0.1:PORT/qldv_app)
#   scripts/pg-cluster.sh stop DIR
#   scripts/pg-cluster.sh pause DIR    -> stops the server, keeping its data (outage tests)
#   scripts/pg-cluster.sh resume DIR   -> starts it again on the same port
# The URL is that of `qldv_app`, a role with LOGIN and CREATEDB but NOT a superuser, on the
# database `qldv_app` it owns: the tests, fuzzing, crash and load runs create their databases as
# it (or, like scripts/outage.sh, use that one) and own them, as a deployment's server owns its
# database (docker-compose.yml), so nothing the server does may need a superuser. The superuser
# stays reachable for administration: postgres://postgres@127.0.0.1:PORT/postgres.
# Runs the cluster as user `postgres` when invoked as root (PostgreSQL refuses to run as root).
# PG_OPTIONS adds server settings, e.g. for the national benchmarks:
#   PG_OPTIONS="-c shared_buffers=4GB -c max_wal_size=16GB" scripts/pg-cluster.sh start DIR
set -euo pipefail

cmd=${1:?start or stop}
dir=$(realpath -m "${2:?directory}")
cd /   # the postgres user may not enter the caller's directory

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ]; then
    echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$d"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

run_server() {
  local bin=$1 dir=$2 port=$3
  # Durability off: this cluster lives for one test run.
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${PG_OPTIONS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

case "$cmd" in
  start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "${PG_OPTIONS:-}" >"$dir/options"
    run_server "$bin" "$dir" "$port"
    as_pg "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE qldv_app LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS" \
      -c "CREATE DATABASE qldv_app OWNER qldv_app" >&2
    echo "postgres://qldv_app@127.0.0.1:$port/qldv_app"
    ;;
  pause)
    as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    PG_OPTIONS=$(cat "$dir/options" 2>/dev/null || true) run_server "$(pg_bin)" "$dir" "$(cat "$dir/port")"
    ;;
  stop)
    bin=$(pg_bin)
    if [ -d "$dir/data" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|pause|resume DIR" >&2
    exit 2
    ;;
esac
