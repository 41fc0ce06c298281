-- A receipt's raw JSON is stored deflated with a preset dictionary (PackedJson, format byte first)
-- in packed; rows stored before keep their text in raw and are read from there
-- (docs/decisions/008-20261202-delivery-store-scale.md, "Footprint").
ALTER TABLE delivery_event_raw ADD COLUMN packed VARBINARY(262144);
ALTER TABLE delivery_event_raw ALTER COLUMN raw DROP NOT NULL;
