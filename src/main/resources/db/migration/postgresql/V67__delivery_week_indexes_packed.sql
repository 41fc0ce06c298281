-- A closed week's receipt indexes are rebuilt full (fillfactor 100) by the console's retention run
-- (docs/decisions/008-20261202-delivery-store-scale.md, "Packing a closed week"). Each index leads with a
-- value (type, country, number prefix, identity) followed by the key, so receipts arrive in the middle of
-- the index, pages split in halves, and a week's indexes end up about half full. Rebuilding them once the
-- week takes no more receipts halves them.
--
-- Why not REINDEX: it holds an ACCESS EXCLUSIVE lock on the index for the whole rebuild, and the planner
-- takes a lock on every index of every partition a search may read, so searches would wait seconds
-- (PostgreSQL manual, REINDEX, "Notes"). REINDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY cannot run
-- inside a function or transaction, and the console's role may not run them on tables it does not own.
-- An index attached to the parent's partitioned index cannot be dropped or replaced by itself. So it goes in
-- three short steps, each its own call and transaction, with the locks each takes (manual, "Explicit
-- Locking", and the Notes of CREATE INDEX, ALTER TABLE):
--
-- 1. delivery_pack_week_check: a CHECK constraint with the partition's own key range, NOT VALID (ACCESS
--    EXCLUSIVE on that partition for an instant; gives up after 200 ms rather than queue searches behind it).
-- 2. delivery_pack_week_build: VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE) and one CREATE INDEX ... WITH
--    (fillfactor = 100) per index of the parent (SHARE on that partition): searches read on; a late receipt
--    of that week waits for the build (a closed week receives none in normal operation).
-- 3. delivery_pack_week_swap: DETACH PARTITION, drop the half-full indexes, ATTACH PARTITION, drop the
--    CHECK (ACCESS EXCLUSIVE on the partitioned table, like retention's drop of a week, for milliseconds:
--    the CHECK spares ATTACH its scan of the partition, and ATTACH takes the packed indexes as the
--    partition's indexes of the parent's). Gives up after 200 ms like step 1; the console tries again.
-- Everything a step does is rolled back if it fails, so a week is either as before or packed.

CREATE FUNCTION delivery_week_partition(week BIGINT) RETURNS TEXT
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF week < 0 THEN
        RAISE EXCEPTION 'no receipt partition for week %', week;
    END IF;
    RETURN format('delivery_event_w%s', week);
END $$;

CREATE FUNCTION delivery_pack_week_check(week BIGINT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET lock_timeout = '200ms' AS $$
DECLARE
    week_millis CONSTANT BIGINT := 604800000;
    -- the same key range as V66
    from_key CONSTANT BIGINT := LEAST(GREATEST(week * week_millis, 0), 4398046511104) << 21;
    to_key CONSTANT BIGINT := LEAST(GREATEST((week + 1) * week_millis, 0), 4398046511104) << 21;
    part CONSTANT TEXT := delivery_week_partition(week);
BEGIN
    IF to_regclass(part) IS NULL OR EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(part) AND conname = part || '_range') THEN
        RETURN;
    END IF;
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (event_key >= %s AND event_key < %s) NOT VALID', part, part || '_range',
        from_key, to_key);
END $$;

-- Whether every index of the week's partition but its primary key is attached and has fillfactor 100 (the
-- console reads this to find the weeks left to pack); true when the partition does not exist.
CREATE FUNCTION delivery_week_packed(week BIGINT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (
        SELECT 1 FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
        WHERE x.indrelid = to_regclass(delivery_week_partition(week)) AND NOT x.indisunique
            AND (NOT 'fillfactor=100' = ANY (COALESCE(c.reloptions, '{}')) OR NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid)))
$$;

-- Returns how many packed indexes it built.
CREATE FUNCTION delivery_pack_week_build(week BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    part CONSTANT TEXT := delivery_week_partition(week);
    parent_index RECORD;
    definition TEXT;
    packed_name TEXT;
    built INTEGER := 0;
BEGIN
    IF to_regclass(part) IS NULL THEN
        RETURN 0;
    END IF;
    IF delivery_week_packed(week) THEN
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

-- Returns how many indexes it replaced by their packed twin.
CREATE FUNCTION delivery_pack_week_swap(week BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET lock_timeout = '200ms' AS $$
DECLARE
    week_millis CONSTANT BIGINT := 604800000;
    from_key CONSTANT BIGINT := LEAST(GREATEST(week * week_millis, 0), 4398046511104) << 21;
    to_key CONSTANT BIGINT := LEAST(GREATEST((week + 1) * week_millis, 0), 4398046511104) << 21;
    part CONSTANT TEXT := delivery_week_partition(week);
    replaced TEXT[];
    old_index TEXT;
BEGIN
    IF to_regclass(part) IS NULL THEN
        RETURN 0;
    END IF;
    SELECT array_agg(ci.relname) INTO replaced
    FROM pg_index px JOIN pg_class pi ON pi.oid = px.indexrelid
    JOIN pg_inherits h ON h.inhparent = px.indexrelid JOIN pg_class ci ON ci.oid = h.inhrelid JOIN pg_index cx ON cx.indexrelid = ci.oid
    WHERE px.indrelid = 'delivery_event'::regclass AND NOT px.indisunique AND cx.indrelid = to_regclass(part)
        AND to_regclass(left(format('%s_w%s_packed', pi.relname, week), 63)) IS NOT NULL;
    IF replaced IS NULL THEN
        RETURN 0;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(part) AND conname = part || '_range' AND convalidated) THEN
        RAISE EXCEPTION 'week % has no validated range constraint yet (delivery_pack_week_build)', week;
    END IF;
    EXECUTE format('ALTER TABLE delivery_event DETACH PARTITION %I', part);
    FOREACH old_index IN ARRAY replaced LOOP
        EXECUTE format('DROP INDEX %I', old_index);
    END LOOP;
    EXECUTE format('ALTER TABLE delivery_event ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', part, from_key, to_key);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
    RETURN cardinality(replaced);
END $$;

-- Like V66: names resolve in this schema only, and only the console's group role may call them (granted by
-- the afterMigrate callback).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION delivery_pack_week_check(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_pack_week_build(BIGINT) SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION delivery_pack_week_swap(BIGINT) SET search_path = %I, pg_temp', current_schema());
END $$;
REVOKE ALL ON FUNCTION delivery_pack_week_check(BIGINT), delivery_pack_week_build(BIGINT), delivery_pack_week_swap(BIGINT) FROM PUBLIC;
