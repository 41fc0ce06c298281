#!/usr/bin/env bash
# The console's own database role, for docker-compose.yml. The postgres image runs this once, when it
# initialises an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER: the superuser that
# also runs the migrations and so owns the tables. The console connects as POSTGRES_CONSOLE_USER, a
# plain login role in the group role sms_console_app, to which every migrate's afterMigrate callback
# grants SELECT and INSERT only on the audit log and read/write on the other tables
# (src/main/resources/db/migration/postgresql/afterMigrate__console_role_grants.sql).
#
# For a volume initialised before this script existed, run it once by hand (it may run again: it
# creates what is missing and sets the role's password and membership),
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-console-role.sh
# and then start the console, whose migrations grant the role its privileges.
set -euo pipefail

: "${POSTGRES_CONSOLE_USER:?set POSTGRES_CONSOLE_USER, the database user of the console}"
: "${POSTGRES_CONSOLE_PASSWORD:?set POSTGRES_CONSOLE_PASSWORD, the database password of the console}"
owner="${POSTGRES_USER:-postgres}"
if [ "$POSTGRES_CONSOLE_USER" = "$owner" ]; then
    echo "POSTGRES_CONSOLE_USER must differ from POSTGRES_USER ($owner), the role that owns the tables" >&2
    exit 1
fi

# Name and password go in as psql variables, quoted by psql (:"..." and :'...'), never pasted into SQL.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$owner" --dbname "${POSTGRES_DB:-$owner}" \
    -v console_user="$POSTGRES_CONSOLE_USER" -v console_password="$POSTGRES_CONSOLE_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE sms_console_app NOLOGIN'
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sms_console_app') \gexec
SELECT format('CREATE ROLE %I', :'console_user')
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'console_user') \gexec
ALTER ROLE :"console_user" LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'console_password';
GRANT sms_console_app TO :"console_user";
SQL
