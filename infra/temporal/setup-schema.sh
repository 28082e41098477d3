#!/bin/sh
# One-shot schema setup for a self-hosted Temporal server on PostgreSQL, run by
# docker-compose.yml's temporal-schema service in the official
# temporalio/admin-tools image (temporal-sql-tool and the schema files of the
# same server version). Safe to run on every start: a database that exists is
# kept, setup-schema only lays the version table, and update-schema applies
# only the versions not yet applied, so upgrading the server image and its
# admin-tools image together migrates the schema (docs/operations.md).
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
port="${DB_PORT:-5432}"
schema_root="${TEMPORAL_HOME:-/etc/temporal}/schema/postgresql/v12"

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$port" \
    -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" "$@"
}

for target in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  db="${target%%:*}" dir="${target#*:}"
  if ! out="$(sql_tool --db "$db" create 2>&1)"; then
    case "$out" in
      *"already exists"*) echo "database $db exists" ;;
      *) echo "$out" >&2; exit 1 ;;
    esac
  fi
  sql_tool --db "$db" setup-schema -v 0.0
  sql_tool --db "$db" update-schema -d "$schema_root/$dir/versioned"
  echo "database $db: schema up to date ($dir)"
done
