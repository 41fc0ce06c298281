package com.example.smsconsole.audit.repository;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger that refuses every UPDATE and DELETE on {@code audit_entry} (see migration V2). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is not allowed", "42000");
    }
}
