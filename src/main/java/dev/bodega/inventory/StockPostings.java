package dev.bodega.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one way to change stock. A posting's lines are merged per (location,
 * item, movement) and applied in a fixed order, so concurrent postings never
 * deadlock; a line that would take stock below zero (unless the tenant allows
 * it) refuses the whole posting with a 409 problem {@code insufficient-stock}.
 * Joins the caller's transaction: a sale and its stock issue commit together.
 */
public interface StockPostings {

    /** One movement: a positive quantity adds stock, a negative one removes it. */
    record Line(UUID locationId, UUID itemId, MovementType movementType, BigDecimal quantity, BigDecimal unitCost) {
        public static Line in(UUID locationId, UUID itemId, MovementType type, BigDecimal quantity, BigDecimal unitCost) {
            return new Line(locationId, itemId, type, quantity, unitCost);
        }

        public static Line out(UUID locationId, UUID itemId, MovementType type, BigDecimal quantity) {
            return new Line(locationId, itemId, type, quantity.negate(), null);
        }
    }

    /** What the stock moved for: the document (type and id), a reason code and a note. */
    record Posting(String kind, String documentType, UUID documentId, String reason, String note, List<Line> lines) {
    }

    record Entry(UUID id, UUID locationId, UUID itemId, MovementType movementType, BigDecimal quantity,
                 BigDecimal onHandBefore, BigDecimal onHandAfter, BigDecimal unitCost, boolean crossedBelowMinimum) {
    }

    record Posted(UUID postingId, Instant postedAt, List<Entry> entries) {
    }

    Posted post(Posting posting);
}
