#!/bin/sh
# Run once by the postgres image when its data volume is empty (mounted in
# /docker-entrypoint-initdb.d by docker-compose.yml): the role the QLĐV server connects as. It
# owns its database, so migrations can create and alter its tables, and it is NOT a superuser:
# a compromised server cannot read files of the database host, run programs there (COPY ... TO
# PROGRAM), or touch other databases. The superuser (POSTGRES_USER) is for administration only.
# Optional, for faster `qldv seed` loads (PostgreSQL 15+), as that superuser:
#   GRANT SET ON PARAMETER session_replication_role TO qldv;
set -eu
psql -v ON_ERROR_STOP=1 -X -q --username "$POSTGRES_USER" --dbname postgres \
  -v pw="$QLDV_DB_PASSWORD" <<'SQL'
CREATE ROLE qldv LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw';
CREATE DATABASE qldv OWNER qldv;
REVOKE ALL ON DATABASE qldv FROM PUBLIC;
SQL
