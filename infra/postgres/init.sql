-- Run once by the postgres image's entrypoint (docker-entrypoint-initdb.d),
-- on the first start with an empty data volume, as POSTGRES_USER via psql.
--
--   zhifa                 application database (case_events, cases, ...)
--   temporal              Temporal persistence   (schema: infra/temporal/setup-schema.sh)
--   temporal_visibility   Temporal visibility    (schema: infra/temporal/setup-schema.sh)
--
-- PostgreSQL has no CREATE DATABASE IF NOT EXISTS; psql's \gexec runs the
-- statement only when the SELECT returns a row, so this file is safe even
-- if POSTGRES_DB already names one of these databases.

SELECT 'CREATE DATABASE zhifa'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'zhifa')\gexec

SELECT 'CREATE DATABASE temporal'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'temporal')\gexec

SELECT 'CREATE DATABASE temporal_visibility'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'temporal_visibility')\gexec
