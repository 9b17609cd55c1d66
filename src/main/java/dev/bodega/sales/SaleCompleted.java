package dev.bodega.sales;

import dev.bodega.platform.BusinessEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A sale was completed: its stock left, its invoice number was taken. Published in the completing transaction. A
 * business event: recorded in business_events in the same transaction (the outbox).
 */
public record SaleCompleted(UUID tenantId, UUID saleId, UUID locationId, UUID customerId, UUID sellerId,
                            String invoice, BigDecimal total, String currency, Instant completedAt) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return saleId;
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
