# Sourced by .ci/run: starts a throwaway PostgreSQL server on loopback for the postgres tests
# and exports ANNOTATOR_TEST_PG_URL. The server is stopped when the calling script exits.
set -euo pipefail

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then
    echo "installing PostgreSQL..." >&2
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$found"
}

PG_BIN=$(pg_bin)
PG_PORT=${PG_PORT:-54329}
PG_DATA=$(mktemp -d /tmp/annotator-ci-pg.XXXXXX)
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
stop_postgres() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true; }
trap stop_postgres EXIT
export ANNOTATOR_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
