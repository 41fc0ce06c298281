package com.example.smsconsole.audit;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    @Override
    String wordKeyIndex(JdbcClient owner) {
        return owner.sql("SELECT index_name FROM information_schema.indexes WHERE table_name = 'audit_word' AND index_type_name = 'PRIMARY KEY'")
                .query(String.class).single();
    }

    @Override
    void asOwnerBypassingTriggers(JdbcClient owner, String... statements) {
        List<String> triggers = List.of("audit_entry_no_update ON audit_entry BEFORE UPDATE", "audit_entry_no_delete ON audit_entry BEFORE DELETE",
                "audit_word_no_update ON audit_word BEFORE UPDATE", "audit_word_no_delete ON audit_word BEFORE DELETE");
        for (String t : triggers) {
            owner.sql("DROP TRIGGER " + t.substring(0, t.indexOf(' '))).update();
        }
        for (String statement : statements) {
            owner.sql(statement).update();
        }
        for (String t : triggers) {
            String[] p = t.split(" ");
            owner.sql("CREATE TRIGGER " + p[0] + " " + p[3] + " " + p[4] + " ON " + p[2]
                    + " FOR EACH ROW CALL 'com.example.smsconsole.audit.repository.AppendOnlyTrigger'").update();
        }
    }
}
