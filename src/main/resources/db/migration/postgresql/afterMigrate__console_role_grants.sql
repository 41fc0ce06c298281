-- Runs after every migrate: the grants of V41 again, so that tables added by later migrations and a
-- group role created after V41 ran are covered too (see V41 and docs/decisions/005-20261202-audit-design.md).
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
    END IF;
END
$$;
