-- Receipts per day, type, country, finality and origination identity: what the plan of a first page weighs its
-- indexes by over a range longer than two days, so that its cost does not grow with the hours of the range
-- (docs/decisions/008-20261202-delivery-store-scale.md, "Counts"). Only an estimate reads it: a day is counted
-- whole while any of it is kept, so its counts are never below the receipts stored in it.
CREATE TABLE delivery_event_daily (
    day_at      BIGINT      NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    country     VARCHAR(2)  NOT NULL,
    is_final    BOOLEAN     NOT NULL,
    origination VARCHAR(64) NOT NULL,
    events      BIGINT      NOT NULL,
    PRIMARY KEY (day_at, event_type, country, is_final, origination)
);
INSERT INTO delivery_event_daily (day_at, event_type, country, is_final, origination, events)
SELECT hour_at - MOD(hour_at, 86400000), event_type, country, is_final, origination, SUM(events)
FROM delivery_event_hourly
GROUP BY hour_at - MOD(hour_at, 86400000), event_type, country, is_final, origination;
