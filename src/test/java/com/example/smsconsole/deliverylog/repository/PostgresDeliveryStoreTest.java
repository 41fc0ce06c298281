package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;

/** The delivery store on a real PostgreSQL server started by the test run. */
class PostgresDeliveryStoreTest extends DeliveryStoreContract {

    @Override
    DataSource freshDatabase() {
        var server = PostgresTestServer.get();
        return server.dataSource(server.createDatabase("delivery"));
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    /**
     * A DROP of a partition waits for an ACCESS EXCLUSIVE lock on the partitioned table, and every
     * search and insert that comes after it queues behind it (PostgreSQL manual, "Explicit
     * Locking": ACCESS EXCLUSIVE conflicts with every mode, and lock requests are granted in
     * order). Retention must let them through while it waits for a long search to finish.
     */
    @Test
    void dropping_an_old_week_lets_searches_and_ingestion_through_while_a_long_search_runs() throws Exception {
        Instant old = T0.minus(Duration.ofDays(10));
        var event = new DeliveryEvent("id-old-week", old, old, "TEXT_DELIVERED", "OLD-WEEK", "+14255550009", "+12065550142", null, "US", null, null,
                null, null, 1, null, null, true, null, null, null, "stream");
        store.store("group", List.of(new DeliveryStore.Receipt(event, "{}", old.toEpochMilli())), List.of(), T0.toEpochMilli(), 0, T0.toEpochMilli());

        try (Connection longSearch = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            longSearch.setAutoCommit(false);
            try (Statement s = longSearch.createStatement()) {
                s.executeQuery("SELECT count(*) FROM delivery_event").close();
            }
            var retention = CompletableFuture.supplyAsync(() -> store.purgeBefore(T0.minus(Duration.ofDays(1)).toEpochMilli(), 1000));
            Thread.sleep(1000);
            try (Statement s = other.createStatement()) {
                s.execute("SET lock_timeout = '3s'");
                // a search and an insert into the current week, while retention waits for the long search
                s.executeQuery("SELECT count(*) FROM delivery_event").close();
                s.executeQuery("SELECT count(*) FROM delivery_event_raw").close();
                s.execute("INSERT INTO delivery_event_raw (event_key, packed) SELECT event_key + 1, packed FROM delivery_event_raw"
                        + " WHERE event_key = (SELECT max(event_key) FROM delivery_event_raw)");
            }
            longSearch.commit();
            assertThat(retention.get(60, TimeUnit.SECONDS).partitionsDropped()).isEqualTo(1);
        }
        assertThat(queries.message("OLD-WEEK")).isEmpty();
    }

    /**
     * Once a week has closed, retention rebuilds its receipt indexes full: each index of its
     * partition but the primary key then has fillfactor 100 and is still the partition's index of
     * the parent's (PostgreSQL manual, CREATE INDEX: "fillfactor ... B-trees ... default is 90";
     * pg_class.reloptions holds it, pg_inherits the attachment), and every search answers as before.
     * The week of the contract's receipts (2026-11-19 .. 2026-11-26; weeks start on Thursdays) closes
     * a day after it ends.
     */
    @Test
    void a_closed_week_has_its_indexes_rebuilt_full_and_is_searched_as_before() throws Exception {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String indexes = """
                SELECT c.relname, COALESCE(array_to_string(c.reloptions, ','), '') AS options,
                    EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid) AS attached
                FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                WHERE x.indrelid = 'delivery_event_w2968'::regclass AND NOT x.indisunique""";
        assertThat(jdbc.queryForList(indexes)).hasSize(5).allSatisfy(row -> assertThat(row.get("options")).isEqualTo(""));

        assertThat(store.packClosedWeeks(Instant.parse("2026-11-26T23:00:00Z").toEpochMilli())).as("not a day after its end yet").isZero();
        assertThat(store.packClosedWeeks(Instant.parse("2026-11-27T00:00:00Z").toEpochMilli())).isEqualTo(1);

        assertThat(jdbc.queryForList(indexes)).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("options")).isEqualTo("fillfactor=100");
            assertThat(row.get("attached")).isEqualTo(true);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'delivery_event_w2968'::regclass", Long.class))
                .as("the primary key only, the range check is gone").isEqualTo(1);
        assertThat(store.packClosedWeeks(Instant.parse("2026-12-10T00:00:00Z").toEpochMilli())).as("packed once").isZero();
        everything_newest_first_with_exact_totals_and_counts_per_type();
        filters_by_type_finality_country_and_message();
        filters_by_full_number_and_by_prefix();
        time_ranges_count_whole_hours_and_the_partial_hours_at_both_edges();
        each_message_has_its_latest_state_and_timeline();
        // a receipt that still arrives for the packed week is stored and found
        a_later_receipt_updates_the_message_and_the_counts();
    }

    /**
     * Two runs may pack the same week: the hourly retention run and a direct {@code packWeek}, or a
     * console retrying a week another one has just finished. Both end without an error, the week is
     * packed once, and a later run finds nothing to do.
     */
    @Test
    void packing_a_week_twice_at_once_and_again_afterwards_packs_it_once_without_an_error() throws Exception {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long week = 2968;
        var first = CompletableFuture.supplyAsync(() -> store.packWeek(week));
        var second = CompletableFuture.supplyAsync(() -> store.packWeek(week));
        assertThat(first.get(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(120, TimeUnit.SECONDS)).isTrue();
        assertThat(store.packWeek(week)).as("a week packed already").isTrue();
        assertThat(jdbc.queryForList("""
                SELECT c.relname, COALESCE(array_to_string(c.reloptions, ','), '') AS options,
                    EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid) AS attached
                FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                WHERE x.indrelid = 'delivery_event_w2968'::regclass AND NOT x.indisunique""")).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("options")).isEqualTo("fillfactor=100");
            assertThat(row.get("attached")).isEqualTo(true);
        });
        assertThat(jdbc.queryForObject("SELECT delivery_week_packed(2968)", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'delivery_event_w2968'::regclass", Long.class))
                .as("the primary key only").isEqualTo(1);
        everything_newest_first_with_exact_totals_and_counts_per_type();
    }

    /**
     * The key range of a week's partition, in the database's one definition, is the range the
     * console computes for the week's first and last millisecond (EventKeys), and the range the
     * partition was created with.
     */
    @Test
    void the_database_and_the_console_agree_on_a_weeks_key_range() {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        long week = 2968;
        var range = jdbc.queryForMap("SELECT from_key, to_key FROM delivery_week_key_range(2968)");
        assertThat(range.get("from_key")).isEqualTo(EventKeys.lowest(week * DeliveryStore.PARTITION_MILLIS));
        assertThat(range.get("to_key")).isEqualTo(EventKeys.lowest((week + 1) * DeliveryStore.PARTITION_MILLIS));
        assertThat(jdbc.queryForObject("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'delivery_event_w2968'", String.class))
                .isEqualTo("FOR VALUES FROM ('" + range.get("from_key") + "') TO ('" + range.get("to_key") + "')");
    }

    /** With {@code app.delivery.read-datasource.url} set, searches read there and nowhere else (README, "Several consoles"). */
    @Test
    void searches_read_from_the_read_datasource_when_one_is_configured() {
        var server = PostgresTestServer.get();
        String replicaUrl = server.createDatabase("replica");
        DataSource replica = server.dataSource(replicaUrl);
        Flyway.configure().dataSource(replica).locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        new DeliveryStore(replica, new DataSourceTransactionManager(replica)).store("group",
                List.of(receipt("REPLICA-ONLY", "+14255550077", "US", "TEXT_DELIVERED", true, 0)), List.of(), T0.toEpochMilli(), 0, T0.toEpochMilli());
        var environment = new MockEnvironment().withProperty("app.delivery.read-datasource.url", replicaUrl)
                .withProperty("app.delivery.read-datasource.username", server.user())
                .withProperty("app.delivery.read-datasource.password", server.password());

        var onReplica = new DeliveryQueries(dataSource, environment);

        assertThat(onReplica.message("REPLICA-ONLY")).isPresent();
        assertThat(onReplica.message("M1")).as("a message only the primary holds").isEmpty();
        assertThat(queries.message("M1")).isPresent();
        assertThat(new DeliveryQueries(dataSource, new MockEnvironment()).message("M1")).as("unset: the primary").isPresent();
    }
}
