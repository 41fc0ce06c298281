-- A receipt's log event id as bytes: CloudWatch Logs' ids of 56 digits two digits to a byte (28 bytes
-- instead of 57), any other id as 0xFF and its UTF-8 text (EventIds; docs/decisions/008-20261202-delivery-store-scale.md,
-- "Footprint"). Rewrites every weekly partition once.
ALTER TABLE delivery_event ALTER COLUMN event_id TYPE BYTEA USING (
    CASE WHEN event_id ~ '^([0-9][0-9])+$' THEN decode(event_id, 'hex')
         ELSE '\xff'::bytea || convert_to(event_id, 'UTF8') END);
