package dev.bodega.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Supplier orders written by another module (the demo company's purchases), through the services behind the
 * API, as the current user. {@code at} dates a step in the past, for data that describes the past; null is now.
 */
public interface SupplierOrdering {

    /** {@code unitCost} null: the item's cost price. */
    record Line(UUID itemId, BigDecimal quantity, BigDecimal unitCost) {
    }

    record OrderLine(UUID id, BigDecimal quantity, BigDecimal outstanding) {
    }

    record Delivered(UUID orderLineId, BigDecimal quantity) {
    }

    /** A draft order, to be delivered to the location. */
    UUID createDraft(UUID supplierId, UUID locationId, LocalDate orderDate, LocalDate expectedDate, String notes,
                     List<Line> lines);

    void send(UUID orderId, Instant at);

    void cancel(UUID orderId, String reason, Instant at);

    List<OrderLine> lines(UUID orderId);

    /** A delivery into the order's location, posted to stock at the order's unit costs. */
    UUID receive(UUID orderId, String note, List<Delivered> lines, Instant at);
}
