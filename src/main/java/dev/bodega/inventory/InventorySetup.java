package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A company's inventory set up by another module (the demo company): locations, who works at each, alert
 * subscriptions and adjustments, through the services behind the API, as the current user. Stock itself
 * moves only through {@link StockPostings}.
 */
public interface InventorySetup {

    /** {@code kind}: warehouse, workshop or store; {@code organizationId}: the partner that owns it, or null. */
    record NewLocation(String name, String kind, String address, String phone, UUID organizationId) {

        public NewLocation(String name, String kind, String address, String phone) {
            this(name, kind, address, phone, null);
        }
    }

    UUID createLocation(NewLocation location);

    /** Exactly these users are assigned to the location. */
    void assign(UUID locationId, List<UUID> userIds);

    /**
     * The level's own minimum, overriding the item's at this location (as the stock page sets it); a minimum
     * set by hand moves the level's low-stock flag without an alert.
     */
    void setMinimum(UUID locationId, UUID itemId, BigDecimal minimum);

    /** The user is notified each time a stock level they may see crosses its minimum. */
    void subscribeToLowStock(UUID userId);

    /**
     * An adjustment by the current user ({@code reason} as on the adjustments page, e.g. count_correction):
     * posted at once, or pending while its value is above the company's approval threshold.
     */
    UUID requestAdjustment(UUID locationId, String reason, String note, Map<UUID, BigDecimal> quantities);
}
