-- The audit log is append-only: the database itself refuses UPDATE and DELETE.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
    FOR EACH ROW CALL 'com.example.smsconsole.audit.repository.AppendOnlyTrigger';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
    FOR EACH ROW CALL 'com.example.smsconsole.audit.repository.AppendOnlyTrigger';
