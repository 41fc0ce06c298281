package com.example.smsconsole.deliverylog.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * With the console's H2 URL (WRITE_DELAY=0) H2 runs no background writer, which is what frees
 * old chunks of its file (H2 2.4.240: MVStore.setAutoCommitDelay, "0 to disable"), so a file that
 * takes many commits holds mostly dead chunks until something compacts it.
 */
class H2FileCompactionTest {

    @TempDir
    Path dir;

    @Test
    void a_file_of_mostly_old_chunks_is_compacted_and_keeps_every_receipt() throws Exception {
        var ds = new JdbcDataSource();
        // the URL of application.properties, in a temporary folder
        ds.setURL("jdbc:h2:file:" + dir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        ds.setUser("sa");
        try (var keepOpen = ds.getConnection()) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
            var store = new DeliveryStore(ds, new DataSourceTransactionManager(ds));
            // 20,000 receipts in 200 commits, as ingestion stores pages
            for (int batch = 0; batch < 200; batch++) {
                List<DeliveryStore.Receipt> receipts = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = batch * 100 + i;
                    receipts.add(DeliveryStoreContract.receipt("C" + n, "+1425555" + String.format("%04d", n % 10_000), "US", "TEXT_DELIVERED", true, n));
                }
                store.store("group", receipts, List.of(), 0, 0, 0);
            }
            Path file = dir.resolve("console.mv.db");
            long before = Files.size(file);

            DeliveryStore.Compacted compacted = store.compactH2File(60_000);

            assertThat(compacted).isNotNull();
            assertThat(compacted.livePercentBefore()).isLessThan(70);
            assertThat(compacted.livePercentAfter()).isGreaterThan(compacted.livePercentBefore());
            assertThat(Files.size(file)).isLessThan(before);
            assertThat(new DeliveryQueries(ds).countEvents(DeliveryStoreContract.all())).isEqualTo(20_000);
            assertThat(store.compactH2File(60_000)).as("nothing to do right after").satisfies(again ->
                    assertThat(again.bytesAfter()).isEqualTo(again.bytesBefore()));
        }
    }
}
