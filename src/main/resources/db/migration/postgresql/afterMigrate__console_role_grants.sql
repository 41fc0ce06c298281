-- The console's database role may read and append to the audit log, nothing more
-- (docs/decisions/005-20261202-audit-design.md). The tables belong to the role that runs the
-- migrations (spring.flyway.user); the console connects (spring.datasource.username) as a login role
-- that is a member of the group role sms_console_app:
--
--   CREATE ROLE sms_console_app NOLOGIN;
--   CREATE ROLE console LOGIN PASSWORD '...' IN ROLE sms_console_app;
--
-- This callback runs after every migrate, so tables added by later migrations and a group role created
-- later are covered too. When that group role exists, it grants it what the console
-- needs: the audit tables SELECT and INSERT only (no UPDATE, DELETE or TRUNCATE; not being the owner,
-- it cannot ALTER TABLE ... DISABLE TRIGGER nor drop the triggers), every other table of the
-- console read and write, the two functions through which it adds and drops the weekly receipt
-- partitions (V66) and the three through which it rebuilds a closed week's indexes full (V67). docker-compose.yml creates both roles (docker/postgres/). Without the group role
-- (one role for everything), nothing changes here and the console still finds the triggers and the
-- hash chain in its way.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sms_console_app') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO sms_console_app', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO sms_console_app', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO sms_console_app', current_schema());
        REVOKE ALL ON audit_entry, audit_word FROM sms_console_app;
        GRANT SELECT, INSERT ON audit_entry, audit_word TO sms_console_app;
        REVOKE ALL ON flyway_schema_history FROM sms_console_app;
        GRANT SELECT ON flyway_schema_history TO sms_console_app;
        GRANT EXECUTE ON FUNCTION delivery_create_week_partitions(BIGINT), delivery_drop_week_partitions(BIGINT) TO sms_console_app;
        GRANT EXECUTE ON FUNCTION delivery_pack_week_check(BIGINT), delivery_pack_week_build(BIGINT), delivery_pack_week_swap(BIGINT)
            TO sms_console_app;
    END IF;
END
$$;
