package dev.bodega.inventory;

import org.springframework.web.ErrorResponseException;
import io.swagger.v3.oas.annotations.media.Schema;

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

    /**
     * Something the posting did that a person should know although it was allowed; today only
     * {@code negative-stock}: the company allows negative stock and this level went below zero.
     */
    @Schema(description = "A posting allowed with a warning: code negative-stock when a level went below zero "
            + "(the company allows negative stock); the item, its SKU, the location and the stock on hand after it")
    record Warning(String code, UUID itemId, String sku, UUID locationId, BigDecimal onHand) {
        public static final String NEGATIVE_STOCK = "negative-stock";
    }

    /** {@code warnings} is empty unless the posting took a level below zero. */
    record Posted(UUID postingId, Instant postedAt, List<Entry> entries, List<Warning> warnings) {
    }

    Posted post(Posting posting);

    /** A posting made on behalf of a user, one of many in a {@link #decideEach batch}. */
    record ByUser(UUID userId, Posting posting) {
    }

    /**
     * Many postings at once, for a group commit: every level they touch is locked in one sorted statement (so
     * batches never deadlock with each other or with {@link #post}), then each posting is decided in order
     * against the locked quantities: one that fits counts against the stock, one that does not is refused
     * alone (the problem {@link #post} would raise) and takes nothing. Nothing is written until
     * {@link Decided#post}. Joins the caller's transaction, which must hold one tenant.
     */
    Decided decideEach(List<ByUser> postings);

    interface Decided {

        /** Each posting's refusal, in the order given; null where the posting fits. */
        List<ErrorResponseException> refusals();

        /**
         * Writes the postings at {@code kept} (indexes of postings that fit; leaving some out only frees
         * stock), all in one statement, and returns what each posted, in the same order.
         */
        List<Posted> post(List<Integer> kept);
    }
}
