package dev.bodega.platform.internal.db;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Hikari takes SQLSTATE 0A000 (feature not supported) for a broken connection and closes it, so the rollback that
 * follows fails and hides the refusal behind "JDBC rollback failed". PostgreSQL and Citus use 0A000 for a statement
 * they refuse on a healthy connection; the connection stays.
 */
public class RefusalKeepsConnection implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return "0A000".equals(e.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}
