package dev.bodega.platform.internal.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How far a streaming replica is behind its primary, checked at most once per interval and remembered in between:
 * a replica that has replayed all the WAL the primary has written is 0 s behind, one that has not is as old as the
 * last transaction it replayed. A replica that cannot be reached, or is no longer in recovery, is never fresh.
 */
class ReplicaLag {

    private static final Logger log = LoggerFactory.getLogger(ReplicaLag.class);
    private static final String REPLICA_STATE = """
            SELECT pg_is_in_recovery(), pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn()) > 0,
                   extract(epoch FROM now() - pg_last_xact_replay_timestamp())""";

    private final DataSource primary;
    private final DataSource replica;
    private final Duration maxLag;
    private final Duration checkEvery;
    private final Clock clock;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile double lagSeconds = Double.POSITIVE_INFINITY;
    private volatile Instant checkedAt = Instant.MIN;

    ReplicaLag(DataSource primary, DataSource replica, Duration maxLag, Duration checkEvery, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = maxLag;
        this.checkEvery = checkEvery;
        this.clock = clock;
    }

    /** Whether a report may read the replica now: it was within the allowed lag when last checked. */
    boolean fresh() {
        Instant now = clock.instant();
        // One thread checks; the others go by the last answer rather than wait for a replica that may be down.
        if (now.isAfter(checkedAt.plus(checkEvery)) && checking.compareAndSet(false, true)) {
            try {
                lagSeconds = measure();
                checkedAt = clock.instant();
            } finally {
                checking.set(false);
            }
        }
        return lagSeconds <= maxLag.toMillis() / 1000.0;
    }

    /** Seconds behind the primary at the last check; infinite when the replica was down. */
    double lagSeconds() {
        return lagSeconds;
    }

    /** A connection to the replica failed: it counts as down until the next check. */
    void down() {
        lagSeconds = Double.POSITIVE_INFINITY;
        checkedAt = clock.instant();
    }

    private double measure() {
        try (Connection p = primary.getConnection(); Statement s = p.createStatement();
             ResultSet written = s.executeQuery("SELECT pg_current_wal_lsn()::text");
             Connection r = replica.getConnection(); PreparedStatement q = r.prepareStatement(REPLICA_STATE)) {
            written.next();
            q.setString(1, written.getString(1));
            try (ResultSet state = q.executeQuery()) {
                state.next();
                if (!state.getBoolean(1)) {
                    log.warn("The read replica is not in recovery: reports read the primary");
                    return Double.POSITIVE_INFINITY;
                }
                boolean behind = state.getBoolean(2);
                double sinceReplay = state.getDouble(3);
                return !behind ? 0 : state.wasNull() ? Double.POSITIVE_INFINITY : sinceReplay;
            }
        } catch (SQLException e) {
            log.warn("The read replica cannot be checked, reports read the primary: {}", e.getMessage());
            return Double.POSITIVE_INFINITY;
        }
    }
}
