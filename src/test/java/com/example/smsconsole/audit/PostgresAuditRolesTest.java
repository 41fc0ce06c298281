package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.smsconsole.audit.repository.AuditEntryRepository;
import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.repository.DeliveryStore;
import com.example.smsconsole.support.PostgresTestServer;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On PostgreSQL the tables belong to the migration role and the console connects as a member of
 * {@code sms_console_app}: it reads and appends to the audit log, and every way of rewriting it is
 * refused by the server. The owner can still rewrite a row (with the triggers disabled), and the
 * chain check then names that row.
 *
 * <p>Expected refusals from the PostgreSQL manual: UPDATE, DELETE and TRUNCATE need the privilege of
 * that name (GRANT, "Privileges"); ALTER TABLE ... DISABLE TRIGGER and DROP TRIGGER need ownership of
 * the table ("You must own the table to use ALTER TABLE"); refusals carry SQLSTATE 42501
 * insufficient_privilege (Appendix A).
 */
class PostgresAuditRolesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    JdbcClient owner;
    JdbcClient console;
    AuditEntryRepository consoleLog;
    PGSimpleDataSource ownerDataSource;
    PGSimpleDataSource consoleDataSource;
    String ownerRole;

    @BeforeEach
    void databaseOwnedByTheMigrationRole() {
        var server = PostgresTestServer.get();
        String url = server.createDatabase("auditroles");
        String suffix = Long.toString(ProcessHandle.current().pid());
        ownerRole = "audit_owner_" + suffix;
        String consoleRole = "audit_console_" + suffix;
        var admin = JdbcClient.create(server.dataSource(url));
        admin.sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sms_console_app') THEN CREATE ROLE sms_console_app NOLOGIN; END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s LOGIN PASSWORD 'owner'; END IF;
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%2$s') THEN
                    CREATE ROLE %2$s LOGIN PASSWORD 'console' IN ROLE sms_console_app;
                  END IF;
                END $$""".formatted(ownerRole, consoleRole)).update();
        String database = url.substring(url.lastIndexOf('/') + 1);
        admin.sql("ALTER DATABASE " + database + " OWNER TO " + ownerRole).update();
        admin.sql("ALTER SCHEMA public OWNER TO " + ownerRole).update();

        PGSimpleDataSource ownerDs = as(server, url, ownerRole, "owner");
        Flyway.configure().dataSource(ownerDs).locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        owner = JdbcClient.create(ownerDs);
        ownerDataSource = ownerDs;
        PGSimpleDataSource consoleDs = as(server, url, consoleRole, "console");
        console = JdbcClient.create(consoleDs);
        consoleDataSource = consoleDs;
        consoleLog = new AuditEntryRepository(consoleDs);
    }

    private static PGSimpleDataSource as(PostgresTestServer server, String url, String user, String password) {
        PGSimpleDataSource ds = server.dataSource(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    @Test
    void the_console_role_reads_and_appends_but_cannot_rewrite_the_log() {
        AuditEntry written = consoleLog.append(new AuditEntry(0, Instant.parse("2026-12-02T09:00:00Z"), "admin", "ADMIN",
                "DeleteRegistration", "registration-1", AuditOutcome.SUCCESS, "req-1", "status DELETED"));
        assertThat(consoleLog.find(AuditFilter.empty().withText("registration-1"), 0, 10)).hasSize(1);
        assertThat(consoleLog.verifyChain().intact()).isTrue();

        for (String statement : new String[] {
                "UPDATE audit_entry SET outcome = 'FAILURE' WHERE id = " + written.id(),
                "DELETE FROM audit_entry WHERE id = " + written.id(),
                "TRUNCATE TABLE audit_entry",
                "TRUNCATE TABLE audit_word",
                "DELETE FROM audit_word",
                "ALTER TABLE audit_entry DISABLE TRIGGER USER",
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete",
                "DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry",
                "DROP TABLE audit_word"}) {
            assertThatThrownBy(() -> console.sql(statement).update()).as(statement)
                    .satisfies(e -> assertThat(sqlState(e)).as(statement).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
        assertThat(consoleLog.count(AuditFilter.empty())).isEqualTo(1);
        assertThat(consoleLog.connectedRoleMayRewrite()).isFalse();
        assertThat(new AuditEntryRepository(ownerDataSource).connectedRoleMayRewrite()).as("the owner, warned about at start").isTrue();
    }

    @Test
    void the_console_role_still_reads_and_writes_its_other_tables() {
        console.sql("""
                INSERT INTO test_send (username, sent_at, destination, message_type, encoding, parts, dry_run, outcome)
                VALUES ('qa', :at, '+14254147755', 'TRANSACTIONAL', 'GSM', 1, FALSE, 'SENT')""")
                .param("at", Timestamp.from(Instant.now())).update();
        assertThat(console.sql("SELECT COUNT(*) FROM test_send").query(Long.class).single()).isEqualTo(1);
        assertThat(console.sql("DELETE FROM test_send").update()).isEqualTo(1);
    }

    /**
     * The console adds a partition for each new week of receipts and retention drops whole weeks
     * (V31); a role that owns no table may do neither by itself (CREATE TABLE ... PARTITION OF needs
     * ownership of the parent and CREATE on the schema), so it goes through the owner's functions.
     */
    @Test
    void the_console_role_stores_receipts_in_new_weekly_partitions_and_retention_drops_them() {
        var store = new DeliveryStore(consoleDataSource, new DataSourceTransactionManager(consoleDataSource));
        // 2026-11-20 and 2026-11-30 fall in different weeks (weeks start on Thursdays: 1970-01-01 was one)
        Instant first = Instant.parse("2026-11-20T10:00:00Z");
        Instant later = first.plus(Duration.ofDays(10));
        var result = store.store("group", List.of(receipt("M1", first), receipt("M2", later)), List.of(), later.toEpochMilli(), 0,
                later.toEpochMilli());
        assertThat(result.inserted()).isEqualTo(2);
        assertThat(owner.sql("""
                SELECT pg_get_userbyid(c.relowner) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('delivery_event', 'delivery_event_raw')""").query(String.class).list())
                .as("a partition per week and table, owned like its parent").hasSize(4).containsOnly(ownerRole);

        var purged = store.purgeBefore(Instant.parse("2026-11-27T00:00:00Z").toEpochMilli(), 100);

        assertThat(purged.partitionsDropped()).isEqualTo(1);
        assertThat(console.sql("SELECT message_id FROM delivery_event").query(String.class).list()).containsExactly("M2");
        assertThatThrownBy(() -> console.sql("DROP TABLE delivery_event_raw").update())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    /**
     * Rebuilding a closed week's indexes creates and drops indexes and detaches and attaches the
     * partition, which need ownership of the tables (manual, CREATE INDEX and ALTER TABLE); the
     * console's role goes through the owner's functions (V67), and the indexes stay the owner's.
     */
    @Test
    void the_console_role_rebuilds_a_closed_weeks_indexes_through_the_owners_functions() {
        var store = new DeliveryStore(consoleDataSource, new DataSourceTransactionManager(consoleDataSource));
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        store.store("group", List.of(receipt("M1", at)), List.of(), at.toEpochMilli(), 0, at.toEpochMilli());

        assertThat(store.packClosedWeeks(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli())).isEqualTo(1);

        assertThat(owner.sql("""
                SELECT pg_get_userbyid(c.relowner) || ' ' || array_to_string(c.reloptions, ',') FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                WHERE x.indrelid = 'delivery_event_w2968'::regclass AND NOT x.indisunique""").query(String.class).list())
                .hasSize(5).containsOnly(ownerRole + " fillfactor=100");
        assertThat(console.sql("SELECT message_id FROM delivery_event WHERE event_type = 'TEXT_DELIVERED'").query(String.class).list())
                .containsExactly("M1");
        assertThatThrownBy(() -> console.sql("CREATE INDEX by_console ON delivery_event_w2968 (event_id)").update())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static DeliveryStore.Receipt receipt(String message, Instant at) {
        var event = new DeliveryEvent("id-" + message, at, at, "TEXT_DELIVERED", message, "+14255550009", "+12065550142", null, "US", null, null,
                null, null, 1, null, null, true, null, null, null, "stream");
        return new DeliveryStore.Receipt(event, "{}", at.toEpochMilli());
    }

    @Test
    void a_row_the_owner_rewrites_is_named_by_the_chain_check() {
        AuditEntry first = consoleLog.append(new AuditEntry(0, Instant.parse("2026-12-02T09:00:00Z"), "admin", "ADMIN",
                "PutOptedOutNumber", "+14254147755", AuditOutcome.SUCCESS, "req-1", null));
        AuditEntry second = consoleLog.append(new AuditEntry(0, Instant.parse("2026-12-02T09:01:00Z"), "admin", "ADMIN",
                "DeleteOptedOutNumber", "+14254147755", AuditOutcome.SUCCESS, "req-2", null));

        owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        owner.sql("UPDATE audit_entry SET actor = 'nobody' WHERE id = " + second.id()).update();
        owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();

        ChainReport report = consoleLog.verifyChain();
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtId()).isEqualTo(second.id()).isNotEqualTo(first.id());
        assertThat(report.brokenAtTime()).isEqualTo(Instant.parse("2026-12-02T09:01:00Z"));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none: " + e;
    }
}
