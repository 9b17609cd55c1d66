package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Physical counts set up by another module (the demo company), through the service behind the API, as the current
 * user: a count session opened at a location and lines counted into it. Review and close happen on the count's
 * pages or the API.
 */
public interface StockCounts {

    /**
     * {@code scope}: full, category (with {@code categoryId}), bins (with {@code binFrom} and {@code binTo}) or
     * cycle (the levels due by their count frequency); {@code tolerance}: the largest difference not sent for a recount.
     */
    record NewCount(UUID locationId, String scope, UUID categoryId, String binFrom, String binTo, BigDecimal tolerance,
                    String note) {
    }

    UUID open(NewCount count);

    /** Adds {@code quantity} found of the item, and {@code looseQuantity} loose units, as a counter's scan does. */
    void count(UUID countId, UUID itemId, BigDecimal quantity, BigDecimal looseQuantity);
}
