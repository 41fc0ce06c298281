package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.repository.AuditChain;
import com.example.smsconsole.audit.repository.AuditEntryRepository;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit store's behaviour, run against each database the console supports: migrations apply,
 * entries round-trip, filters work, and the table refuses UPDATE and DELETE.
 */
abstract class AuditStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    AuditEntryRepository repository;
    JdbcClient jdbc;
    DataSource dataSource;

    /** A fresh, empty database for each test. */
    abstract DataSource freshDatabase();

    /** The vendor folder of the Flyway migrations ({@code h2}, {@code postgresql}). */
    abstract String vendor();

    /**
     * Runs statements as the tables' owner would to rewrite history behind the console's back:
     * with the append-only triggers out of the way (dropped or disabled), then restored.
     */
    abstract void asOwnerBypassingTriggers(JdbcClient owner, String... statements);

    /** The name of audit_word's index on (word, entry_id), read from the database's catalogue. */
    abstract String wordKeyIndex(JdbcClient owner);

    /** Runs before EXPLAIN, on the same connection and inside the same transaction. */
    void beforeExplain(Connection c) throws SQLException {
    }

    @BeforeEach
    void migrate() {
        dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        repository = new AuditEntryRepository(dataSource);
    }

    @Test
    void appended_entries_come_back_with_every_field_newest_first() {
        repository.append(entry(T0, "admin", "CreateRegistration", "registration-1", AuditOutcome.SUCCESS, "req-1", "type US_TOLL_FREE_REGISTRATION"));
        repository.append(entry(T0.plusSeconds(60), "qa", "SendTextMessage", "+14254147755", AuditOutcome.FAILURE, "req-2",
                "ConflictException (DESTINATION_PHONE_NUMBER_OPTED_OUT)"));

        List<AuditEntry> all = repository.find(AuditFilter.empty(), 0, 10);

        assertThat(all).hasSize(2);
        AuditEntry newest = all.getFirst();
        assertThat(newest.id()).isPositive();
        assertThat(newest.occurredAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(newest.actor()).isEqualTo("qa");
        assertThat(newest.role()).isEqualTo("QA");
        assertThat(newest.action()).isEqualTo("SendTextMessage");
        assertThat(newest.target()).isEqualTo("+14254147755");
        assertThat(newest.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(newest.awsRequestId()).isEqualTo("req-2");
        assertThat(newest.detail()).contains("OPTED_OUT");
        assertThat(all.get(1).action()).isEqualTo("CreateRegistration");
    }

    @Test
    void filters_by_actor_action_outcome_text_and_time() {
        for (int i = 0; i < 30; i++) {
            repository.append(entry(T0.plusSeconds(i * 60L), i % 3 == 0 ? "admin" : "qa", i % 2 == 0 ? "SendTextMessage" : "VerifyDestinationNumber",
                    "+1425414" + (7000 + i), i % 5 == 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, "req-" + i, "detail " + i));
        }

        assertThat(repository.count(AuditFilter.empty())).isEqualTo(30);
        assertThat(repository.count(AuditFilter.empty().withActor("admin"))).isEqualTo(10);
        assertThat(repository.count(AuditFilter.empty().withAction("SendTextMessage"))).isEqualTo(15);
        assertThat(repository.count(AuditFilter.empty().withOutcome(AuditOutcome.FAILURE))).isEqualTo(6);
        assertThat(repository.find(AuditFilter.empty().withText("REQ-17"), 0, 10)).extracting(AuditEntry::awsRequestId).containsExactly("req-17");
        assertThat(repository.count(AuditFilter.empty().withRange(T0.plusSeconds(600), T0.plusSeconds(1200)))).isEqualTo(10);
        assertThat(repository.find(AuditFilter.empty().withActor("admin").withOutcome(AuditOutcome.FAILURE), 0, 10))
                .extracting(AuditEntry::target).containsExactly("+14254147015", "+14254147000");
        assertThat(repository.find(AuditFilter.empty(), 10, 5)).extracting(AuditEntry::awsRequestId)
                .containsExactly("req-19", "req-18", "req-17", "req-16", "req-15");
        assertThat(repository.distinctActions()).containsExactly("SendTextMessage", "VerifyDestinationNumber");
    }

    @Test
    void like_wildcards_in_the_search_text_are_taken_literally() {
        repository.append(entry(T0, "admin", "PutOptedOutNumber", "100%_sure", AuditOutcome.SUCCESS, null, null));
        repository.append(entry(T0, "admin", "PutOptedOutNumber", "100 sure", AuditOutcome.SUCCESS, null, null));

        assertThat(repository.find(AuditFilter.empty().withText("100%_"), 0, 10)).extracting(AuditEntry::target).containsExactly("100%_sure");
    }

    @Test
    void the_database_refuses_to_update_or_delete_entries() {
        repository.append(entry(T0, "admin", "DeleteRegistration", "registration-9", AuditOutcome.SUCCESS, "req-9", null));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET outcome = 'FAILURE'").update())
                .satisfies(e -> assertThat(messages(e)).contains("append-only: UPDATE"));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
                .satisfies(e -> assertThat(messages(e)).contains("append-only: DELETE"));
        assertThat(repository.find(AuditFilter.empty(), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS));
    }

    @Test
    void the_database_refuses_to_truncate_the_log() {
        repository.append(entry(T0, "admin", "DeleteRegistration", "registration-9", AuditOutcome.SUCCESS, "req-9", null));

        // PostgreSQL: the BEFORE TRUNCATE trigger; H2 (whose triggers do not fire on TRUNCATE): the
        // foreign keys that reference audit_entry ("Only regular data tables without foreign key
        // constraints can be truncated", H2 help.csv, TRUNCATE TABLE)
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE audit_entry").update()).isInstanceOf(RuntimeException.class);
        assertThat(repository.count(AuditFilter.empty())).isEqualTo(1);
    }

    @Test
    void an_intact_chain_is_reported_with_its_length() {
        for (int i = 0; i < 5; i++) {
            repository.append(entry(T0.plusSeconds(i), "admin", "PutOptedOutNumber", "+1425414770" + i, AuditOutcome.SUCCESS, "req-" + i, "d" + i));
        }
        ChainReport report = repository.verifyChain();
        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isEqualTo(5);
        assertThat(report.headHash()).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
    }

    @Test
    void a_row_rewritten_by_the_owner_is_named_by_the_chain_check() {
        List<AuditEntry> written = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(repository.append(entry(T0.plusSeconds(i), "admin", "PutOptedOutNumber", "+1425414770" + i, AuditOutcome.SUCCESS,
                    "req-" + i, "d" + i)));
        }
        long third = written.get(2).id();

        asOwnerBypassingTriggers(jdbc, "UPDATE audit_entry SET outcome = 'FAILURE' WHERE id = " + third);

        ChainReport report = repository.verifyChain();
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtId()).isEqualTo(third);
        assertThat(report.brokenAtTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(report.problem()).contains("changed");
    }

    @Test
    void a_row_removed_by_the_owner_breaks_the_chain_at_the_entry_after_it() {
        List<AuditEntry> written = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(repository.append(entry(T0.plusSeconds(i), "admin", "TagResource", "registration-" + i, AuditOutcome.SUCCESS, null, null)));
        }
        long second = written.get(1).id();

        asOwnerBypassingTriggers(jdbc, "DELETE FROM audit_word WHERE entry_id = " + second, "DELETE FROM audit_entry WHERE id = " + second);

        ChainReport report = repository.verifyChain();
        assertThat(report.brokenAtId()).isEqualTo(written.get(2).id());
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void an_owner_who_rehashes_a_changed_row_is_caught_by_the_next_entry() {
        List<AuditEntry> written = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(repository.append(entry(T0.plusSeconds(i), "admin", "TagResource", "registration-" + i, AuditOutcome.SUCCESS, null, null)));
        }
        AuditEntry first = written.getFirst();
        AuditEntry forged = new AuditEntry(first.id(), first.occurredAt(), "someone-else", first.role(), first.action(), first.target(),
                first.outcome(), first.awsRequestId(), first.detail());
        String forgedHash = AuditChain.hash(1, AuditChain.GENESIS, forged);

        asOwnerBypassingTriggers(jdbc, "UPDATE audit_entry SET actor = 'someone-else', entry_hash = '" + forgedHash + "' WHERE id = " + first.id());

        assertThat(repository.verifyChain().brokenAtId()).isEqualTo(written.get(1).id());
    }

    @Test
    void writers_racing_for_the_end_of_the_chain_keep_one_chain() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        repository.append(entry(T0.plusSeconds(i), "user" + thread, "SendTextMessage", "+14254147755", AuditOutcome.SUCCESS, null, null));
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainReport report = repository.verifyChain();
        assertThat(report.intact()).as(String.valueOf(report.problem())).isTrue();
        assertThat(report.entries()).isEqualTo(60);
    }

    @Test
    void an_attempt_shows_once_completed_and_as_unknown_when_nothing_completes_it() {
        AuditEntry completed = repository.append(entry(T0, "admin", "DeleteRegistration", "registration-1", AuditOutcome.ATTEMPTED, null, null));
        repository.append(new AuditEntry(0, T0.plusSeconds(1), "admin", "ADMIN", "DeleteRegistration", "registration-1",
                AuditOutcome.SUCCESS, "req-1", "status DELETED", completed.id()));
        repository.append(entry(T0.plusSeconds(2), "admin", "SubmitRegistrationVersion", "registration-2", AuditOutcome.ATTEMPTED, null, null));

        assertThat(repository.find(AuditFilter.empty(), 0, 10)).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("SubmitRegistrationVersion ATTEMPTED", "DeleteRegistration SUCCESS");
        assertThat(repository.find(AuditFilter.empty().withOutcome(AuditOutcome.UNKNOWN), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(repository.find(AuditFilter.empty().withOutcome(AuditOutcome.SUCCESS), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.attemptId()).isEqualTo(completed.id()));
        // a second outcome for the same attempt is refused
        assertThatThrownBy(() -> repository.append(new AuditEntry(0, T0.plusSeconds(3), "admin", "ADMIN", "DeleteRegistration",
                "registration-1", AuditOutcome.FAILURE, null, null, completed.id()))).isInstanceOf(RuntimeException.class);
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void the_text_search_matches_words_from_their_start() {
        repository.append(entry(T0, "admin", "PutOptedOutNumber", "+14254147755", AuditOutcome.SUCCESS, "a1b2c3-d4", "added to opt-out list Default"));
        repository.append(entry(T0, "admin", "CreateRegistration", "US_TEN_DLC_BRAND_REGISTRATION", AuditOutcome.SUCCESS, "ffee-01",
                "registration-7f3a (CREATED), Name Acme"));

        assertThat(repository.find(AuditFilter.empty().withText("+1425414"), 0, 10)).extracting(AuditEntry::action).containsExactly("PutOptedOutNumber");
        assertThat(repository.find(AuditFilter.empty().withText("OPT-OUT default"), 0, 10)).hasSize(1);
        assertThat(repository.find(AuditFilter.empty().withText("7f3a"), 0, 10)).extracting(AuditEntry::action).containsExactly("CreateRegistration");
        assertThat(repository.find(AuditFilter.empty().withText("registration-7f"), 0, 10)).hasSize(1);
        assertThat(repository.find(AuditFilter.empty().withText("acme list"), 0, 10)).isEmpty();
        assertThat(repository.count(AuditFilter.empty().withText("A1B2"))).isEqualTo(1);
    }

    @Test
    void the_text_search_reads_the_word_index_by_its_key() throws Exception {
        for (int i = 0; i < 200; i++) {
            repository.append(entry(T0.plusSeconds(i), "admin", "SendTextMessage", "+1425414" + (7000 + i), AuditOutcome.SUCCESS,
                    "req-" + i, "message " + i + " sent"));
        }
        // the SQL and parameters the repository itself sends for a text search, EXPLAINed as sent
        var recording = new RecordingDataSource(dataSource);
        var recorded = new AuditEntryRepository(recording);
        assertThat(recorded.find(AuditFilter.empty().withText("req-17"), 0, 20)).hasSize(11);
        RecordingDataSource.Statement search = recording.statements().stream()
                .filter(st -> st.sql().startsWith("SELECT e.* FROM audit_entry")).findFirst().orElseThrow();

        String plan = explain(search);
        String index = wordKeyIndex(jdbc);

        assertThat(plan).as(plan).containsIgnoringCase(index);
        // the index is entered by a range on its leading column (word), not scanned whole
        // (the plan node that names the index, with its condition lines, up to the next node)
        List<String> lines = plan.lines().toList();
        int at = 0;
        while (!lines.get(at).toLowerCase(Locale.ROOT).contains(index.toLowerCase(Locale.ROOT))) {
            at++;
        }
        var node = new StringBuilder(lines.get(at));
        for (int i = at + 1; i < lines.size() && !lines.get(i).contains("->"); i++) {
            node.append('\n').append(lines.get(i));
        }
        assertThat(node.toString()).as(plan).containsPattern("(?i)\\bword\\)?(::text)?\\s*>= *'req-17'");
    }

    private String explain(RecordingDataSource.Statement statement) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                beforeExplain(c);
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement.sql())) {
                    statement.bind(ps);
                    var plan = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    return plan.toString();
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void neither_the_repository_nor_the_service_offers_a_way_to_change_or_remove_entries() {
        for (Class<?> type : List.of(AuditEntryRepository.class, AuditService.class)) {
            assertThat(Arrays.stream(type.getDeclaredMethods()).map(Method::getName))
                    .noneMatch(name -> name.matches("(?i).*(update|delete|remove|modify|edit|clear|truncate|purge).*"));
        }
    }

    private static String messages(Throwable e) {
        var all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static AuditEntry entry(Instant at, String actor, String action, String target, AuditOutcome outcome, String requestId, String detail) {
        return new AuditEntry(0, at, actor, actor.toUpperCase(), action, target, outcome, requestId, detail);
    }
}
