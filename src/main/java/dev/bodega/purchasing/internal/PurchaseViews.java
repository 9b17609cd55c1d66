package dev.bodega.purchasing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the purchasing API and pages show. Quantities and money are exact decimals. */
final class PurchaseViews {

    private PurchaseViews() {
    }

    record OrderSummary(UUID id, String number, String status, UUID supplierId, String supplierName, UUID locationId,
                        String locationName, LocalDate orderDate, LocalDate expectedDate, String currency,
                        BigDecimal total, BigDecimal receivedValue, Instant sentAt, Instant receivedAt,
                        Instant createdAt) {
    }

    /** {@code outstandingQuantity}: what is still to come, never negative (an over-receipt leaves nothing). */
    record LineView(UUID id, int position, UUID itemId, String sku, String name, BigDecimal quantity,
                    BigDecimal unitCost, BigDecimal lineTotal, BigDecimal receivedQuantity,
                    BigDecimal outstandingQuantity) {

        static LineView of(UUID id, int position, UUID itemId, String sku, String name, BigDecimal quantity,
                           BigDecimal unitCost, BigDecimal lineTotal, BigDecimal receivedQuantity) {
            BigDecimal rest = quantity.subtract(receivedQuantity);
            return new LineView(id, position, itemId, sku, name, quantity, unitCost, lineTotal, receivedQuantity,
                    rest.signum() > 0 ? rest : BigDecimal.ZERO.setScale(quantity.scale()));
        }
    }

    record OrderView(UUID id, String number, String status, UUID supplierId, String supplierName, UUID locationId,
                     String locationName, LocalDate orderDate, LocalDate expectedDate, String currency,
                     BigDecimal total, BigDecimal receivedValue, String notes, Instant sentAt, Instant receivedAt,
                     Instant cancelledAt, UUID cancelledBy, String cancelledByName, String cancellationReason,
                     UUID createdBy, String createdByName, Instant createdAt, Instant updatedAt, long version,
                     List<LineView> lines) {

        /** Deliveries are taken once the order was sent, until everything arrived or it was cancelled. */
        public boolean receivable() {
            return status.equals("sent") || status.equals("partially_received");
        }

        public boolean cancellable() {
            return status.equals("draft") || receivable();
        }
    }

    record ReceiptLineView(UUID id, UUID orderLineId, UUID itemId, String sku, String name, BigDecimal quantity,
                           BigDecimal unitCost, BigDecimal value) {
    }

    record ReceiptView(UUID id, UUID orderId, String orderNumber, int sequence, UUID locationId, String locationName,
                       UUID postingId, BigDecimal value, boolean overReceipt, String note, UUID receivedBy,
                       String receivedByName, Instant receivedAt, List<ReceiptLineView> lines) {
    }

    /**
     * Per supplier, over its fully received orders: days promised (order date → expected date) and days taken
     * (order date → the day the last delivery arrived, in the company's time zone).
     */
    record SupplierLeadTime(UUID supplierId, String supplierName, long receivedOrders, BigDecimal averageExpectedDays,
                            BigDecimal averageActualDays, BigDecimal averageDelayDays, long lateOrders,
                            long overdueOpenOrders) {
    }
}
