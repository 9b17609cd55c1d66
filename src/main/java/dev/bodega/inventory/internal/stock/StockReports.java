package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.LowStock;
import dev.bodega.inventory.internal.Cursors;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Valuation (quantity × moving-average cost, the intent of seed 004's
 * inventory_summary), low stock (seed 001 query 9.2, per location) and stock
 * by item across locations. Every figure is over the caller's locations.
 */
@Service
class StockReports implements LowStock {

    /** The levels the low-stock list shows and {@link #count()} counts. */
    private static final String LOW_STOCK_FROM = """
            FROM stock_levels l
            JOIN catalog_items i ON i.tenant_id = l.tenant_id AND i.id = l.item_id
            JOIN locations loc ON loc.tenant_id = l.tenant_id AND loc.id = l.location_id
            LEFT JOIN catalog_categories c ON c.tenant_id = i.tenant_id AND c.id = i.category_id
            WHERE l.tenant_id = :tenant AND i.active AND i.deleted_at IS NULL AND loc.active AND loc.kind <> 'transit'
              AND l.on_hand <= coalesce(l.min_stock, i.min_stock)
            """;

    record LocationValue(UUID locationId, String locationName, boolean active, long items, BigDecimal value) {
    }

    /** Each level's value is rounded to cents first, so every total is the sum of the figures shown. */
    record Valuation(String currency, List<LocationValue> locations, BigDecimal total) {
    }

    record LowStockRow(UUID locationId, String locationName, UUID itemId, String sku, String itemName, String unit,
                       String categoryName, BigDecimal onHand, BigDecimal minimum, BigDecimal shortfall, String status) {
    }

    record LocationQuantity(UUID locationId, String locationName, BigDecimal onHand) {
    }

    record ItemStock(UUID itemId, String sku, String itemName, String unit, BigDecimal total, BigDecimal value,
                     List<LocationQuantity> locations) {
    }

    private record ItemStockRow(UUID itemId, String sku, String itemName, String unit, BigDecimal total,
                                BigDecimal value, String locations) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StockReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Reporting
    public Valuation valuation(UUID locationId) {
        List<LocationValue> rows = jdbc.sql("""
                        SELECT loc.id AS location_id, loc.name AS location_name, loc.active,
                               count(l.item_id) FILTER (WHERE l.on_hand <> 0) AS items,
                               coalesce(sum(round(l.on_hand * l.avg_cost, 2)), 0) AS value
                        FROM locations loc
                        LEFT JOIN stock_levels l ON l.tenant_id = loc.tenant_id AND l.location_id = loc.id
                        WHERE loc.id IN (SELECT v FROM app_visible_locations() v)
                          AND (CAST(:location AS uuid) IS NULL OR loc.id = :location)
                        GROUP BY loc.tenant_id, loc.id
                        HAVING loc.active OR count(l.item_id) FILTER (WHERE l.on_hand <> 0) > 0
                        ORDER BY lower(loc.name), loc.id""")
                .param("location", locationId)
                .query(LocationValue.class).list();
        BigDecimal total = rows.stream().map(LocationValue::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        String currency = jdbc.sql("SELECT currency FROM platform_tenants WHERE id = app_current_tenant()")
                .query(String.class).single();
        return new Valuation(currency, rows, total);
    }

    /** Active items at or below their minimum, emptiest first; the cursor is the sort key of the last row. */
    @Reporting
    public CursorPage<LowStockRow> lowStock(UUID locationId, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, Cursors.Part.NUMBER, Cursors.Part.UUID, Cursors.Part.UUID,
                Cursors.Part.TEXT);
        List<LowStockRow> rows = jdbc.sql("""
                        SELECT l.location_id, loc.name AS location_name, l.item_id, i.sku, i.name AS item_name,
                               i.unit_code AS unit, c.name AS category_name, l.on_hand,
                               coalesce(l.min_stock, i.min_stock) AS minimum,
                               coalesce(l.min_stock, i.min_stock) - l.on_hand AS shortfall,
                               CASE WHEN l.on_hand <= 0 THEN 'SIN_STOCK' ELSE 'BAJO' END AS status
                        """ + LOW_STOCK_FROM + """
                          AND (CAST(:location AS uuid) IS NULL OR l.location_id = :location)
                          AND (CAST(:afterQty AS numeric) IS NULL
                               OR (l.on_hand, lower(i.sku), l.item_id, l.location_id)
                                  > (CAST(:afterQty AS numeric), lower(:afterSku), CAST(:afterItem AS uuid), CAST(:afterLocation AS uuid)))
                        ORDER BY l.on_hand, lower(i.sku), l.item_id, l.location_id LIMIT :limit""")
                .param("tenant", TenantContext.tenantId()).param("location", locationId)
                .param("afterQty", after == null ? null : after.get(0))
                .param("afterItem", after == null ? null : after.get(1))
                .param("afterLocation", after == null ? null : after.get(2))
                .param("afterSku", after == null ? null : after.get(3))
                .param("limit", limit + 1)
                .query(LowStockRow.class).list();
        return CursorPage.of(rows, limit, row -> Cursors.encode(row.onHand().toPlainString(),
                row.itemId(), row.locationId(), row.sku()));
    }

    @Override
    @Reporting
    public long count() {
        return jdbc.sql("SELECT count(*) " + LOW_STOCK_FROM).param("tenant", TenantContext.tenantId())
                .query(Long.class).single();
    }

    /** How many levels are low at each location that has some. */
    @Reporting
    public Map<UUID, Long> lowStockByLocation() {
        return jdbc.sql("SELECT l.location_id, count(*) AS low " + LOW_STOCK_FROM + " GROUP BY l.location_id")
                .param("tenant", TenantContext.tenantId())
                .query((rs, n) -> Map.entry(rs.getObject("location_id", UUID.class), rs.getLong("low")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Per item (by SKU): the total on hand, its value and the quantity at each location. */
    @Reporting
    public CursorPage<ItemStock> byItem(String q, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, Cursors.Part.UUID, Cursors.Part.TEXT);
        String pattern = q == null || q.isBlank() ? null : "%" + Locations.escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
        List<ItemStockRow> rows = jdbc.sql("""
                        SELECT i.id AS item_id, i.sku, i.name AS item_name, i.unit_code AS unit,
                               sum(l.on_hand) AS total, sum(round(l.on_hand * l.avg_cost, 2)) AS value,
                               json_agg(json_build_object('locationId', loc.id, 'locationName', loc.name, 'onHand', l.on_hand)
                                        ORDER BY lower(loc.name), loc.id)::text AS locations
                        FROM stock_levels l
                        JOIN catalog_items i ON i.tenant_id = l.tenant_id AND i.id = l.item_id
                        JOIN locations loc ON loc.tenant_id = l.tenant_id AND loc.id = l.location_id
                        WHERE i.deleted_at IS NULL
                          AND (CAST(:q AS text) IS NULL OR lower(i.sku) LIKE :q OR lower(i.name) LIKE :q)
                          AND (CAST(:afterSku AS text) IS NULL OR (lower(i.sku), i.id) > (lower(:afterSku), CAST(:afterItem AS uuid)))
                        GROUP BY i.tenant_id, i.id, i.sku, i.name, i.unit_code
                        ORDER BY lower(i.sku), i.id LIMIT :limit""")
                .param("q", pattern)
                .param("afterItem", after == null ? null : after.get(0))
                .param("afterSku", after == null ? null : after.get(1))
                .param("limit", limit + 1)
                .query(ItemStockRow.class).list();
        List<ItemStock> items = rows.stream().map(row -> new ItemStock(row.itemId(), row.sku(), row.itemName(), row.unit(),
                row.total(), row.value(), json.readValue(row.locations(), new TypeReference<List<LocationQuantity>>() {
                }))).toList();
        return CursorPage.of(items, limit, row -> Cursors.encode(row.itemId(), row.sku()));
    }
}
