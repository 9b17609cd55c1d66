package dev.bodega.insights.internal;

import dev.bodega.inventory.StockLevelPlanning;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The recommendations inbox: levels, partner warehouses included, whose recommended minimum differs from the
 * minimum in force and waits for a decision. Accepting or keeping goes through inventory's API, which records who.
 */
@Service
class Recommendations {

    static final int SHOWN = 200;

    record Pending(UUID locationId, String locationName, UUID itemId, String sku, String itemName, int unitDecimals,
                   BigDecimal onHand, BigDecimal currentMinimum, BigDecimal recommended, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final StockLevelPlanning levels;

    Recommendations(JdbcClient jdbc, StockLevelPlanning levels) {
        this.jdbc = jdbc;
        this.levels = levels;
    }

    @Transactional(readOnly = true)
    public List<Pending> pending() {
        return jdbc.sql("""
                        SELECT s.location_id, l.name AS location_name, s.item_id, i.sku, i.name AS item_name,
                               i.unit_decimals, s.on_hand, coalesce(s.min_stock, i.min_stock) AS current_minimum,
                               s.minimum_stock_recommendation AS recommended,
                               s.last_recommendation_update AS updated_at
                        FROM inventory_stock_levels s
                        JOIN catalog_items i ON i.tenant_id = s.tenant_id AND i.id = s.item_id
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        WHERE s.minimum_stock_recommendation IS NOT NULL AND s.recommendation_decision IS NULL
                          AND s.minimum_stock_recommendation <> coalesce(s.min_stock, i.min_stock)
                          AND i.deleted_at IS NULL
                        ORDER BY lower(i.name), lower(l.name), s.item_id, s.location_id
                        LIMIT :shown""")
                .param("shown", SHOWN).query(Pending.class).list();
    }

    @Transactional
    public BigDecimal accept(UUID locationId, UUID itemId) {
        return levels.accept(locationId, itemId);
    }

    @Transactional
    public void keep(UUID locationId, UUID itemId) {
        levels.keep(locationId, itemId);
    }
}
