#!/usr/bin/env bash
# The classroom tests' PostgreSQL: Debian's server on 127.0.0.1:5432, with a role and a database of the tests'.
# Installs the package when missing, creates and starts the cluster when it is down, and prints the
# SQLAlchemy URL the tests use (tests/conftest.py reads it from SIGNATURE_LAB_TEST_POSTGRES_URL).
#
#   bash scripts/start-postgres.sh               install when missing, start, print the URL (scripts/test.sh)
#   bash scripts/start-postgres.sh --no-install  start only; fail when it is not installed (the tests' fixture)
set -euo pipefail
install=true
[ "${1:-}" = "--no-install" ] && install=false

say() { echo "scripts/start-postgres.sh: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "needs root or sudo: $*"; exit 1
  fi
}
as_postgres() { as_root runuser -u postgres -- "$@"; }

ROLE=signature_lab
PASSWORD=signature_lab_tests  # a local test database on loopback, reset by the tests: not a secret
DATABASE=signature_lab_test

# The server's binary, not only psql (postgresql-client also makes /usr/lib/postgresql/<version>).
if ! command -v pg_lsclusters >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if ! $install; then
    say "PostgreSQL is not installed: run bash scripts/test.sh --setup-only (it installs what the tests need)"
    exit 1
  fi
  say "apt-get install postgresql"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(basename "$(dirname "$(dirname "$(ls /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)")")")
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  say "pg_createcluster $version main"
  as_root pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  say "pg_ctlcluster $version main start"
  as_root pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
# CREATEDB: the tests give each test a database of its own.
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'" | grep -q 1 ||
  as_postgres psql -p "$port" -qc "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
as_postgres psql -p "$port" -qc "ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'"
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname='$DATABASE'" | grep -q 1 ||
  as_postgres psql -p "$port" -qc "CREATE DATABASE $DATABASE OWNER $ROLE"
echo "postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
