package dev.bodega.sales.internal.cash;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the cash API answers and the cash pages show. */
final class CashViews {

    private CashViews() {
    }

    /** A session; the closing fields are null while it is open. */
    record Session(UUID id, long number, UUID locationId, String locationName, String status, String currency,
                   BigDecimal openingFloat, String openingNote, UUID openedBy, String openedByName, Instant openedAt,
                   UUID closedBy, String closedByName, Instant closedAt, String closingNote, BigDecimal expectedCash,
                   BigDecimal countedCash, BigDecimal difference) {

        public boolean open() {
            return status.equals("open");
        }
    }

    /** in, out (cash, with a reason), or a refund paid while the session was open: return or cancellation. */
    record Movement(UUID id, String kind, String method, BigDecimal amount, String reason, UUID saleId, UUID returnId,
                    String userName, Instant createdAt) {
    }

    record Count(BigDecimal denomination, int quantity, BigDecimal amount) {
    }

    /** How many documents and how much, for one payment method. */
    record MethodTotal(String method, long count, BigDecimal amount) {
    }

    /** A session with its movements and, once closed, its count. */
    record Detail(Session session, List<Movement> movements, List<Count> counts) {
    }

    /**
     * The Z report: what the session sold (its sales, each counted once however it ended later) and took by
     * payment method, what it refunded, its cash movements, and the drawer: expected = float + cash takings + cash
     * in − cash out − cash refunds; counted and difference once closed (an open session's figures so far: an X report).
     */
    record ZReport(Session session, long salesCount, BigDecimal salesTotal, BigDecimal discounts, BigDecimal taxes,
                   List<MethodTotal> payments, long returnsCount, List<MethodTotal> returns, long cancellationsCount,
                   List<MethodTotal> cancellations, BigDecimal cashSales, BigDecimal cashIn, BigDecimal cashOut,
                   BigDecimal cashRefunds, BigDecimal expectedCash, BigDecimal countedCash, BigDecimal difference,
                   List<Movement> movements, List<Count> counts) {
    }
}
