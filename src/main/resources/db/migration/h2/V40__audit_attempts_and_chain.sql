-- Attempts and their outcomes, and the tamper-evidence chain (docs/decisions/005-20261202-audit-design.md).
-- attempt_id: on the entry that says how an AWS change ended, the ATTEMPTED entry written before the call.
-- chain_seq, prev_hash, entry_hash: the entry's place in the chain, the hash of the entry before it and
-- its own SHA-256 hash; entries written before this migration have none (they precede the chain).
ALTER TABLE audit_entry ADD COLUMN attempt_id BIGINT;
ALTER TABLE audit_entry ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN entry_hash VARCHAR(64);

-- A completion points at an attempt of the log; the reference also makes H2 refuse TRUNCATE TABLE
-- ("Only regular data tables without foreign key constraints can be truncated", H2 help).
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_attempt FOREIGN KEY (attempt_id) REFERENCES audit_entry (id);
-- one completion per attempt; one entry per place in the chain (two writers cannot fork it)
CREATE UNIQUE INDEX audit_entry_completion ON audit_entry (attempt_id);
CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (chain_seq);

-- Word index for the text search: the words of target, request id and detail, lower-cased; each
-- indexed entry also has one row with the empty word, so entries not indexed yet can be found.
CREATE TABLE audit_word (
    entry_id BIGINT       NOT NULL REFERENCES audit_entry (id),
    word     VARCHAR(100) NOT NULL,
    PRIMARY KEY (word, entry_id)
);
CREATE INDEX audit_word_entry ON audit_word (entry_id);

CREATE TRIGGER audit_word_no_update BEFORE UPDATE ON audit_word
    FOR EACH ROW CALL 'com.example.smsconsole.audit.repository.AppendOnlyTrigger';
CREATE TRIGGER audit_word_no_delete BEFORE DELETE ON audit_word
    FOR EACH ROW CALL 'com.example.smsconsole.audit.repository.AppendOnlyTrigger';
