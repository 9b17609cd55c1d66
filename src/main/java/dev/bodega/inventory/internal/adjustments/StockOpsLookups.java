package dev.bodega.inventory.internal.adjustments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the stock forms pick from: the user's locations, and items by scanned or typed code. */
@Component
class StockOpsLookups {

    record Place(UUID id, String name) {
    }

    record ItemRef(UUID id, String sku, String name, String unitCode, int decimals, boolean active) {
    }

    private static final String SELECT_ITEM = """
            SELECT i.id, i.sku, i.name, i.unit_code, i.unit_decimals AS decimals, i.active FROM catalog_items i
            WHERE i.deleted_at IS NULL""";

    private final JdbcClient jdbc;

    StockOpsLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active locations where the current user may move stock, by name. */
    @Transactional(readOnly = true)
    public List<Place> locations() {
        return jdbc.sql("""
                        SELECT id, name FROM locations
                        WHERE active AND kind <> 'transit' AND id IN (SELECT v FROM app_visible_locations() v) ORDER BY lower(name)""")
                .query(Place.class).list();
    }

    /** A keyboard-wedge scanner types the barcode then Enter; a person may type the SKU. Exact matches only. */
    @Transactional(readOnly = true)
    public Optional<ItemRef> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT_ITEM + " AND (i.barcode = :code OR i.sku_key = lower(:code)) ORDER BY (i.barcode = :code) IS TRUE DESC LIMIT 1")
                .param("code", code.trim()).query(ItemRef.class).optional();
    }

    @Transactional(readOnly = true)
    public List<ItemRef> byIds(Collection<UUID> ids) {
        return jdbc.sql(SELECT_ITEM + " AND i.id = ANY (CAST(:ids AS uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(ItemRef.class).list();
    }
}
