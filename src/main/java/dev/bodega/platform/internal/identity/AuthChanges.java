package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.db.DatabaseEndpoint;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens on the channel {@code bodega_auth} (V191), on a connection of its own, and counts the changes announced
 * there. Memory that depends on who may do what (the API keys) is trusted only while this listens: {@link #epoch()}
 * is -1 whenever the connection is down, and moves on every change and every reconnection.
 */
@Component
class AuthChanges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuthChanges.class);
    private static final int POLL_MILLIS = 250;

    private final DatabaseEndpoint endpoint;
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean listening;
    private volatile Thread thread;

    AuthChanges(DatabaseEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** A number that differs after any change; -1 while changes could go unheard. */
    long epoch() {
        return listening ? changes.get() : -1;
    }

    /**
     * For a change to who may do what in the current transaction: this server's memory is stale from its commit on,
     * without waiting to hear the announcement (other servers hear it within a moment).
     */
    void madeHere() {
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
