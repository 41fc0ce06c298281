-- The console creates each week's receipt partitions before it stores receipts in them and drops the
-- weeks retention has passed (V31). Connected as a member of sms_console_app rather than as the tables'
-- owner (afterMigrate__console_role_grants.sql), it may neither create tables in the schema nor attach
-- partitions to a table it does not own ("must be owner of table"). So it calls these two functions,
-- which run as their owner, the migration role: the partitions belong to that role like their parent
-- tables, and later migrations can still alter them. They take a week number only (the same weeks and
-- key ranges as V31 and DeliveryStore), so they create or drop nothing else.
CREATE FUNCTION delivery_create_week_partitions(week BIGINT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    week_millis CONSTANT BIGINT := 604800000;
    -- EventKeys.lowest: event times are clamped to 0 .. 2^42 before the 21 hash bits are appended
    from_key CONSTANT BIGINT := LEAST(GREATEST(week * week_millis, 0), 4398046511104) << 21;
    to_key CONSTANT BIGINT := LEAST(GREATEST((week + 1) * week_millis, 0), 4398046511104) << 21;
BEGIN
    IF week < 0 THEN
        RAISE EXCEPTION 'no receipt partition for week %', week;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS delivery_event_w%s PARTITION OF delivery_event FOR VALUES FROM (%s) TO (%s)',
        week, from_key, to_key);
    EXECUTE format('CREATE TABLE IF NOT EXISTS delivery_event_raw_w%s PARTITION OF delivery_event_raw FOR VALUES FROM (%s) TO (%s)',
        week, from_key, to_key);
END $$;

-- Dropping a partition locks the partitioned table ACCESS EXCLUSIVE, and searches and inserts queue
-- behind the waiting drop; the lock_timeout makes a drop that would wait for a long search give up
-- after 200 ms (SQLSTATE 55P03), and DeliveryStore tries again later.
CREATE FUNCTION delivery_drop_week_partitions(week BIGINT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET lock_timeout = '200ms' AS $$
BEGIN
    IF week < 0 THEN
        RAISE EXCEPTION 'no receipt partition for week %', week;
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS delivery_event_raw_w%s', week);
    EXECUTE format('DROP TABLE IF EXISTS delivery_event_w%s', week);
END $$;

-- Names resolve in this schema only, never in a caller's temporary tables (PostgreSQL manual,
-- CREATE FUNCTION, "Writing SECURITY DEFINER Functions Safely"); only the console's group role may
-- call them (the afterMigrate callback grants EXECUTE), not every role.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION delivery_create_week_partitions(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_drop_week_partitions(BIGINT) SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE ALL ON FUNCTION delivery_create_week_partitions(BIGINT), delivery_drop_week_partitions(BIGINT) FROM PUBLIC;
