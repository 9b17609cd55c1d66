package dev.bodega.catalog.internal.items;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemCard;
import dev.bodega.catalog.ItemInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link CatalogItems} for other modules: joins the caller's transaction, so it reads under the caller's tenant. */
@Service
class CatalogItemsReader implements CatalogItems {

    private static final String SELECT = """
            SELECT i.id, i.sku, i.name, i.unit_code, u.decimals AS unit_decimals, i.cost_price, i.sale_price,
                   i.min_stock, (i.active AND i.deleted_at IS NULL) AS active
            FROM items i JOIN units u ON u.code = i.unit_code
            """;

    private final JdbcClient jdbc;
    private final ItemSearch itemSearch;

    CatalogItemsReader(JdbcClient jdbc, ItemSearch itemSearch) {
        this.jdbc = jdbc;
        this.itemSearch = itemSearch;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ItemInfo> find(UUID itemId) {
        if (itemId == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + "WHERE i.id = :id").param("id", itemId).query(ItemInfo.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, ItemInfo> findAll(Collection<UUID> itemIds) {
        Map<UUID, ItemInfo> found = new LinkedHashMap<>();
        if (itemIds == null || itemIds.isEmpty()) {
            return found;
        }
        UUID[] ids = itemIds.stream().filter(java.util.Objects::nonNull).distinct().toArray(UUID[]::new);
        jdbc.sql(SELECT + "WHERE i.id = ANY(:ids)").param("ids", ids)
                .query(ItemInfo.class).list()
                .forEach(item -> found.put(item.id(), item));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemInfo> active() {
        return jdbc.sql(SELECT + "WHERE i.active AND i.deleted_at IS NULL ORDER BY i.sku").query(ItemInfo.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemInfo> compatibleWith(UUID vehicleModelId) {
        return jdbc.sql(SELECT + """
                        JOIN item_vehicle_models m ON m.tenant_id = i.tenant_id AND m.item_id = i.id
                        WHERE m.model_id = :model AND i.active AND i.deleted_at IS NULL ORDER BY i.sku""")
                .param("model", vehicleModelId).query(ItemInfo.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemCard> search(String q, UUID categoryId, UUID vehicleModelId, int limit) {
        return itemSearch.list(new ItemSearch.Filter(q, categoryId, null, null, true, null, vehicleModelId), null, limit).items().stream()
                .map(i -> new ItemCard(i.id(), i.sku(), i.barcode(), i.name(), i.categoryId(), i.salePrice(),
                        i.unitDecimals(), i.imageUrls() == null || i.imageUrls().isEmpty() ? null : i.imageUrls().get(0)))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> matching(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return itemSearch.list(new ItemSearch.Filter(text, null, null, null, null, null, null), null, limit)
                .items().stream().map(Items.ItemView::id).toList();
    }
}
