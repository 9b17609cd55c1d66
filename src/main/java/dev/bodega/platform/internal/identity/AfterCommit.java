package dev.bodega.platform.internal.identity;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Effects outside the database (ending sessions) that must happen only if the change they follow committed. */
final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} after the current transaction commits, or at once when there is none. */
    static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
