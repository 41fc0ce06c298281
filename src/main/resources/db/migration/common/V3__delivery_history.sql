-- Delivery receipts ingested from CloudWatch Logs. Times are epoch milliseconds.

-- One row per receipt (CloudWatch log event), parsed into columns.
-- event_key orders receipts by time: the event time in milliseconds in the high 42 bits and a hash
-- of the CloudWatch event id in the low 21 (the next free key is taken on a collision). As the
-- primary key it is the time index, and every other index has it right after its leading column,
-- so each index gives the receipts of one type, country or number prefix newest first.
-- dest_prefix is the first five characters of the destination (country code and area).
CREATE TABLE delivery_event (
    event_key          BIGINT          NOT NULL PRIMARY KEY,
    event_id           VARCHAR(64)     NOT NULL,
    event_at           BIGINT          NOT NULL,
    ingested_at        BIGINT          NOT NULL,
    event_type         VARCHAR(40)     NOT NULL,
    message_id         VARCHAR(64)     NOT NULL,
    destination        VARCHAR(24)     NOT NULL,
    dest_prefix        VARCHAR(5)      NOT NULL,
    origination        VARCHAR(64),
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
    log_stream         VARCHAR(512)
);

CREATE INDEX delivery_event_type_time ON delivery_event (event_type, event_key, country, is_final);
CREATE INDEX delivery_event_country_time ON delivery_event (country, event_key, event_type, is_final);
-- Holds every column a search by number filters or counts on, so those read the index alone.
CREATE INDEX delivery_event_destination ON delivery_event (dest_prefix, event_key, destination, event_type, is_final, country);

-- The receipt as read from CloudWatch Logs, apart so that searches do not read it.
CREATE TABLE delivery_event_raw (
    event_key BIGINT          NOT NULL PRIMARY KEY,
    raw       VARCHAR(262144) NOT NULL
);

-- Every destination prefix seen, so a shorter prefix (+44) is searched as the prefixes it covers.
CREATE TABLE delivery_dest_prefix (
    dest_prefix VARCHAR(5) NOT NULL PRIMARY KEY
);

-- The latest state of each message (one row per message id), maintained on ingestion, with the
-- keys of its receipts (its timeline).
CREATE TABLE delivery_message (
    message_id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    first_event_at     BIGINT         NOT NULL,
    last_event_at      BIGINT         NOT NULL,
    latest_type        VARCHAR(40)    NOT NULL,
    latest_status      VARCHAR(40),
    latest_description VARCHAR(1000),
    is_final           BOOLEAN        NOT NULL,
    final_at           BIGINT,
    destination        VARCHAR(24)    NOT NULL,
    dest_prefix        VARCHAR(5)     NOT NULL,
    origination        VARCHAR(64),
    country            VARCHAR(2),
    message_type       VARCHAR(20),
    parts              INTEGER,
    price              NUMERIC(14, 6),
    carrier_fee        NUMERIC(14, 6),
    requested_at       BIGINT,
    event_keys         VARCHAR(4000)  NOT NULL
);

-- The time and number indexes hold every column searches filter and count on.
CREATE INDEX delivery_message_time ON delivery_message (first_event_at, latest_type, is_final, country);
CREATE INDEX delivery_message_open ON delivery_message (is_final, first_event_at);
CREATE INDEX delivery_message_destination ON delivery_message (dest_prefix, first_event_at, destination, latest_type, is_final, country);

-- Receipts per hour, type, country and finality, for exact counts without scanning receipts.
CREATE TABLE delivery_event_hourly (
    hour_at    BIGINT      NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    country    VARCHAR(2)  NOT NULL,
    is_final   BOOLEAN     NOT NULL,
    events     BIGINT      NOT NULL,
    PRIMARY KEY (hour_at, event_type, country, is_final)
);

-- Messages per hour of their first receipt, latest type, country and finality, with their price and
-- carrier fee; kept in step as messages change state.
CREATE TABLE delivery_message_hourly (
    hour_at     BIGINT         NOT NULL,
    latest_type VARCHAR(40)    NOT NULL,
    country     VARCHAR(2)     NOT NULL,
    is_final    BOOLEAN        NOT NULL,
    messages    BIGINT         NOT NULL,
    price       NUMERIC(18, 6) NOT NULL,
    carrier_fee NUMERIC(18, 6) NOT NULL,
    PRIMARY KEY (hour_at, latest_type, country, is_final)
);

-- Log events that are not receipts: kept, counted, never dropped silently.
CREATE TABLE delivery_event_malformed (
    event_id      VARCHAR(64)     NOT NULL PRIMARY KEY,
    log_group     VARCHAR(512)    NOT NULL,
    log_stream    VARCHAR(512),
    log_timestamp BIGINT          NOT NULL,
    ingested_at   BIGINT          NOT NULL,
    error         VARCHAR(1000)   NOT NULL,
    raw           VARCHAR(262144) NOT NULL
);

-- Where ingestion stands per log group: the watermark (newest log event time stored) and totals.
CREATE TABLE ingest_state (
    log_group        VARCHAR(512) NOT NULL PRIMARY KEY,
    watermark_at     BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    events_total     BIGINT       NOT NULL,
    duplicates_total BIGINT       NOT NULL,
    malformed_total  BIGINT       NOT NULL,
    last_error       VARCHAR(2000),
    last_error_at    BIGINT
);

-- One ingestion run: what it read, stored and met.
CREATE TABLE ingest_run (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    log_group   VARCHAR(512) NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT       NOT NULL,
    calls       INTEGER      NOT NULL,
    events_read INTEGER      NOT NULL,
    inserted    INTEGER      NOT NULL,
    duplicates  INTEGER      NOT NULL,
    malformed   INTEGER      NOT NULL,
    throttled   INTEGER      NOT NULL,
    error       VARCHAR(2000)
);

CREATE INDEX ingest_run_finished ON ingest_run (log_group, finished_at);

-- Only one console instance ingests at a time: it holds the lease until it expires.
CREATE TABLE ingest_lease (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);
