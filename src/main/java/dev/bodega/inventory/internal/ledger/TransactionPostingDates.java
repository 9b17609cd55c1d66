package dev.bodega.inventory.internal.ledger;

import dev.bodega.platform.TransactionSettings;
import dev.bodega.inventory.PostingDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** {@link PostingDates} as the transaction-local setting the ledger's dates default to (V153). */
@Service
class TransactionPostingDates implements PostingDates {

    private final JdbcClient jdbc;

    TransactionPostingDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void postAt(Instant at) {
        TransactionSettings.setLocal(jdbc, "app.posted_at", at);
    }
}
