package com.example.smsconsole.audit.repository;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger that refuses every UPDATE and DELETE on {@code audit_entry} and {@code audit_word} (see migrations V2, V40). */
public class AppendOnlyTrigger implements Trigger {

    private String table = "audit_entry";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed", "42000");
    }
}
