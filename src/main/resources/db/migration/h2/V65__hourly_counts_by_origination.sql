-- The hourly counts of receipts and of messages carry the origination identity (the phone number, also when
-- sent through a pool, or the sender ID; '' when the receipt names none), so exact counts of a search by
-- origination are read from them like those by type, country and finality
-- (docs/decisions/008-20261202-delivery-store-scale.md, "Counts"). Both rollups are rebuilt from the
-- receipts and messages stored: a one-time pass proportional to the store.

DROP TABLE delivery_event_hourly;
CREATE TABLE delivery_event_hourly (
    hour_at     BIGINT      NOT NULL,
    event_type  VARCHAR(40) NOT NULL,
    country     VARCHAR(2)  NOT NULL,
    is_final    BOOLEAN     NOT NULL,
    origination VARCHAR(64) NOT NULL,
    events      BIGINT      NOT NULL,
    PRIMARY KEY (hour_at, event_type, country, is_final, origination)
);
INSERT INTO delivery_event_hourly (hour_at, event_type, country, is_final, origination, events)
SELECT event_at - MOD(event_at, 3600000), event_type, COALESCE(country, ''), is_final, COALESCE(origination, ''), COUNT(*)
FROM delivery_event
GROUP BY event_at - MOD(event_at, 3600000), event_type, COALESCE(country, ''), is_final, COALESCE(origination, '');

DROP TABLE delivery_message_hourly;
CREATE TABLE delivery_message_hourly (
    hour_at     BIGINT         NOT NULL,
    latest_type VARCHAR(40)    NOT NULL,
    country     VARCHAR(2)     NOT NULL,
    is_final    BOOLEAN        NOT NULL,
    origination VARCHAR(64) NOT NULL,
    messages    BIGINT         NOT NULL,
    price       NUMERIC(18, 6) NOT NULL,
    carrier_fee NUMERIC(18, 6) NOT NULL,
    PRIMARY KEY (hour_at, latest_type, country, is_final, origination)
);
INSERT INTO delivery_message_hourly (hour_at, latest_type, country, is_final, origination, messages, price, carrier_fee)
SELECT first_event_at - MOD(first_event_at, 3600000), latest_type, COALESCE(country, ''), is_final, COALESCE(origination, ''), COUNT(*),
    COALESCE(SUM(price), 0), COALESCE(SUM(carrier_fee), 0)
FROM delivery_message
GROUP BY first_event_at - MOD(first_event_at, 3600000), latest_type, COALESCE(country, ''), is_final, COALESCE(origination, '');
