package dev.bodega.inventory;

import java.util.UUID;

/**
 * A waiting posting was approved (and posted: {@code postingId}) or rejected (with {@code note} saying why).
 * Raised in the decision's transaction, so the document the posting came from changes with it.
 */
public record MovementDecided(UUID approvalId, String documentType, UUID documentId, boolean approved,
                              UUID postingId, UUID requestedBy, UUID decidedBy, String note) {
}
