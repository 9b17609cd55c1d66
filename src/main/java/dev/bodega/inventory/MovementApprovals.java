package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Approvals for any movement (seed 004 transaction_approvals): the company's rules (movement type, value above
 * a threshold, location) decide which postings wait. A waiting posting keeps the lines it would post and posts
 * through {@link StockPostings} only when another user approves it; {@link MovementDecided} tells its document.
 */
public interface MovementApprovals {

    /** The posting made at once ({@code posted}), or the approval it waits in ({@code approvalId}). */
    record Outcome(StockPostings.Posted posted, UUID approvalId) {
        public boolean waiting() {
            return approvalId != null;
        }
    }

    /** Whether a posting of this type, at this location, worth this much (|quantity| x unit cost) must wait. */
    boolean requiresApproval(MovementType type, UUID locationId, BigDecimal value);

    /** Posts at once, or keeps the posting waiting when a rule asks for approval. Joins the caller's transaction. */
    Outcome submit(StockPostings.Posting posting);

    /**
     * Whether the rules would hold this posting back (its movement types, locations and value, as {@link #submit}
     * judges them), without posting or keeping anything.
     */
    boolean requiresApproval(StockPostings.Posting posting);

    /**
     * Keeps the posting waiting for approval whatever the rules say: for a document whose other half, made
     * elsewhere when it is approved, is what the rules hold back. Returns the approval's id.
     */
    UUID hold(StockPostings.Posting posting);
}
