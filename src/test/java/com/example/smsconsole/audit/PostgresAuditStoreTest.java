package com.example.smsconsole.audit;

import com.example.smsconsole.support.PostgresTestServer;
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
