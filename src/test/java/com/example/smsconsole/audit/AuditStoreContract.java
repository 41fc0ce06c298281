package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.repository.AuditEntryRepository;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    /** A fresh, empty database for each test. */
    abstract DataSource freshDatabase();

    /** The vendor folder of the Flyway migrations ({@code h2}, {@code postgresql}). */
    abstract String vendor();

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        repository = new AuditEntryRepository(jdbc);
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

        assertThat(repository.find(AuditFilter.empty().withText("%_"), 0, 10)).extracting(AuditEntry::target).containsExactly("100%_sure");
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
