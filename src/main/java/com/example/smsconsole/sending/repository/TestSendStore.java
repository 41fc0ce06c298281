package com.example.smsconsole.sending.repository;

import com.example.smsconsole.sending.TestSend;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The test sends of each user. */
@Repository
public class TestSendStore {

    private final JdbcClient jdbc;

    TestSendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(TestSend send) {
        jdbc.sql("""
                INSERT INTO test_send (username, sent_at, destination, origination, configuration_set, message_type, encoding, parts,
                    estimated_cost, dry_run, message_id, outcome, error, aws_request_id)
                VALUES (:username, :sentAt, :destination, :origination, :configurationSet, :messageType, :encoding, :parts,
                    :estimatedCost, :dryRun, :messageId, :outcome, :error, :awsRequestId)""")
                .param("username", send.username())
                .param("sentAt", Timestamp.from(send.sentAt()))
                .param("destination", send.destination())
                .param("origination", send.origination())
                .param("configurationSet", send.configurationSet())
                .param("messageType", send.messageType())
                .param("encoding", send.encoding())
                .param("parts", send.parts())
                .param("estimatedCost", send.estimatedCost())
                .param("dryRun", send.dryRun())
                .param("messageId", send.messageId())
                .param("outcome", send.outcome())
                .param("error", send.error() == null ? null : send.error().length() > 2000 ? send.error().substring(0, 2000) : send.error())
                .param("awsRequestId", send.awsRequestId())
                .update();
    }

    /** Keeps the body of a text that was sent, by its message id (AWS receipts do not carry it). */
    public void addBody(@Nullable String messageId, Instant sentAt, String body) {
        if (messageId == null) {
            return;
        }
        jdbc.sql("INSERT INTO test_send_body (message_id, sent_at, body) VALUES (:messageId, :sentAt, :body)")
                .param("messageId", messageId).param("sentAt", Timestamp.from(sentAt))
                .param("body", body.length() > 2000 ? body.substring(0, 2000) : body).update();
    }

    /** The body of the test text with this message id, if it was sent from this console. */
    public Optional<String> body(String messageId) {
        return jdbc.sql("SELECT body FROM test_send_body WHERE message_id = :messageId").param("messageId", messageId)
                .query(String.class).optional();
    }

    /** The user's newest sends first. */
    public List<TestSend> recent(String username, int limit) {
        return jdbc.sql("SELECT * FROM test_send WHERE username = :username ORDER BY sent_at DESC, id DESC LIMIT :limit")
                .param("username", username).param("limit", limit).query(TestSendStore::row).list();
    }

    private static TestSend row(ResultSet rs, int i) throws SQLException {
        return new TestSend(rs.getLong("id"), rs.getString("username"), rs.getTimestamp("sent_at").toInstant(), rs.getString("destination"),
                rs.getString("origination"), rs.getString("configuration_set"), rs.getString("message_type"), rs.getString("encoding"),
                rs.getInt("parts"), rs.getBigDecimal("estimated_cost"), rs.getBoolean("dry_run"), rs.getString("message_id"),
                rs.getString("outcome"), rs.getString("error"), rs.getString("aws_request_id"));
    }
}
