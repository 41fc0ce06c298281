package com.example.smsconsole.audit;

import com.example.smsconsole.audit.repository.AuditEntryRepository;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The child JVM of {@link H2DurabilityTest}: commits rows one by one, says how many from the given count on, until killed. */
final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        var ds = new JdbcDataSource();
        ds.setURL(args[0]);
        ds.setUser("sa");
        int rows = Integer.parseInt(args[1]);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        var jdbc = JdbcClient.create(ds);
        var audit = new AuditEntryRepository(ds);
        for (int i = 0; ; i++) {
            audit.append(new AuditEntry(0, Instant.now(), "durability", "ADMIN", "DurabilityProbe", "row " + i, AuditOutcome.SUCCESS,
                    "req-" + i, null));
            jdbc.sql("""
                    INSERT INTO test_send (username, sent_at, destination, message_type, encoding, parts, dry_run, outcome)
                    VALUES ('durability', :at, '+14254147755', 'TRANSACTIONAL', 'GSM', 1, FALSE, 'SENT')""")
                    .param("at", Timestamp.from(Instant.now())).update();
            if (i + 1 >= rows) {
                // both rows of this round are committed; keep writing until killed
                System.out.println("COMMITTED " + (i + 1));
                System.out.flush();
            }
        }
    }
}
