package dev.bodega.insights.internal;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.purchasing.SupplierOrdering;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Purchase suggestions: the company's own levels at or below their reorder point (the level's minimum, else the
 * item's, else the recommendation; a minimum of zero is none), ordered up to the item's maximum stock (or, without one, the reorder point plus
 * the forecast of the weeks ahead), grouped by preferred supplier and location into what a draft supplier order
 * holds. Quantities round up to the unit's decimals (the catalog records no pack sizes). A group becomes a draft
 * order through purchasing, where the user reviews and sends it.
 */
@Service
class Suggestions {

    record Line(UUID itemId, String sku, String itemName, int unitDecimals, BigDecimal onHand, BigDecimal reorderPoint,
                BigDecimal orderUpTo, BigDecimal quantity) {
    }

    record Group(UUID supplierId, String supplierName, UUID locationId, String locationName, int leadDays,
                 List<Line> lines) {
    }

    private record Row(UUID supplierId, String supplierName, UUID locationId, String locationName, UUID itemId,
                       String sku, String itemName, int unitDecimals, BigDecimal onHand, BigDecimal reorderPoint,
                       BigDecimal maxStock, BigDecimal weeksAhead) {
    }

    private final JdbcClient jdbc;
    private final LeadTimeSource leadTimes;
    private final SupplierOrdering ordering;
    private final TenantSettingsService settings;

    Suggestions(JdbcClient jdbc, LeadTimeSource leadTimes, SupplierOrdering ordering, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.leadTimes = leadTimes;
        this.ordering = ordering;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<Group> groups() {
        LocalDate today = LocalDate.now(settings.current().zoneId());
        Map<UUID, LeadTimeSource.Supply> supplies = leadTimes.all(today);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Row r : rows()) {
            BigDecimal upTo = r.maxStock() != null && r.maxStock().compareTo(r.reorderPoint()) > 0 ? r.maxStock()
                    : r.reorderPoint().add(r.weeksAhead());
            BigDecimal quantity = upTo.subtract(r.onHand()).setScale(r.unitDecimals(), RoundingMode.CEILING);
            if (quantity.signum() <= 0) {
                continue;
            }
            LeadTimeSource.Supply supply = supplies.get(r.itemId());
            int lead = supply == null ? LeadTimeSource.DEFAULT_DAYS : supply.leadDays();
            groups.computeIfAbsent(r.supplierId() + "|" + r.locationId(), k -> new Group(r.supplierId(),
                            r.supplierName(), r.locationId(), r.locationName(), lead, new ArrayList<>()))
                    .lines().add(new Line(r.itemId(), r.sku(), r.itemName(), r.unitDecimals(), r.onHand(),
                            r.reorderPoint(), upTo, quantity));
        }
        return List.copyOf(groups.values());
    }

    /** The group's draft supplier order; 404 for a supplier or location with nothing to suggest. */
    @Transactional
    public UUID draft(UUID supplierId, UUID locationId) {
        Group group = groups().stream()
                .filter(g -> Objects.equals(g.supplierId(), supplierId) && g.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new NotFoundException("Suggestion"));
        if (group.supplierId() == null) {
            throw Problems.of(InsightsProblem.NOTHING_TO_ORDER, "These items have no supplier");
        }
        LocalDate today = LocalDate.now(settings.current().zoneId());
        return ordering.createDraft(supplierId, locationId, today, today.plusDays(group.leadDays()), null,
                group.lines().stream().map(l -> new SupplierOrdering.Line(l.itemId(), l.quantity(), null)).toList());
    }

    private List<Row> rows() {
        return jdbc.sql("""
                        SELECT sup.supplier_id, cs.name AS supplier_name, s.location_id, l.name AS location_name,
                               s.item_id, i.sku, i.name AS item_name, i.unit_decimals, s.on_hand,
                               coalesce(nullif(s.min_stock, 0), nullif(i.min_stock, 0), s.minimum_stock_recommendation)
                                   AS reorder_point,
                               i.max_stock,
                               coalesce((SELECT sum(p.predicted_quantity) FROM predictions p
                                         WHERE p.tenant_id = s.tenant_id AND p.item_id = s.item_id
                                           AND p.location_id = s.location_id AND p.actual_quantity IS NULL), 0)
                                   AS weeks_ahead
                        FROM inventory_stock_levels s
                        JOIN catalog_items i ON i.tenant_id = s.tenant_id AND i.id = s.item_id
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        LEFT JOIN LATERAL (
                            SELECT x.supplier_id FROM catalog_item_suppliers x
                            WHERE x.tenant_id = i.tenant_id AND x.item_id = i.id
                            ORDER BY x.preferred DESC, x.supplier_id LIMIT 1) sup ON true
                        LEFT JOIN catalog_suppliers cs ON cs.tenant_id = s.tenant_id AND cs.id = sup.supplier_id
                        WHERE i.deleted_at IS NULL AND i.active AND l.active AND l.organization_id IS NULL
                          AND s.on_hand <= coalesce(nullif(s.min_stock, 0), nullif(i.min_stock, 0), s.minimum_stock_recommendation)
                        ORDER BY cs.name NULLS LAST, sup.supplier_id, lower(l.name), s.location_id, lower(i.name)""")
                .query(Row.class).list();
    }
}
