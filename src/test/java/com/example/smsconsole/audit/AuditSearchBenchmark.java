package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.audit.repository.AuditEntryRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how long the audit text search and the chain check take on a log of {@code audit.bench.rows}
 * entries (default 10,000) on H2: the former substring scan ({@code LOWER(col) LIKE '%text%'} over three
 * columns) against the word index, and the plan H2 chooses. Figures only, no timing asserts. Run with
 * {@code ./mvnw test -Dtest=AuditSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AuditSearchBenchmark {

    @Test
    void print_search_and_chain_figures() {
        int rows = Integer.getInteger("audit.bench.rows", 10_000);
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit-bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        var jdbc = JdbcClient.create(ds);
        var repository = new AuditEntryRepository(ds);
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            repository.append(new AuditEntry(0, t0.plusSeconds(i), "user" + (i % 7), "ADMIN", i % 2 == 0 ? "PutRegistrationFieldValue" : "SendTextMessage",
                    "registration-" + Integer.toHexString(i * 7919) + " companyInfo.companyName", AuditOutcome.SUCCESS,
                    UUID.randomUUID().toString(), "version 1: " + (i % 50) + " characters, +1425414" + String.format("%04d", i % 10_000)));
        }
        System.out.printf("audit bench: %d appends (chain + words) in %d ms%n", rows, (System.nanoTime() - start) / 1_000_000);

        String word = "registration-" + Integer.toHexString(4242 * 7919);
        long viaWords = repository.count(AuditFilter.empty().withText(word));
        long viaScan = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE LOWER(target) LIKE :t OR LOWER(aws_request_id) LIKE :t OR LOWER(detail) LIKE :t")
                .param("t", "%" + word + "%").query(Long.class).single();
        assertThat(viaWords).isEqualTo(viaScan).isPositive();

        System.out.printf("audit bench: substring scan  median %.2f ms%n", median(() -> jdbc.sql(
                "SELECT COUNT(*) FROM audit_entry WHERE LOWER(target) LIKE :t OR LOWER(aws_request_id) LIKE :t OR LOWER(detail) LIKE :t")
                .param("t", "%" + word + "%").query(Long.class).single()));
        System.out.printf("audit bench: word index      median %.2f ms%n", median(() -> repository.count(AuditFilter.empty().withText(word))));
        System.out.printf("audit bench: word index, first page of 50  median %.2f ms%n",
                median(() -> repository.find(AuditFilter.empty().withText("+1425414"), 0, 50).size()));
        System.out.printf("audit bench: chain check of %d entries  median %.2f ms%n", rows, median(() -> repository.verifyChain().entries()));
        System.out.println("audit bench: plan: " + jdbc.sql("EXPLAIN SELECT COUNT(*) FROM audit_entry e WHERE e.id IN "
                + "(SELECT w.entry_id FROM audit_word w WHERE w.word LIKE 'registration-81%')").query(String.class).single().replace('\n', ' '));
    }

    private static double median(LongSupplier run) {
        run.getAsLong();
        double[] ms = new double[9];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            run.getAsLong();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
