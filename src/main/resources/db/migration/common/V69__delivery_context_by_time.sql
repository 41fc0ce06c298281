-- A context search reads the messages that carry the pair newest first, or only those near its time
-- range, from the context index (docs/decisions/008-20261202-delivery-store-scale.md, "Context searches").

-- The time of a receipt that carried the pair (the earliest of the batch that recorded it), epoch milliseconds.
ALTER TABLE delivery_context ADD COLUMN first_event_at BIGINT;
UPDATE delivery_context c SET first_event_at = (SELECT m.first_event_at FROM delivery_message m WHERE m.message_id = c.message_id);
UPDATE delivery_context SET first_event_at = 0 WHERE first_event_at IS NULL;
ALTER TABLE delivery_context ALTER COLUMN first_event_at SET NOT NULL;
CREATE INDEX delivery_context_by_time ON delivery_context (context_key, context_value, first_event_at, message_id);

-- The longest time between a message's first and last receipt the store has seen: no receipt of a
-- message lies further than this from any other, which bounds what a search by the first time must read.
CREATE TABLE delivery_message_span (
    id       INT PRIMARY KEY,
    span_ms  BIGINT NOT NULL
);
INSERT INTO delivery_message_span (id, span_ms)
    SELECT 1, COALESCE(MAX(last_event_at - first_event_at), 0) FROM delivery_message;
