package dev.bodega.platform.internal.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Updates the current company's row in {@code tenants} and records the change in its audit log in the same statement:
 * tenants is global (a Citus reference table) and has no trigger (V195). The row is locked first, so the old values
 * recorded are the ones replaced. The statement is bound to {@code :id}; the caller adds the rest of its parameters.
 */
public final class TenantRowChanges {

    private TenantRowChanges() {
    }

    /** {@code UPDATE tenants SET assignments WHERE id = :id}; selects one row per change made, none if none. */
    public static JdbcClient.StatementSpec update(JdbcClient jdbc, String assignments) {
        return update(jdbc, assignments, null, null);
    }

    /**
     * As {@link #update(JdbcClient, String)}, changing the row only where {@code condition} (null: always) also holds,
     * and selecting the changed row's {@code columns} (null: none) after the audit call.
     */
    public static JdbcClient.StatementSpec update(JdbcClient jdbc, String assignments, String condition,
                                                  String columns) {
        return jdbc.sql("WITH before AS (SELECT to_jsonb(t) AS old_row FROM tenants t WHERE t.id = :id FOR UPDATE),\n"
                + "     changed AS (UPDATE tenants SET " + assignments
                + " WHERE id = :id" + (condition == null ? "" : " AND " + condition) + " RETURNING tenants.*)\n"
                + "SELECT audit_tenant_change('UPDATE', before.old_row, to_jsonb(changed))"
                + (columns == null ? "" : ", " + columns) + " FROM before, changed");
    }
}
