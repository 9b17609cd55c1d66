package dev.bodega.platform.internal.backup;

import dev.bodega.platform.TransactionSettings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One transaction on the owner's connection, inside one company: row-level security still applies (the tables force
 * it), and the owner may read and write every table of every module, which a backup needs. Text is written and read
 * in UTC and ISO dates, so a file means the same on any server.
 */
final class OwnerSession implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Connection connection;
    private final UUID tenant;
    final JdbcClient jdbc;

    private OwnerSession(Connection connection, UUID tenant) {
        this.connection = connection;
        this.tenant = tenant;
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** A read-only snapshot: every table read as of one moment. */
    static OwnerSession snapshot(DataSource owner, UUID tenant) throws SQLException {
        return open(owner, tenant, true);
    }

    static OwnerSession writing(DataSource owner, UUID tenant) throws SQLException {
        return open(owner, tenant, false);
    }

    private static OwnerSession open(DataSource owner, UUID tenant, boolean readOnly) throws SQLException {
        Connection connection = owner.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(readOnly);
            OwnerSession session = new OwnerSession(connection, tenant);
            session.jdbc.sql(session.settings()).update();
            return session;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** SET LOCAL, which Citus passes on to its workers (see TransactionSettings), where the company's rows are. */
    private String settings() {
        boolean citus = jdbc.sql("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus')")
                .query(Boolean.class).single();
        Map<String, String> settings = new LinkedHashMap<>();
        if (citus) {
            settings.put("citus.propagate_set_commands", "local");
        }
        settings.put("app.tenant_id", tenant.toString());
        settings.put("timezone", "UTC");
        settings.put("datestyle", "ISO, YMD");
        settings.put("intervalstyle", "postgres");
        settings.put("extra_float_digits", "3");
        return TransactionSettings.sql(settings);
    }

    UUID tenant() {
        return tenant;
    }

    CopyManager copy() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    void commit() throws SQLException {
        connection.commit();
    }

    static String quoted(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a plain identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
