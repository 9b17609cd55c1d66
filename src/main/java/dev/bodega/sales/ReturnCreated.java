package dev.bodega.sales;

import dev.bodega.platform.BusinessEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Goods of a completed sale came back (restocked or written off as damaged) and were refunded. A business event:
 * recorded in business_events in the same transaction (the outbox).
 */
public record ReturnCreated(UUID tenantId, UUID returnId, UUID saleId, UUID customerId, BigDecimal value,
                            BigDecimal refundAmount, String refundMethod, Instant createdAt) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return returnId;
    }

    @Override
    public Instant occurredAt() {
        return createdAt;
    }
}
