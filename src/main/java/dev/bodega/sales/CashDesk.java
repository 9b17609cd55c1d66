package dev.bodega.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cash sessions written by another module (the demo company's day at the till), through the service behind the
 * cash pages, as the current user. {@code at} dates a step in the past, for data that describes the past; null is
 * now.
 */
public interface CashDesk {

    /** So many bills or coins of one value. */
    record Count(BigDecimal denomination, int quantity) {
    }

    /** The bills and coins of the company's currency, largest first. */
    List<BigDecimal> denominations();

    /** Opens a session at the location with {@code openingFloat} in the drawer; returns its id. */
    UUID open(UUID locationId, BigDecimal openingFloat, String note, Instant at);

    /** Cash put in ({@code in}) or taken out ({@code out}) of an open session's drawer. */
    void move(UUID sessionId, String kind, BigDecimal amount, String reason, Instant at);

    /** What the drawer of an open session should hold now. */
    BigDecimal expectedCash(UUID sessionId);

    /** Closes the session with the count of its drawer; returns the difference (counted − expected). */
    BigDecimal close(UUID sessionId, List<Count> counts, String note, Instant at);
}
