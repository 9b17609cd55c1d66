package dev.bodega.sales;

import dev.bodega.platform.BusinessEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A sale was cancelled; a completed one had its stock put back and keeps its invoice number. A business event:
 * recorded in business_events in the same transaction (the outbox).
 */
public record SaleCancelled(UUID tenantId, UUID saleId, UUID locationId, UUID customerId, String invoice,
                            BigDecimal total, String reason, UUID cancelledBy, Instant cancelledAt) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return saleId;
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
