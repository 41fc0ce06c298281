package com.example.smsconsole.deliverylog.repository;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Searches against a plain reading, on H2 in PostgreSQL mode. */
class H2DeliverySearchModelTest extends DeliverySearchModelContract {

    @Override
    DataSource freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:search-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
