-- Searches by origination identity, configuration set and a context key and value
-- (docs/decisions/007-20261202-delivery-search-model.md).

-- The configuration set the text was sent with, when the receipt names it (configurationSetName).
ALTER TABLE delivery_event ADD COLUMN configuration_set VARCHAR(64) COLLATE "C";
ALTER TABLE delivery_message ADD COLUMN configuration_set VARCHAR(64) COLLATE "C";
-- Compared byte by byte like the numbers (V4), so identities compare the same on both databases.
ALTER TABLE delivery_event ALTER COLUMN origination TYPE VARCHAR(64) COLLATE "C";
ALTER TABLE delivery_message ALTER COLUMN origination TYPE VARCHAR(64) COLLATE "C";

-- Each leads with its value and then the key, so it gives one identity's or set's receipts newest first.
CREATE INDEX delivery_event_origination ON delivery_event (origination, event_key);
CREATE INDEX delivery_event_configuration_set ON delivery_event (configuration_set, event_key);

-- The context pairs of each message (AWS copies the send's context into every receipt), once per message.
CREATE TABLE delivery_context (
    context_key   VARCHAR(100) COLLATE "C" NOT NULL,
    context_value VARCHAR(200) COLLATE "C" NOT NULL,
    message_id    VARCHAR(64)  COLLATE "C" NOT NULL,
    PRIMARY KEY (context_key, context_value, message_id)
);
