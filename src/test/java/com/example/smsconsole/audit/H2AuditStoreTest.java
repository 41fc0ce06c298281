package com.example.smsconsole.audit;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The audit store on H2 in PostgreSQL mode, as the console uses it by default. */
class H2AuditStoreTest extends AuditStoreContract {

    @Override
    DataSource freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
