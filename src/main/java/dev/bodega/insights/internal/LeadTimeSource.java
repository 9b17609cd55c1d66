package dev.bodega.insights.internal;

import dev.bodega.purchasing.SupplierLeadTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each item's lead time in days and the supplier it is ordered from: its preferred supplier (else any that supplies
 * it), at the lead time purchasing measured for that supplier over the last year; without a measure, the
 * supplier's stated lead time for the item, then the item's supplier delivery days, then a week.
 */
@Component
class LeadTimeSource {

    static final int DEFAULT_DAYS = 7;

    record Supply(UUID itemId, UUID supplierId, int leadDays, int unitDecimals, BigDecimal maxStock,
                  BigDecimal itemMinimum) {
    }

    private record Row(UUID itemId, UUID supplierId, Integer statedDays, Integer deliveryDays, int unitDecimals,
                       BigDecimal maxStock, BigDecimal itemMinimum) {
    }

    private final JdbcClient jdbc;
    private final SupplierLeadTimes leadTimes;

    LeadTimeSource(JdbcClient jdbc, SupplierLeadTimes leadTimes) {
        this.jdbc = jdbc;
        this.leadTimes = leadTimes;
    }

    Map<UUID, Supply> all(LocalDate today) {
        Map<UUID, BigDecimal> measured = leadTimes.averageActualDays(today.minusYears(1));
        List<Row> rows = jdbc.sql("""
                        SELECT i.id AS item_id, s.supplier_id, s.lead_time_days AS stated_days,
                               i.supplier_delivery_days AS delivery_days, i.unit_decimals, i.max_stock,
                               i.min_stock AS item_minimum
                        FROM catalog_items i
                        LEFT JOIN LATERAL (
                            SELECT x.supplier_id, x.lead_time_days FROM catalog_item_suppliers x
                            WHERE x.tenant_id = i.tenant_id AND x.item_id = i.id
                            ORDER BY x.preferred DESC, x.supplier_id LIMIT 1) s ON true
                        WHERE i.deleted_at IS NULL""")
                .query(Row.class).list();
        Map<UUID, Supply> supplies = new HashMap<>();
        for (Row r : rows) {
            supplies.put(r.itemId(), new Supply(r.itemId(), r.supplierId(), days(r, measured), r.unitDecimals(),
                    r.maxStock(), r.itemMinimum()));
        }
        return supplies;
    }

    private static int days(Row r, Map<UUID, BigDecimal> measured) {
        BigDecimal actual = r.supplierId() == null ? null : measured.get(r.supplierId());
        if (actual != null) {
            return Math.max(1, actual.setScale(0, RoundingMode.CEILING).intValue());
        }
        if (r.statedDays() != null) {
            return Math.max(1, r.statedDays());
        }
        return r.deliveryDays() != null ? Math.max(1, r.deliveryDays()) : DEFAULT_DAYS;
    }
}
