package com.example.smsconsole.deliverylog.repository;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The delivery store on H2 in PostgreSQL mode. */
class H2DeliveryStoreTest extends DeliveryStoreContract {

    @Override
    DataSource freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
