package dev.bodega.service.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of warranty claims. */
final class ClaimViews {

    private ClaimViews() {
    }

    record PhotoView(UUID id, String contentType, int sizeBytes, String fileName, Instant createdAt) {
    }

    record ClaimView(UUID id, UUID itemId, String sku, String itemName, BigDecimal quantity, UUID locationId,
                     String locationName, UUID reportedBy, String reportedByName, UUID technicianId,
                     String technicianName, String failureReason, Integer mileage, String workOrder, String requester,
                     String status, Instant reportedAt, Instant submittedAt, Instant resolvedAt, UUID resolvedBy,
                     String resolvedByName, String resolutionComments, UUID replacementPostingId, Instant replacedAt,
                     long version, List<PhotoView> photos) {

        ClaimView withPhotos(List<PhotoView> list) {
            return new ClaimView(id, itemId, sku, itemName, quantity, locationId, locationName, reportedBy,
                    reportedByName, technicianId, technicianName, failureReason, mileage, workOrder, requester, status,
                    reportedAt, submittedAt, resolvedAt, resolvedBy, resolvedByName, resolutionComments,
                    replacementPostingId, replacedAt, version, List.copyOf(list));
        }

        public boolean replaceable() {
            return status.equals(ClaimStatus.APROBADA.name()) && replacementPostingId == null;
        }
    }
}
