package dev.bodega.inventory.internal.counts;

import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Seed 003 calculate_count_summary, kept by the application rather than a trigger: total_items is the lines
 * counted, total_diferencias the counted lines whose difference is not zero, items_con_pq the counted lines with
 * loose units.
 */
@Component
class CountSummary {

    private final JdbcClient jdbc;

    CountSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void refresh(UUID countId) {
        jdbc.sql("""
                        UPDATE stock_counts c
                        SET total_items = s.items, total_differences = s.differences, items_with_loose = s.loose,
                            updated_at = now()
                        FROM (SELECT count(counted_quantity) AS items,
                                     count(*) FILTER (WHERE difference <> 0) AS differences,
                                     count(*) FILTER (WHERE counted_quantity IS NOT NULL AND loose_quantity > 0) AS loose
                              FROM stock_count_lines WHERE tenant_id = :tenant AND count_id = :id) s
                        WHERE c.tenant_id = :tenant AND c.id = :id""")
                .param("tenant", TenantContext.tenantId()).param("id", countId)
                .update();
    }
}
