package dev.bodega.sales.internal.selling;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemCard;
import dev.bodega.platform.NotFoundException;
import dev.bodega.sales.internal.selling.SaleViews.ItemMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the till finds: by a barcode scanner (a keyboard that types the code and Enter), the active item with
 * exactly that barcode, else that SKU (case-insensitive), one index probe each; by a name typed or a category
 * touched, what the catalog's search finds. Each with its stock at the till's store.
 */
@Service
class ItemLookup {

    record Category(UUID id, String name) {
    }

    private final JdbcClient jdbc;
    private final CatalogItems catalog;

    ItemLookup(JdbcClient jdbc, CatalogItems catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public ItemMatch find(String code, UUID locationId) {
        String trimmed = code == null ? "" : code.trim();
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.barcode, i.name, i.sale_price, i.unit_decimals AS decimals,
                               (SELECT sl.on_hand FROM inventory_stock_levels sl
                                WHERE sl.item_id = i.id AND sl.location_id = CAST(:location AS uuid)) AS on_hand,
                               NULL AS image_url
                        FROM catalog_items i
                        WHERE i.deleted_at IS NULL AND i.active AND (i.barcode = :code OR i.sku_key = lower(:code))
                        ORDER BY (i.barcode = :code) DESC NULLS LAST
                        LIMIT 1""")
                .param("code", trimmed).param("location", locationId)
                .query(ItemMatch.class).optional()
                .orElseThrow(() -> new NotFoundException("Item"));
    }

    /** By name, SKU or barcode (accents and typos forgiven), or a category's items, or a model's parts; best first. */
    @Transactional(readOnly = true)
    public List<ItemMatch> search(String q, UUID categoryId, UUID modelId, UUID locationId, int limit) {
        List<ItemCard> cards = catalog.search(q, categoryId, modelId, limit);
        Map<UUID, BigDecimal> onHand = onHand(cards, locationId);
        return cards.stream().map(c -> new ItemMatch(c.id(), c.sku(), c.barcode(), c.name(), c.salePrice(),
                c.unitDecimals(), onHand.get(c.id()), c.imageUrl())).toList();
    }

    /** The vehicle models parts fit (seed 003 scooter_types), for finding a model's parts at the till. */
    @Transactional(readOnly = true)
    public List<Category> vehicleModels() {
        return jdbc.sql("SELECT id, name FROM catalog_vehicle_models ORDER BY name").query(Category.class).list();
    }

    /** The top categories, for the till's product grid. */
    @Transactional(readOnly = true)
    public List<Category> categories() {
        return jdbc.sql("SELECT id, name FROM catalog_categories WHERE active AND parent_id IS NULL ORDER BY name")
                .query(Category.class).list();
    }

    private Map<UUID, BigDecimal> onHand(List<ItemCard> cards, UUID locationId) {
        Map<UUID, BigDecimal> found = new HashMap<>();
        if (cards.isEmpty() || locationId == null) {
            return found;
        }
        jdbc.sql("""
                        SELECT item_id, on_hand FROM inventory_stock_levels
                        WHERE location_id = :location AND item_id = ANY (CAST(:items AS uuid[]))""")
                .param("location", locationId)
                .param("items", cards.stream().map(c -> c.id().toString()).toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getObject("item_id", UUID.class), rs.getBigDecimal("on_hand")))
                .list();
        return found;
    }
}
