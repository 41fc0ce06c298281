-- A receipt's log event id as bytes (EventIds; docs/decisions/008-20261202-delivery-store-scale.md, "Footprint"):
-- new receipts keep CloudWatch Logs' ids of 56 digits two digits to a byte. H2 has no function that reads
-- digits as hex, so the receipts stored before keep their id as text (0xFF and its UTF-8 text), which reads the same.
ALTER TABLE delivery_event ADD COLUMN event_id_bytes VARBINARY(260);
UPDATE delivery_event SET event_id_bytes = X'FF' || STRINGTOUTF8(event_id);
ALTER TABLE delivery_event DROP COLUMN event_id;
ALTER TABLE delivery_event ALTER COLUMN event_id_bytes RENAME TO event_id;
ALTER TABLE delivery_event ALTER COLUMN event_id SET NOT NULL;
