package dev.bodega.sales.internal.selling;

import java.sql.Timestamp;
import java.time.Instant;

/** Request values as the sales tables keep them. */
final class Values {

    private Values() {
    }

    /** An optional instant ({@code null}: now, left to the statement) as a statement parameter. */
    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
