package dev.bodega.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customer orders (seed 004) written by another module (the demo company), through the services behind the pages,
 * as the current user: the same states, history, shipments (sales and receipts) and notices.
 */
public interface CustomerOrderDesk {

    record Line(UUID itemId, BigDecimal quantity) {
    }

    /** A customer organization and one of its active warehouses. */
    record CustomerWarehouse(UUID organizationId, String organizationName, UUID warehouseId) {
    }

    /** Each active customer organization with its first active warehouse (none without one). */
    List<CustomerWarehouse> customerWarehouses();

    UUID draft(UUID organizationId, UUID destinationId, LocalDate expectedDelivery, List<Line> lines);

    void submit(UUID orderId);

    void approve(UUID orderId);

    void reject(UUID orderId, String reason);

    /** Ships {@code quantities} per item (empty: all that remains) from one of the company's locations. */
    void ship(UUID orderId, UUID fromLocationId, Map<UUID, BigDecimal> quantities);

    void deliver(UUID orderId);
}
