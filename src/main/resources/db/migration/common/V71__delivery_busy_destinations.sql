-- Hourly counts of one very busy destination (a number that receives a large share of all texts), so its
-- exact counts, counts per type, chart and message counts read whole hours from a rollup rather than the
-- number's whole index range (docs/decisions/008-20261202-delivery-store-scale.md, "Counts").
-- A number is promoted by ingestion when one stored batch holds many of its receipts. Its rollups are
-- complete from counted_from (a whole hour, epoch milliseconds) onward: at promotion the receipts and
-- messages already stored from that hour are counted in, inside the same transaction; hours before it are
-- counted from the number index as before.
CREATE TABLE delivery_busy_destination (
    destination  VARCHAR(24) NOT NULL PRIMARY KEY,
    counted_from BIGINT      NOT NULL
);

-- As delivery_event_hourly, for the promoted numbers only.
CREATE TABLE delivery_destination_hourly (
    destination VARCHAR(24) NOT NULL,
    hour_at     BIGINT      NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    country     VARCHAR(2)  NOT NULL,
    is_final    BOOLEAN     NOT NULL,
    origination VARCHAR(64) NOT NULL,
    events      BIGINT      NOT NULL,
    PRIMARY KEY (destination, hour_at, event_type, country, is_final, origination)
);
CREATE INDEX delivery_destination_hourly_by_hour ON delivery_destination_hourly (hour_at);

-- As delivery_message_hourly (messages by the hour of their first receipt and their latest state), for the
-- promoted numbers only.
CREATE TABLE delivery_destination_message_hourly (
    destination VARCHAR(24)    NOT NULL,
    hour_at     BIGINT         NOT NULL,
    latest_type VARCHAR(40)    NOT NULL,
    country     VARCHAR(2)     NOT NULL,
    is_final    BOOLEAN        NOT NULL,
    origination VARCHAR(64)    NOT NULL,
    messages    BIGINT         NOT NULL,
    price       NUMERIC(18, 6) NOT NULL,
    carrier_fee NUMERIC(18, 6) NOT NULL,
    PRIMARY KEY (destination, hour_at, latest_type, country, is_final, origination)
);
CREATE INDEX delivery_destination_message_hourly_by_hour ON delivery_destination_message_hourly (hour_at);
