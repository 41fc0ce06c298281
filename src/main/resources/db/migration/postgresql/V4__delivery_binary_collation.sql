-- Phone numbers compare byte by byte whatever the database's collation, so prefix searches
-- (LIKE '+1425%') compare the same way on both databases.
ALTER TABLE delivery_event ALTER COLUMN destination TYPE VARCHAR(24) COLLATE "C";
ALTER TABLE delivery_event ALTER COLUMN dest_prefix TYPE VARCHAR(5) COLLATE "C";
ALTER TABLE delivery_message ALTER COLUMN destination TYPE VARCHAR(24) COLLATE "C";
ALTER TABLE delivery_message ALTER COLUMN dest_prefix TYPE VARCHAR(5) COLLATE "C";
ALTER TABLE delivery_dest_prefix ALTER COLUMN dest_prefix TYPE VARCHAR(5) COLLATE "C";
