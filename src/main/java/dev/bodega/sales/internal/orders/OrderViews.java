package dev.bodega.sales.internal.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the pages and the API show of customer orders. */
final class OrderViews {

    private OrderViews() {
    }

    /** One order in a list. */
    record OrderSummary(UUID id, String code, UUID organizationId, String organizationName, String destinationName,
                        String status, Instant orderDate, LocalDate expectedDelivery, long lines, long version) {
    }

    /** One order with its lines, its history (oldest first) and its shipments. */
    record OrderView(UUID id, String code, UUID organizationId, String organizationName, UUID destinationId,
                     String destinationName, String status, Instant orderDate, LocalDate expectedDelivery,
                     Instant actualDelivery, UUID orderedBy, String orderedByName, UUID approvedBy,
                     String approvedByName, Instant approvedAt, String reason, String notes, long version,
                     List<ItemView> items, List<HistoryEntry> history, List<ShipmentView> shipments) {
    }

    /** {@code remaining}: ordered and not yet shipped; {@code decimals}: of the item's unit. */
    record ItemView(UUID id, int position, UUID itemId, String sku, String name, BigDecimal quantity,
                    BigDecimal shippedQuantity, BigDecimal remaining, int decimals) {
    }

    record HistoryEntry(String fromStatus, String toStatus, String userName, String reason, Instant at) {
    }

    /**
     * {@code saleId} and {@code invoice}: the shipment's sale, the partner's invoice (none while it waits for
     * approval); {@code status}: pending, shipped or rejected.
     */
    record ShipmentView(UUID id, UUID fromLocationId, String fromLocationName, UUID saleId, String invoice,
                        Instant shippedAt, String shippedByName, String status, List<ShippedLine> lines) {
    }

    record ShippedLine(UUID orderItemId, String sku, String name, BigDecimal quantity) {
    }

    /** A warehouse an order may go to, or be shipped from. */
    record Place(UUID id, String name, UUID organizationId) {
    }

    /** A customer organization with its active warehouses. */
    record Partner(UUID id, String name, List<Place> warehouses) {
    }
}
