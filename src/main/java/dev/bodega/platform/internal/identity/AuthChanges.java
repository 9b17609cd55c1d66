package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.db.DatabaseEndpoint;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Announces changes to who may do what on the channel {@code bodega_auth}, and listens there on a connection of its
 * own, counting the changes announced. The announcement is sent by the transaction that makes the change
 * ({@link #madeHere()}), not by a trigger: on Citus a trigger runs on a worker, where no server listens (V215).
 * Memory that depends on who may do what (the API keys) is trusted only while this listens: {@link #epoch()} is -1
 * whenever the connection is down, and moves on every change and every reconnection.
 */
@Component
public class AuthChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuthChanges.class);
    private static final int POLL_MILLIS = 250;

    private final DatabaseEndpoint endpoint;
    private final JdbcClient jdbc;
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean listening;
    private volatile Thread thread;

    AuthChanges(DatabaseEndpoint endpoint, JdbcClient jdbc) {
        this.endpoint = endpoint;
        this.jdbc = jdbc;
    }

    /** A number that differs after any change; -1 while changes could go unheard. */
    long epoch() {
        return listening ? changes.get() : -1;
    }

    /**
     * For a change to who may do what (a key, a user's standing or roles, a role's permissions) in the current
     * transaction: announces it to every server at its commit, and this server's memory is stale from its commit on,
     * without waiting to hear its own announcement.
     */
    public void madeHere() {
        jdbc.sql("SELECT pg_notify('bodega_auth', '')").query(row -> { });
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            changes.incrementAndGet();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                changes.incrementAndGet();
            }
        });
    }

    @Override
    public void start() {
        Thread listener = new Thread(this::listen, "auth-changes");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void listen() {
        while (thread != null) {
            try (Connection connection = DriverManager.getConnection(endpoint.url(), endpoint.appUser(),
                    endpoint.appPassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN bodega_auth");
                }
                changes.incrementAndGet();
                listening = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (thread != null) {
                    if (notifications.getNotifications(POLL_MILLIS).length > 0) {
                        changes.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                if (thread != null) {
                    log.warn("Not listening for changes to API keys and roles; keys are read from the database until it is back: {}",
                            e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
