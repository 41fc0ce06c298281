package com.example.smsconsole.deliverylog.repository;

import com.example.smsconsole.support.PostgresTestServer;
import javax.sql.DataSource;

/** Searches against a plain reading, on a real PostgreSQL server started by the test run. */
class PostgresDeliverySearchModelTest extends DeliverySearchModelContract {

    @Override
    DataSource freshDatabase() {
        var server = PostgresTestServer.get();
        return server.dataSource(server.createDatabase("search"));
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
