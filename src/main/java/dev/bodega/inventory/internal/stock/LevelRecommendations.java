package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.StockLevelPlanning;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@link StockLevelPlanning} on the stock levels' recommendation columns (V150). */
@Service
class LevelRecommendations implements StockLevelPlanning {

    private final JdbcClient jdbc;

    LevelRecommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public int recommend(List<Recommendation> recommendations) {
        if (recommendations.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE stock_levels l
                        SET minimum_stock_recommendation = r.minimum, last_recommendation_update = now(),
                            recommendation_decision = NULL, updated_at = now()
                        FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[]), CAST(:minimums AS numeric[]))
                             AS r(location_id, item_id, minimum)
                        WHERE l.tenant_id = :tenant AND l.location_id = r.location_id AND l.item_id = r.item_id
                          AND l.minimum_stock_recommendation IS DISTINCT FROM r.minimum""")
                .param("tenant", TenantContext.tenantId())
                .param("locations", recommendations.stream().map(Recommendation::locationId).toArray(UUID[]::new))
                .param("items", recommendations.stream().map(Recommendation::itemId).toArray(UUID[]::new))
                .param("minimums", recommendations.stream().map(r -> r.minimum().toPlainString()).toArray(String[]::new))
                .update();
    }

    @Override
    @Transactional
    public BigDecimal accept(UUID locationId, UUID itemId) {
        return jdbc.sql("""
                        UPDATE stock_levels
                        SET min_stock = minimum_stock_recommendation, reorder_threshold_set_by = :user,
                            recommendation_decision = 'accepted', updated_at = now()
                        WHERE tenant_id = :tenant AND location_id = :location AND item_id = :item
                          AND minimum_stock_recommendation IS NOT NULL
                        RETURNING min_stock""")
                .param("tenant", TenantContext.tenantId()).param("user", TenantContext.userId().orElse(null))
                .param("location", locationId).param("item", itemId)
                .query(BigDecimal.class).optional().orElseThrow(() -> new NotFoundException("Recommendation"));
    }

    @Override
    @Transactional
    public void keep(UUID locationId, UUID itemId) {
        int kept = jdbc.sql("""
                        UPDATE stock_levels
                        SET reorder_threshold_set_by = :user, recommendation_decision = 'kept', updated_at = now()
                        WHERE tenant_id = :tenant AND location_id = :location AND item_id = :item
                          AND minimum_stock_recommendation IS NOT NULL""")
                .param("tenant", TenantContext.tenantId()).param("user", TenantContext.userId().orElse(null))
                .param("location", locationId).param("item", itemId)
                .update();
        if (kept == 0) {
            throw new NotFoundException("Recommendation");
        }
    }
}
