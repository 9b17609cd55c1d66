package dev.bodega.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The primary's pool, and a read replica's for reports: a connection taken while a {@link dev.bodega.platform.Reporting}
 * transaction begins comes from the replica when it is fresh enough, from the primary otherwise (and always for
 * everything else). The replica's connections are read-only sessions, and the replica refuses writes itself.
 * Tenant context and row-level security are the transaction manager's, the same on either.
 */
class ReportingDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private final HikariDataSource replica;
    private final ReplicaLag lag;
    private final AtomicLong servedByReplica = new AtomicLong();
    private final AtomicLong servedByPrimary = new AtomicLong();

    ReportingDataSource(HikariDataSource primary, HikariDataSource replica, ReplicaLag lag) {
        super(primary);
        this.replica = replica;
        this.lag = lag;
    }

    /** Marks the connections taken on this thread until closed as a report's. */
    static Marked reporting() {
        REPORTING.set(Boolean.TRUE);
        return REPORTING::remove;
    }

    interface Marked extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (REPORTING.get() == null) {
            return super.getConnection();
        }
        if (lag.fresh()) {
            try {
                Connection connection = replica.getConnection();
                servedByReplica.incrementAndGet();
                return connection;
            } catch (SQLException e) {
                lag.down();
            }
        }
        servedByPrimary.incrementAndGet();
        return super.getConnection();
    }

    ReplicaLag lag() {
        return lag;
    }

    /** Report transactions begun on the replica so far. */
    long servedByReplica() {
        return servedByReplica.get();
    }

    /** Report transactions begun on the primary so far, the replica being behind or down. */
    long servedByPrimary() {
        return servedByPrimary.get();
    }

    @Override
    public void close() {
        try {
            replica.close();
        } finally {
            ((HikariDataSource) obtainTargetDataSource()).close();
        }
    }
}
