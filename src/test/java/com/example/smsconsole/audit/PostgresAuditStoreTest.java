package com.example.smsconsole.audit;

import com.example.smsconsole.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit store on a real PostgreSQL server started by the test run. */
class PostgresAuditStoreTest extends AuditStoreContract {

    @Override
    DataSource freshDatabase() {
        var server = PostgresTestServer.get();
        return server.dataSource(server.createDatabase("audit"));
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @Override
    String wordKeyIndex(JdbcClient owner) {
        return owner.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_word' AND indexdef LIKE '%(word, entry_id)'")
                .query(String.class).single();
    }

    /**
     * A test database holds a few hundred rows, where reading the whole table is cheaper than the
     * index and the planner rightly prefers it; with sequential scans priced out (for this
     * transaction only) the plan shows whether the search can use the index at all. A search the
     * index cannot serve (a collation other than "C", a pattern not anchored at the start) still
     * plans a sequential scan then, and fails the check.
     */
    @Override
    void beforeExplain(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("SET LOCAL enable_seqscan = off");
        }
    }

    @Override
    void asOwnerBypassingTriggers(JdbcClient owner, String... statements) {
        owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        owner.sql("ALTER TABLE audit_word DISABLE TRIGGER USER").update();
        for (String statement : statements) {
            owner.sql(statement).update();
        }
        owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        owner.sql("ALTER TABLE audit_word ENABLE TRIGGER USER").update();
    }
}
