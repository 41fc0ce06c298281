package com.example.smsconsole.audit.repository;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * JDBC access to {@code audit_entry}. Append and read only: the table has no update or delete
 * path here, and triggers in the database refuse both.
 */
@Repository
public class AuditEntryRepository {

    private final JdbcClient jdbc;

    public AuditEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AuditEntry append(AuditEntry entry) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, actor_role, action, target, outcome, aws_request_id, detail)
                VALUES (:occurredAt, :actor, :role, :action, :target, :outcome, :requestId, :detail)""")
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("role", entry.role())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("outcome", entry.outcome().name())
                .param("requestId", entry.awsRequestId())
                .param("detail", entry.detail())
                .update(keys, "id");
        Number id = keys.getKey();
        return new AuditEntry(id == null ? 0 : id.longValue(), entry.occurredAt(), entry.actor(), entry.role(),
                entry.action(), entry.target(), entry.outcome(), entry.awsRequestId(), entry.detail());
    }

    /** Newest first, then by id descending so entries of the same instant keep their order. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        var where = where(filter);
        return jdbc.sql("SELECT * FROM audit_entry" + where.sql()
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditEntryRepository::map)
                .list();
    }

    public long count(AuditFilter filter) {
        var where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where.sql()).params(where.params()).query(Long.class).single();
    }

    public List<String> distinctActions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.actor() != null) {
            clauses.add("actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            clauses.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() != null) {
            clauses.add("outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.text() != null) {
            clauses.add("(LOWER(target) LIKE :text OR LOWER(aws_request_id) LIKE :text OR LOWER(detail) LIKE :text)");
            params.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            clauses.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("aws_request_id"),
                rs.getString("detail"));
    }
}
