package dev.bodega.inventory;

import java.time.Instant;

/**
 * Dates the postings of the current transaction in the past, for data that describes the past (the demo company's
 * history), as other modules' {@code at} parameters date their documents. Until the transaction ends; a posting
 * without it is dated now.
 */
public interface PostingDates {

    void postAt(Instant at);
}
