package dev.bodega.service.internal.machines;

import dev.bodega.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Partner warehouses and what is in them, read through the views inventory and catalog publish: a partner user sees
 * its own organization's (row-level security), staff every partner's.
 */
@Component
class PartnerStock {

    /** At most this many levels or items in one answer: a partner keeps a few hundred parts. */
    static final int MAX_ROWS = 500;

    public record Warehouse(UUID id, String name, UUID organizationId) {
    }

    public record Level(UUID warehouseId, String warehouseName, UUID itemId, String sku, String itemName,
                        int unitDecimals, BigDecimal onHand) {
    }

    public record Item(UUID id, String sku, String name, int unitDecimals) {
    }

    private final JdbcClient jdbc;

    PartnerStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active partner warehouses, of one organization when given. */
    @Transactional(readOnly = true)
    public List<Warehouse> warehouses(UUID organizationId) {
        return jdbc.sql("""
                        SELECT id, name, organization_id FROM inventory_locations
                        WHERE active AND organization_id IS NOT NULL
                          AND (CAST(:organization AS uuid) IS NULL OR organization_id = :organization)
                        ORDER BY lower(name), id""")
                .param("organization", organizationId).query(Warehouse.class).list();
    }

    /** Stock levels in partner warehouses (one when given), by warehouse and SKU; q searches SKU and name. */
    @Transactional(readOnly = true)
    public List<Level> levels(UUID warehouseId, String q) {
        return jdbc.sql("""
                        SELECT l.id AS warehouse_id, l.name AS warehouse_name, i.id AS item_id, i.sku,
                               i.name AS item_name, i.unit_decimals, s.on_hand
                        FROM inventory_stock_levels s
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        JOIN catalog_items i ON i.tenant_id = s.tenant_id AND i.id = s.item_id
                        WHERE l.organization_id IS NOT NULL
                          AND (CAST(:warehouse AS uuid) IS NULL OR l.id = :warehouse)
                          AND (CAST(:q AS text) IS NULL OR i.sku ILIKE :q OR i.name ILIKE :q)
                        ORDER BY lower(l.name), l.id, i.sku LIMIT :limit""")
                .param("warehouse", warehouseId).param("q", pattern(q)).param("limit", MAX_ROWS)
                .query(Level.class).list();
    }

    /**
     * What a usage form offers: active items matching q (SKU or name), or, with no q, the items in stock in the
     * partner warehouses the caller sees (of one organization when given).
     */
    @Transactional(readOnly = true)
    public List<Item> items(String q, UUID organizationId) {
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.name, i.unit_decimals FROM catalog_items i
                        WHERE i.active AND i.deleted_at IS NULL
                          AND (CAST(:q AS text) IS NOT NULL AND (i.sku ILIKE :q OR i.name ILIKE :q)
                               OR CAST(:q AS text) IS NULL AND i.id IN (
                                   SELECT s.item_id FROM inventory_stock_levels s
                                   JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                                   WHERE l.organization_id IS NOT NULL AND s.on_hand > 0
                                     AND (CAST(:organization AS uuid) IS NULL OR l.organization_id = :organization)))
                        ORDER BY i.sku LIMIT :limit""")
                .param("q", pattern(q)).param("organization", organizationId).param("limit", MAX_ROWS)
                .query(Item.class).list();
    }

    private static String pattern(String q) {
        String text = Text.blankToNull(q);
        return text == null ? null : "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
