package dev.bodega.sales.internal.selling;

import dev.bodega.platform.NotFoundException;
import dev.bodega.sales.internal.selling.SaleViews.ItemMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * What a barcode scanner (a keyboard that types the code and Enter) finds at
 * the till: the active item with exactly that barcode, else that SKU
 * (case-insensitive); one index probe each.
 */
@Service
class ItemLookup {

    private final JdbcClient jdbc;

    ItemLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ItemMatch find(String code, UUID locationId) {
        String trimmed = code == null ? "" : code.trim();
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.barcode, i.name, i.sale_price, i.unit_decimals AS decimals,
                               (SELECT sl.on_hand FROM inventory_stock_levels sl
                                WHERE sl.item_id = i.id AND sl.location_id = CAST(:location AS uuid)) AS on_hand
                        FROM catalog_items i
                        WHERE i.deleted_at IS NULL AND i.active AND (i.barcode = :code OR i.sku_key = lower(:code))
                        ORDER BY (i.barcode = :code) DESC NULLS LAST
                        LIMIT 1""")
                .param("code", trimmed).param("location", locationId)
                .query(ItemMatch.class).optional()
                .orElseThrow(() -> new NotFoundException("Item"));
    }
}
