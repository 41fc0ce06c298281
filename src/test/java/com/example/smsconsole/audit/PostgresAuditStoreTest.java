package com.example.smsconsole.audit;

import com.example.smsconsole.support.PostgresTestServer;
import javax.sql.DataSource;

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
}
