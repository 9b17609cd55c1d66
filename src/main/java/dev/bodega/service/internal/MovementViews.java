package dev.bodega.service.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What the API and the pages show of technician movements. */
final class MovementViews {

    private MovementViews() {
    }

    /**
     * One movement. {@code outstanding}: what is still out with the technician (a loan not returned in full and
     * not settled), else zero; {@code unitCost} the cost the parts moved at (null for a quote).
     */
    record MovementView(UUID id, UUID locationId, String locationName, UUID itemId, String sku, String itemName,
                        UUID technicianId, String technicianName, UUID responsibleId, String responsibleName,
                        String concept, String type, BigDecimal quantity, BigDecimal returnedQuantity,
                        BigDecimal outstanding, BigDecimal unitCost, String workOrder, String note, UUID returnsId,
                        UUID postingId, boolean settled, Instant settledAt, Instant movedAt, long version) {

        public boolean returnable() {
            return outstanding.signum() > 0;
        }
    }

    /** Parts still out with a technician, and for how many whole days. */
    record LoanView(UUID movementId, UUID technicianId, String technicianName, UUID locationId, String locationName,
                    UUID itemId, String sku, String itemName, String concept, String workOrder, BigDecimal quantity,
                    BigDecimal returnedQuantity, BigDecimal outstanding, Instant movedAt, int ageDays) {
    }
}
