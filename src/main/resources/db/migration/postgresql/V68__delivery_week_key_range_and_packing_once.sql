-- One definition of a week's key range, and packing a week (V67) that is safe to run twice.
--
-- The key range of a week's receipt partition was written out three times (V66's partition creation,
-- V67's check and swap); delivery_week_key_range is now the one place, and EventKeys.lowest on the
-- console's side must agree with it: event times are clamped to 0 .. 2^42 ms before the 21 hash bits
-- are appended, and weeks are 604,800,000 ms from the epoch (V31).
--
-- Packing a week could fail when two runs met: the hourly retention run (one per database, under its
-- lease) and DeliveryStore.packWeek called directly, or a console retrying a week another one finished.
-- After a swap the partition's indexes are the packed ones, so a second swap took them for half-full
-- indexes with a packed twin and stopped at the range check the first swap had dropped. Each step now
-- takes the week's advisory lock for its transaction (PostgreSQL manual, "Advisory Locks":
-- pg_advisory_xact_lock is released at the end of the transaction), so a second run waits for the first
-- step to end and then finds it done; and swap only replaces an index that is not itself packed.

CREATE FUNCTION delivery_week_key_range(week BIGINT, OUT from_key BIGINT, OUT to_key BIGINT)
    LANGUAGE sql IMMUTABLE AS $$
    SELECT LEAST(GREATEST(week * 604800000, 0), 4398046511104) << 21,
           LEAST(GREATEST((week + 1) * 604800000, 0), 4398046511104) << 21
$$;

-- The advisory lock key of packing one week: the class id 'delivery_pack' and the week.
CREATE FUNCTION delivery_pack_week_lock(week BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('delivery_pack'), week::INTEGER)
$$;

CREATE OR REPLACE FUNCTION delivery_create_week_partitions(week BIGINT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    range RECORD;
BEGIN
    IF week < 0 THEN
        RAISE EXCEPTION 'no receipt partition for week %', week;
    END IF;
    range := delivery_week_key_range(week);
    EXECUTE format('CREATE TABLE IF NOT EXISTS delivery_event_w%s PARTITION OF delivery_event FOR VALUES FROM (%s) TO (%s)',
        week, range.from_key, range.to_key);
    EXECUTE format('CREATE TABLE IF NOT EXISTS delivery_event_raw_w%s PARTITION OF delivery_event_raw FOR VALUES FROM (%s) TO (%s)',
        week, range.from_key, range.to_key);
END $$;

CREATE OR REPLACE FUNCTION delivery_pack_week_check(week BIGINT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET lock_timeout = '200ms' AS $$
DECLARE
    range RECORD;
    part CONSTANT TEXT := delivery_week_partition(week);
BEGIN
    PERFORM delivery_pack_week_lock(week);
    IF to_regclass(part) IS NULL OR delivery_week_packed(week)
            OR EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(part) AND conname = part || '_range') THEN
        RETURN;
    END IF;
    range := delivery_week_key_range(week);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (event_key >= %s AND event_key < %s) NOT VALID', part, part || '_range',
        range.from_key, range.to_key);
END $$;

CREATE OR REPLACE FUNCTION delivery_pack_week_build(week BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    part CONSTANT TEXT := delivery_week_partition(week);
    parent_index RECORD;
    definition TEXT;
    packed_name TEXT;
    built INTEGER := 0;
BEGIN
    PERFORM delivery_pack_week_lock(week);
    IF to_regclass(part) IS NULL OR delivery_week_packed(week) THEN
        RETURN 0;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(part) AND conname = part || '_range') THEN
        RAISE EXCEPTION 'week % has no range constraint yet (delivery_pack_week_check)', week;
    END IF;
    EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', part, part || '_range');
    -- the partition's index of each non-unique index of the parent (the primary key grows at its end and is full already)
    FOR parent_index IN
        SELECT pi.relname AS parent_name, ci.oid AS child_oid, ci.reloptions AS child_options
        FROM pg_index px JOIN pg_class pi ON pi.oid = px.indexrelid
        JOIN pg_inherits h ON h.inhparent = px.indexrelid JOIN pg_class ci ON ci.oid = h.inhrelid JOIN pg_index cx ON cx.indexrelid = ci.oid
        WHERE px.indrelid = 'delivery_event'::regclass AND NOT px.indisunique AND cx.indrelid = to_regclass(part)
    LOOP
        packed_name := left(format('%s_w%s_packed', parent_index.parent_name, week), 63);
        IF 'fillfactor=100' = ANY (COALESCE(parent_index.child_options, '{}')) OR to_regclass(packed_name) IS NOT NULL THEN
            CONTINUE;
        END IF;
        -- the partition's own definition, under the new name, with fillfactor 100 (WITH comes before a WHERE)
        definition := regexp_replace(pg_get_indexdef(parent_index.child_oid), '^CREATE INDEX \S+ ON ', format('CREATE INDEX %I ON ', packed_name));
        IF position(' WHERE ' IN definition) > 0 THEN
            definition := replace(definition, ' WHERE ', ' WITH (fillfactor = 100) WHERE ');
        ELSE
            definition := definition || ' WITH (fillfactor = 100)';
        END IF;
        EXECUTE definition;
        built := built + 1;
    END LOOP;
    RETURN built;
END $$;

CREATE OR REPLACE FUNCTION delivery_pack_week_swap(week BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET lock_timeout = '200ms' AS $$
DECLARE
    range RECORD;
    part CONSTANT TEXT := delivery_week_partition(week);
    replaced TEXT[];
    old_index TEXT;
BEGIN
    PERFORM delivery_pack_week_lock(week);
    IF to_regclass(part) IS NULL THEN
        RETURN 0;
    END IF;
    -- the partition's half-full indexes of the parent's that have a packed twin (never a packed one itself)
    SELECT array_agg(ci.relname) INTO replaced
    FROM pg_index px JOIN pg_class pi ON pi.oid = px.indexrelid
    JOIN pg_inherits h ON h.inhparent = px.indexrelid JOIN pg_class ci ON ci.oid = h.inhrelid JOIN pg_index cx ON cx.indexrelid = ci.oid
    WHERE px.indrelid = 'delivery_event'::regclass AND NOT px.indisunique AND cx.indrelid = to_regclass(part)
        AND ci.relname <> left(format('%s_w%s_packed', pi.relname, week), 63)
        AND to_regclass(left(format('%s_w%s_packed', pi.relname, week), 63)) IS NOT NULL;
    IF replaced IS NULL THEN
        RETURN 0;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(part) AND conname = part || '_range' AND convalidated) THEN
        RAISE EXCEPTION 'week % has no validated range constraint yet (delivery_pack_week_build)', week;
    END IF;
    range := delivery_week_key_range(week);
    EXECUTE format('ALTER TABLE delivery_event DETACH PARTITION %I', part);
    FOREACH old_index IN ARRAY replaced LOOP
        EXECUTE format('DROP INDEX %I', old_index);
    END LOOP;
    EXECUTE format('ALTER TABLE delivery_event ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', part, range.from_key, range.to_key);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
    RETURN cardinality(replaced);
END $$;

-- CREATE OR REPLACE resets a function's SET clauses, so the replaced SECURITY DEFINER functions get their
-- search path again (as in V66 and V67); their owner and grants stay.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION delivery_create_week_partitions(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_pack_week_check(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_pack_week_build(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_pack_week_swap(BIGINT) SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE ALL ON FUNCTION delivery_pack_week_lock(BIGINT) FROM PUBLIC;
