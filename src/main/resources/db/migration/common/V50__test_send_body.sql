-- The body of each test text sent (not dry runs) from the Test send page, by message id, so the
-- delivery history can show what was sent: AWS receipts do not carry the body. Test sends only.
CREATE TABLE test_send_body (
    message_id VARCHAR(100)  NOT NULL PRIMARY KEY,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    body       VARCHAR(2000) NOT NULL
);
