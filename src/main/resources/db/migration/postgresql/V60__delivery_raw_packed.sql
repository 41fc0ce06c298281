-- A receipt's raw JSON is stored deflated with a preset dictionary (PackedJson, format byte first)
-- in packed; rows stored before keep their text in raw and are read from there
-- (docs/decisions/008-20261202-delivery-store-scale.md, "Footprint"). On the partitioned table, so
-- every weekly partition has the column.
ALTER TABLE delivery_event_raw ADD COLUMN packed BYTEA;
ALTER TABLE delivery_event_raw ALTER COLUMN raw DROP NOT NULL;
