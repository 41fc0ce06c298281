-- Receipts and their raw JSON in one partition per week of event time (declarative range
-- partitioning on event_key, whose high bits are the time), so retention drops whole partitions.
-- The console creates each week's partitions before it stores receipts in them
-- (docs/decisions/008-20261202-delivery-store-scale.md). Existing receipts are copied over.

DROP INDEX delivery_event_type_time;
DROP INDEX delivery_event_country_time;
DROP INDEX delivery_event_destination;
DROP INDEX delivery_event_origination;
DROP INDEX delivery_event_configuration_set;
ALTER TABLE delivery_event DROP CONSTRAINT delivery_event_pkey;
ALTER TABLE delivery_event RENAME TO delivery_event_unpartitioned;
ALTER TABLE delivery_event_raw DROP CONSTRAINT delivery_event_raw_pkey;
ALTER TABLE delivery_event_raw RENAME TO delivery_event_raw_unpartitioned;

CREATE TABLE delivery_event (
    event_key          BIGINT          NOT NULL,
    event_id           VARCHAR(64)     NOT NULL,
    event_at           BIGINT          NOT NULL,
    ingested_at        BIGINT          NOT NULL,
    event_type         VARCHAR(40)     NOT NULL,
    message_id         VARCHAR(64)     NOT NULL,
    destination        VARCHAR(24)     COLLATE "C" NOT NULL,
    dest_prefix        VARCHAR(5)      COLLATE "C" NOT NULL,
    origination        VARCHAR(64)     COLLATE "C",
    country            VARCHAR(2),
    message_status     VARCHAR(40),
    status_description VARCHAR(1000),
    message_type       VARCHAR(20),
    encoding           VARCHAR(10),
    parts              INTEGER,
    price              NUMERIC(14, 6),
    carrier_fee        NUMERIC(14, 6),
    is_final           BOOLEAN         NOT NULL,
    carrier            VARCHAR(100),
    requested_at       BIGINT,
    context            VARCHAR(4000),
    log_stream         VARCHAR(512),
    configuration_set  VARCHAR(64)     COLLATE "C",
    PRIMARY KEY (event_key)
) PARTITION BY RANGE (event_key);

CREATE TABLE delivery_event_raw (
    event_key BIGINT          NOT NULL,
    raw       VARCHAR(262144) NOT NULL,
    PRIMARY KEY (event_key)
) PARTITION BY RANGE (event_key);

DO $$
DECLARE
    week_millis CONSTANT BIGINT := 604800000;
    w BIGINT;
BEGIN
    FOR w IN SELECT DISTINCT (event_key >> 21) / week_millis FROM delivery_event_unpartitioned LOOP
        EXECUTE format('CREATE TABLE delivery_event_w%s PARTITION OF delivery_event FOR VALUES FROM (%s) TO (%s)',
            w, (w * week_millis) << 21, ((w + 1) * week_millis) << 21);
        EXECUTE format('CREATE TABLE delivery_event_raw_w%s PARTITION OF delivery_event_raw FOR VALUES FROM (%s) TO (%s)',
            w, (w * week_millis) << 21, ((w + 1) * week_millis) << 21);
    END LOOP;
END $$;

INSERT INTO delivery_event (event_key, event_id, event_at, ingested_at, event_type, message_id, destination, dest_prefix, origination, country,
    message_status, status_description, message_type, encoding, parts, price, carrier_fee, is_final, carrier, requested_at, context, log_stream,
    configuration_set)
SELECT event_key, event_id, event_at, ingested_at, event_type, message_id, destination, dest_prefix, origination, country,
    message_status, status_description, message_type, encoding, parts, price, carrier_fee, is_final, carrier, requested_at, context, log_stream,
    configuration_set
FROM delivery_event_unpartitioned;
INSERT INTO delivery_event_raw (event_key, raw) SELECT event_key, raw FROM delivery_event_raw_unpartitioned;
DROP TABLE delivery_event_unpartitioned;
DROP TABLE delivery_event_raw_unpartitioned;

-- On the partitioned table, so every partition has them.
CREATE INDEX delivery_event_type_time ON delivery_event (event_type, event_key, country, is_final);
CREATE INDEX delivery_event_country_time ON delivery_event (country, event_key, event_type, is_final);
CREATE INDEX delivery_event_destination ON delivery_event (dest_prefix, event_key, destination, event_type, is_final, country);
CREATE INDEX delivery_event_origination ON delivery_event (origination, event_key);
-- Most receipts name no configuration set; those are not indexed.
CREATE INDEX delivery_event_configuration_set ON delivery_event (configuration_set, event_key) WHERE configuration_set IS NOT NULL;
