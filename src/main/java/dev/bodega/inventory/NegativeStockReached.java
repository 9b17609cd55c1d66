package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A posting took a level below zero, which the company allows (seed 004: negative inventory with warnings).
 * Raised in the posting's transaction, once per level and posting.
 */
public record NegativeStockReached(UUID tenantId, UUID locationId, UUID itemId, String sku, BigDecimal onHand) {
}
