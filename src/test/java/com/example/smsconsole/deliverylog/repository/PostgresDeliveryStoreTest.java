package com.example.smsconsole.deliverylog.repository;

import com.example.smsconsole.support.PostgresTestServer;
import javax.sql.DataSource;

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
}
