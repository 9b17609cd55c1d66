package dev.bodega.inventory;

import dev.bodega.platform.BusinessEvent;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stock level crossed its minimum ({@code stock.low} for webhooks and analytics): published once per crossing, when
 * its alert is claimed after the posting committed; {@code ledgerId} is the posting line that crossed.
 */
public record StockLow(UUID tenantId, UUID ledgerId, UUID locationId, String locationName, UUID itemId, String sku,
                       String name, BigDecimal onHand, BigDecimal minimum) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return itemId;
    }
}
