#!/usr/bin/env bash
# Starts or stops the PostgreSQL server the tests use: its own data folder, its own port, loopback
# only. Runs the server as the `postgres` user when invoked as root (PostgreSQL refuses root).
# Usage: scripts/test-postgres.sh start|stop|url  [port, default 55432]
set -euo pipefail

port="${2:-${RATEPAYER_TEST_PG_PORT:-55432}}"
data="${RATEPAYER_TEST_PG_DATA:-/tmp/ratepayer-test-pg-$port}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
url="postgresql://ratepayer@127.0.0.1:$port/ratepayer"

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    [[ -x "$bin/pg_ctl" ]] || { echo "PostgreSQL server binaries not found (install postgresql-15)" >&2; exit 1; }
    if [[ -f "$data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "$url"; exit 0
    fi
    rm -rf "$data"
    mkdir -p "$data"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$data"
    as_owner "$bin/initdb" -D "$data" -U ratepayer --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # fsync off: test data is disposable, and it keeps the suite fast on a small machine.
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U ratepayer ratepayer
    echo "$url"
    ;;
  stop)
    if [[ -d "$data" ]]; then
      as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$data"
    fi
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: $0 start|stop|url [port]" >&2
    exit 2
    ;;
esac
