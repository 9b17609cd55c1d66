package dev.bodega.purchasing;

import dev.bodega.platform.BusinessEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery of a supplier order was received into stock. Published in the receiving transaction;
 * {@code status} is the order's status after it ({@code partially_received} or {@code received}),
 * {@code value} the delivery's value at the order's unit costs. A business event: recorded in
 * business_events in the same transaction (the outbox).
 */
public record PurchaseReceived(UUID tenantId, UUID orderId, String orderNumber, UUID receiptId, int delivery,
                               UUID supplierId, UUID locationId, UUID postingId, String status, BigDecimal value,
                               String currency, UUID receivedBy, Instant receivedAt) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return orderId;
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
