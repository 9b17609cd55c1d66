package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/** A stock level went from above its minimum to at or below it. Raised once per crossing. */
public record LowStockReached(UUID tenantId, UUID locationId, UUID itemId, BigDecimal onHand) {
}
