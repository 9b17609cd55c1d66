package dev.bodega.inventory.internal.ledger;

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
        jdbc.sql("SELECT set_config('app.posted_at', :at, true)").param("at", at.toString()).query(String.class)
                .single();
    }
}
