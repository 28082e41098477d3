#!/usr/bin/env bash
# Makes sure Postgres and Redis answer at DATABASE_URL / REDIS_URL, starting
# the local servers if they are installed but stopped, and creates the
# databases zhifa and zhifa_test if absent.
set -euo pipefail
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zhifa}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

# postgres://user[:pw]@host:port/db -> admin URL on the postgres database
pg_admin_url="${DATABASE_URL%/*}/postgres"
redis_hostport="${REDIS_URL#*://}"; redis_hostport="${redis_hostport#*@}"; redis_hostport="${redis_hostport%%/*}"
redis_host="${redis_hostport%%:*}"; redis_port="${redis_hostport##*:}"
[ "$redis_port" = "$redis_host" ] && redis_port=6379

pg_up() { psql "$pg_admin_url" -Atqc 'select 1' >/dev/null 2>&1; }
redis_up() { redis-cli -h "$redis_host" -p "$redis_port" ping 2>/dev/null | grep -q PONG; }
wait_for() { for _ in $(seq 1 30); do "$1" && return 0; sleep 0.5; done; return 1; }

command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (Debian: postgresql-client)" >&2; exit 1; }
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting local PostgreSQL..." >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 || true
  fi
  wait_for pg_up || { echo "PostgreSQL does not answer at $pg_admin_url and no local server could be started. Install PostgreSQL 14+ or set DATABASE_URL." >&2; exit 1; }
fi

command -v redis-cli >/dev/null || { echo "redis-cli not found: install Redis (Debian: redis-server)" >&2; exit 1; }
if ! redis_up; then
  if command -v redis-server >/dev/null && { [ "$redis_host" = 127.0.0.1 ] || [ "$redis_host" = localhost ]; }; then
    echo "Starting local Redis..." >&2
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >&2
  fi
  wait_for redis_up || { echo "Redis does not answer at $redis_host:$redis_port and no local server could be started. Install Redis 6.2+ or set REDIS_URL." >&2; exit 1; }
fi

for db in zhifa zhifa_test; do
  if [ "$(psql "$pg_admin_url" -Atqc "select 1 from pg_database where datname='$db'")" != 1 ]; then
    psql "$pg_admin_url" -qc "create database \"$db\"" >/dev/null && echo "Created database $db" >&2
  fi
done
echo "Postgres and Redis are up" >&2
