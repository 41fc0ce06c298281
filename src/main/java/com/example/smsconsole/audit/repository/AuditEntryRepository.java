package com.example.smsconsole.audit.repository;

import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditFilter;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.ChainReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * JDBC access to {@code audit_entry} and its word index {@code audit_word}. Append and read only:
 * the tables have no update or delete path here, and triggers in the database refuse both. Each
 * append runs in a transaction of its own (it is kept even when the caller's work rolls back) and
 * takes the next place in the hash chain; two writers that race for the same place are told so by
 * the unique index on {@code chain_seq}, and the loser takes the next one.
 * See docs/decisions/005-20261202-audit-design.md.
 */
@Repository
public class AuditEntryRepository {

    /** Longest word the index keeps (longer ones are cut; a search for them still matches their start). */
    static final int MAX_WORD = 100;
    private static final int CHAIN_RACE_TRIES = 50;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readTransaction;

    public AuditEntryRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        var transactions = new DataSourceTransactionManager(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTransaction.setReadOnly(true);
    }

    /** Appends the entry at the end of the chain and indexes its words; its time is kept to the microsecond. */
    public AuditEntry append(AuditEntry entry) {
        AuditEntry exact = new AuditEntry(0, entry.occurredAt().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.role(),
                entry.action(), entry.target(), entry.outcome(), entry.awsRequestId(), entry.detail(), entry.attemptId());
        for (int tries = 1; ; tries++) {
            try {
                AuditEntry stored = ownTransaction.execute(status -> appendAtHead(exact));
                if (stored == null) {
                    throw new IllegalStateException("The audit entry was not stored");
                }
                return stored;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                if (tries >= CHAIN_RACE_TRIES || !chainRace(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + tries));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private record Head(long seq, String hash) {
    }

    private AuditEntry appendAtHead(AuditEntry entry) {
        Head head = jdbc.sql("SELECT chain_seq, entry_hash FROM audit_entry WHERE chain_seq = (SELECT MAX(chain_seq) FROM audit_entry)")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).optional().orElse(new Head(0, AuditChain.GENESIS));
        long seq = head.seq() + 1;
        String hash = AuditChain.hash(seq, head.hash(), entry);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor, actor_role, action, target, outcome, aws_request_id, detail,
                                         attempt_id, chain_seq, prev_hash, entry_hash)
                VALUES (:occurredAt, :actor, :role, :action, :target, :outcome, :requestId, :detail,
                        :attemptId, :seq, :prev, :hash)""")
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("actor", entry.actor())
                .param("role", entry.role())
                .param("action", entry.action())
                .param("target", entry.target())
                .param("outcome", entry.outcome().name())
                .param("requestId", entry.awsRequestId())
                .param("detail", entry.detail())
                .param("attemptId", entry.attemptId())
                .param("seq", seq)
                .param("prev", head.hash())
                .param("hash", hash)
                .update(keys, "id");
        Number id = keys.getKey();
        long entryId = id == null ? 0 : id.longValue();
        indexWords(entryId, entry);
        return new AuditEntry(entryId, entry.occurredAt(), entry.actor(), entry.role(), entry.action(), entry.target(),
                entry.outcome(), entry.awsRequestId(), entry.detail(), entry.attemptId());
    }

    private static boolean chainRace(RuntimeException e) {
        if (e instanceof ConcurrencyFailureException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("audit_entry_chain")) {
                return true;
            }
        }
        return false;
    }

    private void indexWords(long entryId, AuditEntry entry) {
        Set<String> words = new LinkedHashSet<>();
        words.add("");
        words.addAll(words(entry.target()));
        words.addAll(words(entry.awsRequestId()));
        words.addAll(words(entry.detail()));
        List<Object[]> rows = words.stream().map(w -> new Object[] {entryId, w}).toList();
        streaming.batchUpdate("INSERT INTO audit_word (entry_id, word) VALUES (?, ?)", rows);
    }

    /**
     * Indexes the words of entries written before the word index existed (or by a console that
     * did not index them). Runs at start; returns how many entries it indexed.
     */
    public int indexEntriesWithoutWords() {
        int indexed = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("""
                    SELECT * FROM audit_entry e
                    WHERE NOT EXISTS (SELECT 1 FROM audit_word w WHERE w.word = '' AND w.entry_id = e.id)
                    ORDER BY e.id LIMIT 500""").query(AuditEntryRepository::map).list();
            if (batch.isEmpty()) {
                return indexed;
            }
            for (AuditEntry e : batch) {
                ownTransaction.executeWithoutResult(status -> indexWords(e.id(), e));
                indexed++;
            }
        }
    }

    /**
     * Whether the console's own database user could rewrite the log on PostgreSQL: it owns
     * {@code audit_entry} or holds UPDATE, DELETE or TRUNCATE on it. False on H2 (one user owns
     * everything there by design) and when the question cannot be asked.
     */
    public boolean connectedRoleMayRewrite() {
        try {
            return Boolean.TRUE.equals(jdbc.sql("""
                    SELECT pg_get_userbyid(c.relowner) = current_user
                        OR has_table_privilege('audit_entry', 'UPDATE') OR has_table_privilege('audit_entry', 'DELETE')
                        OR has_table_privilege('audit_entry', 'TRUNCATE')
                    FROM pg_class c WHERE c.oid = 'audit_entry'::regclass""").query(Boolean.class).optional().orElse(false));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The words of a text as the index keeps them: lower-case, each whitespace-separated token
     * without surrounding punctuation, and each run of letters and digits in it.
     */
    static Set<String> words(@Nullable String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String trimmed = trimPunctuation(token);
            if (!trimmed.isEmpty()) {
                words.add(cut(trimmed));
            }
            for (String part : trimmed.split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    words.add(cut(part));
                }
            }
        }
        return words;
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && ",;:.!?()[]{}\"'<>".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ",;:.!?()[]{}\"'<>".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static String cut(String word) {
        return word.length() <= MAX_WORD ? word : word.substring(0, MAX_WORD);
    }

    /** Newest first, then by id descending so entries of the same instant keep their order. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        var where = where(filter);
        return jdbc.sql("SELECT e.* FROM audit_entry e" + where.sql()
                        + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditEntryRepository::map)
                .list();
    }

    public long count(AuditFilter filter) {
        var where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry e" + where.sql()).params(where.params()).query(Long.class).single();
    }

    public List<String> distinctActions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    /**
     * Walks the chain from its first entry and recomputes every hash; the first entry where a
     * place is skipped, the previous hash does not match or the content does not match its hash
     * is named. Entries without a place in the chain written after it began are named too.
     */
    public ChainReport verifyChain() {
        return readTransaction.execute(status -> {
            long before = jdbc.sql("""
                    SELECT COUNT(*) FROM audit_entry WHERE chain_seq IS NULL
                    AND id < COALESCE((SELECT MIN(id) FROM audit_entry WHERE chain_seq IS NOT NULL), 9223372036854775807)""")
                    .query(Long.class).single();
            var walk = new Walk();
            streaming.query("SELECT * FROM audit_entry WHERE chain_seq IS NOT NULL ORDER BY chain_seq", rs -> {
                walk.next(rs);
            });
            if (walk.brokenAtId == null) {
                List<AuditEntry> unchained = jdbc.sql("""
                        SELECT * FROM audit_entry WHERE chain_seq IS NULL
                        AND id > (SELECT MIN(id) FROM audit_entry WHERE chain_seq IS NOT NULL) ORDER BY id LIMIT 1""")
                        .query(AuditEntryRepository::map).list();
                if (!unchained.isEmpty()) {
                    walk.broken(unchained.getFirst().id(), unchained.getFirst().occurredAt(),
                            "it has no place in the chain, though it was written after the chain began");
                }
            }
            return new ChainReport(walk.entries, before, walk.brokenAtId, walk.brokenAtTime, walk.problem, walk.previous);
        });
    }

    private static final class Walk {
        long entries;
        long expected = 1;
        String previous = AuditChain.GENESIS;
        @Nullable Long brokenAtId;
        @Nullable Instant brokenAtTime;
        @Nullable String problem;

        void next(ResultSet rs) throws SQLException {
            if (brokenAtId != null) {
                return;
            }
            AuditEntry e = map(rs, 0);
            long seq = rs.getLong("chain_seq");
            String prev = rs.getString("prev_hash");
            String hash = rs.getString("entry_hash");
            entries++;
            if (seq != expected) {
                broken(e.id(), e.occurredAt(), seq > expected
                        ? (seq - expected == 1 ? "the entry before it is missing" : (seq - expected) + " entries before it are missing")
                        : "its place in the chain (" + seq + ") is taken twice");
            } else if (!previous.equals(prev)) {
                broken(e.id(), e.occurredAt(), "it does not follow the entry before it: that entry was changed, removed or replaced");
            } else if (!AuditChain.hash(seq, prev, e).equals(hash)) {
                broken(e.id(), e.occurredAt(), "its content is not what was written: it was changed after it was written");
            }
            previous = hash == null ? "" : hash;
            expected = seq + 1;
        }

        void broken(long id, Instant at, String why) {
            brokenAtId = id;
            brokenAtTime = at;
            problem = why;
        }
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        // an attempt that has its outcome is shown by the entry with the outcome
        clauses.add("NOT (e.outcome = 'ATTEMPTED' AND EXISTS (SELECT 1 FROM audit_entry c WHERE c.attempt_id = e.id))");
        if (filter.actor() != null) {
            clauses.add("e.actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            clauses.add("e.action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() == AuditOutcome.UNKNOWN || filter.outcome() == AuditOutcome.ATTEMPTED) {
            clauses.add("e.outcome IN ('UNKNOWN', 'ATTEMPTED')");
        } else if (filter.outcome() != null) {
            clauses.add("e.outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.text() != null) {
            int i = 0;
            for (String word : queryWords(filter.text())) {
                // each word of the search starts a word of the entry: an index range scan on audit_word's key
                clauses.add("e.id IN (SELECT w.entry_id FROM audit_word w WHERE w.word LIKE :word" + i + ")");
                params.put("word" + i, escapeLike(word) + "%");
                i++;
            }
        }
        if (filter.from() != null) {
            clauses.add("e.occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("e.occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return new Where(" WHERE " + String.join(" AND ", clauses), params);
    }

    /** The words of a search: its whitespace-separated tokens, lower-case, without surrounding punctuation, cut like indexed words. */
    static List<String> queryWords(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String trimmed = trimPunctuation(token);
            if (!trimmed.isEmpty()) {
                words.add(cut(trimmed));
            }
        }
        return words;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        long attempt = rs.getLong("attempt_id");
        Long attemptId = rs.wasNull() ? null : attempt;
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("target"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("aws_request_id"),
                rs.getString("detail"),
                attemptId);
    }
}
