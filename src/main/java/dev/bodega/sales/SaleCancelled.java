package dev.bodega.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A sale was cancelled; a completed one had its stock put back and keeps its invoice number. */
public record SaleCancelled(UUID tenantId, UUID saleId, UUID locationId, UUID customerId, String invoice,
                            BigDecimal total, String reason, UUID cancelledBy, Instant cancelledAt) {
}
