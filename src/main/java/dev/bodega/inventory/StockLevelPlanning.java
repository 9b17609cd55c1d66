package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Recommended minimums on stock levels (seed 004 minimum_stock_recommendation), written by the forecasts (insights)
 * for every level, partner warehouses included, and decided by a user: accepted (the level's minimum becomes the
 * recommendation) or kept (the level keeps its own). Who decided is recorded (reorder_threshold_set_by).
 */
public interface StockLevelPlanning {

    record Recommendation(UUID locationId, UUID itemId, BigDecimal minimum) {
    }

    /**
     * Stores each level's recommendation; one that changes waits for a new decision, one that does not changes
     * nothing (so a run repeated for the same day writes no row). Levels that do not exist are skipped. Returns how
     * many levels changed.
     */
    int recommend(List<Recommendation> recommendations);

    /** The level's minimum becomes its recommendation; 404 for a level without one (or not visible). */
    BigDecimal accept(UUID locationId, UUID itemId);

    /** The level keeps its own minimum until the recommendation changes; 404 as for {@link #accept}. */
    void keep(UUID locationId, UUID itemId);
}
