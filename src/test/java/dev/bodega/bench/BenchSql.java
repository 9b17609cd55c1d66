package dev.bodega.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Set-based SQL for benchmark data, run as the superuser inside one company's context. */
final class BenchSql {

    private BenchSql() {
    }

    /** A work unit on one connection, in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    /**
     * A UUIDv7 (what {@code Ids.next()} makes) for the time {@code timestamp}: the first 48 bits are its
     * milliseconds, so generated rows sort by time like rows the application writes.
     */
    static String uuid7(String timestamp) {
        return "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing "
                + "substring(int8send((extract(epoch FROM " + timestamp + ") * 1000)::bigint) FROM 3) FROM 1 FOR 6), "
                + "52, 1), 53, 1), 'hex')::uuid";
    }

    /** Runs {@code work} in one transaction with the company set, as its triggers (audit, ledger) expect. */
    static <T> T inTenant(BenchApp app, UUID tenant, Work<T> work) throws SQLException {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // SET LOCAL, not set_config: Citus carries it to the workers, where the triggers run.
            s.execute("SET LOCAL app.tenant_id = '" + tenant + "'");
            // The location rules kept as the application keeps them (V207): a worker cannot work them out itself.
            s.execute("SELECT app_keep_location_rules()");
            T result = work.run(s);
            c.commit();
            return result;
        }
    }

    static void execute(BenchApp app, String sql) throws SQLException {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<UUID> uuids(Statement s, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** A superuser connection to another database of the same server (the seed's, pgbench's). */
    static Connection connect(BenchApp app, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + app.databasePort() + "/" + database, "postgres", "");
    }
}
