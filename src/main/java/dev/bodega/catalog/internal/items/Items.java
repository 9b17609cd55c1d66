package dev.bodega.catalog.internal.items;

import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.catalog.internal.InvalidFields;
import dev.bodega.catalog.internal.SqlErrors;
import dev.bodega.catalog.internal.Violation;
import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Versions;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Items: products and parts, one model. SKU unique per tenant among items
 * not deleted (so a deleted item's SKU can be used again), barcode likewise;
 * every price change lands in the price history (a trigger, with the user);
 * the tenant's plan caps how many items it keeps.
 */
@Service
public class Items {

    public record ItemView(UUID id, String sku, String barcode, String name, String description, String brand,
                    UUID categoryId, String categoryPath, String kind, String unitCode, int unitDecimals,
                    BigDecimal costPrice, BigDecimal salePrice, BigDecimal minStock, BigDecimal maxStock,
                    boolean proprietary, String manufacturerPartNumber, Integer manufacturerDeliveryDays,
                    Integer supplierDeliveryDays, boolean discontinued, LocalDate restockEta, List<String> imageUrls,
                    boolean active, Instant createdAt, Instant updatedAt, long version) {
    }

    record PriceChange(UUID id, BigDecimal oldCostPrice, BigDecimal newCostPrice, BigDecimal oldSalePrice,
                       BigDecimal newSalePrice, UUID changedBy, String changedByName, Instant changedAt) {
    }

    public static final String COLUMNS = """
            i.id, i.sku, i.barcode, i.name, i.description, i.brand, i.category_id, i.kind, i.unit_code,
            u.decimals AS unit_decimals, i.cost_price, i.sale_price, i.min_stock, i.max_stock, i.proprietary,
            i.manufacturer_part_number, i.manufacturer_delivery_days, i.supplier_delivery_days, i.discontinued,
            i.restock_eta, i.image_urls, i.active, i.created_at, i.updated_at, i.version""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM items i JOIN units u ON u.code = i.unit_code ";
    private static final String INSERT = """
            INSERT INTO items (tenant_id, id, sku, barcode, name, description, brand, category_id, kind, unit_code,
                cost_price, sale_price, min_stock, max_stock, proprietary, manufacturer_part_number,
                manufacturer_delivery_days, supplier_delivery_days, discontinued, restock_eta, image_urls, active)
            VALUES (:tenant, :id, :sku, :barcode, :name, :description, :brand, :categoryId, :kind, :unitCode,
                :costPrice, :salePrice, :minStock, :maxStock, :proprietary, :manufacturerPartNumber,
                :manufacturerDeliveryDays, :supplierDeliveryDays, :discontinued, :restockEta, :imageUrls, :active)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final ItemRules rules;
    private final Categories categories;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    Items(JdbcClient jdbc, NamedParameterJdbcTemplate batches, ItemRules rules, Categories categories,
          MessageSource messages, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.rules = rules;
        this.categories = categories;
        this.messages = messages;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public ItemView get(UUID id) {
        return jdbc.sql(SELECT + "WHERE i.id = :id AND i.deleted_at IS NULL").param("id", id)
                .query((rs, n) -> row(rs, categories.paths())).optional()
                .orElseThrow(() -> new NotFoundException("Item"));
    }

    /** Exact barcode, as a scanner sends it: one probe of the barcode index. */
    @Transactional(readOnly = true)
    public ItemView byBarcode(String barcode) {
        return jdbc.sql(SELECT + "WHERE i.barcode = :barcode AND i.deleted_at IS NULL").param("barcode", barcode.trim())
                .query((rs, n) -> row(rs, categories.paths())).optional()
                .orElseThrow(() -> new NotFoundException("Item"));
    }

    @Transactional
    public ItemView create(ItemRequest request) {
        InvalidFields.throwIfAny(rules.violations(request, true), messages);
        ItemRules.ValidItem item = rules.normalize(request);
        requireRoom(1);
        UUID id = Ids.next();
        try {
            jdbc.sql(INSERT).params(params(item)).param("tenant", TenantContext.tenantId()).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e, item);
        }
        return get(id);
    }

    /**
     * New items in one batch (a catalog another module sets up), each checked as {@link #create} checks one;
     * returns their ids in order. One SKU or barcode already taken refuses them all.
     */
    @Transactional
    public List<UUID> createAll(List<ItemRequest> requests) {
        List<Violation> found = new ArrayList<>();
        requests.forEach(request -> found.addAll(rules.violations(request, false)));
        requests.stream().map(ItemRequest::categoryId).filter(Objects::nonNull).distinct()
                .filter(category -> !categories.isActive(category))
                .forEach(category -> found.add(new Violation("categoryId", "catalog.item.category.unknown")));
        InvalidFields.throwIfAny(found, messages);
        requireRoom(requests.size());
        List<UUID> ids = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (ItemRequest request : requests) {
            UUID id = Ids.next();
            ids.add(id);
            rows.add(new MapSqlParameterSource(params(rules.normalize(request)))
                    .addValue("tenant", TenantContext.tenantId()).addValue("id", id));
        }
        try {
            batches.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
        } catch (DuplicateKeyException e) {
            throw Problems.of(CatalogProblem.SKU_TAKEN, "Another item already has one of these SKUs or barcodes");
        }
        return ids;
    }

    /** Replaces the item's fields; a price change is recorded by the database with the current user. */
    @Transactional
    public ItemView update(UUID id, Long expectedVersion, ItemRequest request) {
        ItemView current = get(id);
        Versions.check(expectedVersion, current.version());
        boolean categoryChanged = request.categoryId() != null && !request.categoryId().equals(current.categoryId());
        InvalidFields.throwIfAny(rules.violations(request, categoryChanged), messages);
        ItemRules.ValidItem item = rules.normalize(request);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE items SET sku = :sku, barcode = :barcode, name = :name, description = :description,
                                brand = :brand, category_id = :categoryId, kind = :kind, unit_code = :unitCode,
                                cost_price = :costPrice, sale_price = :salePrice, min_stock = :minStock,
                                max_stock = :maxStock, proprietary = :proprietary,
                                manufacturer_part_number = :manufacturerPartNumber,
                                manufacturer_delivery_days = :manufacturerDeliveryDays,
                                supplier_delivery_days = :supplierDeliveryDays, discontinued = :discontinued,
                                restock_eta = :restockEta, image_urls = :imageUrls, active = :active,
                                version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL""")
                    .param("tenant", TenantContext.tenantId())
                    .params(params(item)).param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e, item);
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Soft delete: history and stock keep pointing at the row; its SKU and barcode are free again. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("""
                        UPDATE items SET deleted_at = now(), version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    /** Price changes, newest first; the cursor is the last change's time and id. */
    @Transactional(readOnly = true)
    public CursorPage<PriceChange> priceHistory(UUID itemId, String cursor, int limit) {
        get(itemId);
        Instant beforeTime = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            int split = cursor.lastIndexOf('_');
            try {
                beforeTime = Instant.parse(cursor.substring(0, split));
                beforeId = UUID.fromString(cursor.substring(split + 1));
            } catch (RuntimeException e) {
                throw Problems.of(PlatformProblem.VALIDATION, "Invalid cursor");
            }
        }
        List<PriceChange> rows = jdbc.sql("""
                        SELECT h.id, h.old_cost_price, h.new_cost_price, h.old_sale_price, h.new_sale_price,
                               h.changed_by, us.name AS changed_by_name, h.changed_at
                        FROM item_price_history h
                        LEFT JOIN platform_users us ON us.tenant_id = h.tenant_id AND us.id = h.changed_by
                        WHERE h.item_id = :item
                          AND (CAST(:beforeTime AS timestamptz) IS NULL
                               OR (h.changed_at, h.id) < (CAST(:beforeTime AS timestamptz), CAST(:beforeId AS uuid)))
                        ORDER BY h.changed_at DESC, h.id DESC LIMIT :limit""")
                .param("item", itemId)
                .param("beforeTime", beforeTime == null ? null : Timestamp.from(beforeTime))
                .param("beforeId", beforeId).param("limit", limit + 1)
                .query(PriceChange.class).list();
        return CursorPage.of(rows, limit, change -> change.changedAt() + "_" + change.id());
    }

    /** Locks the tenant row (without blocking foreign keys), so two creations cannot both take the last place. */
    void requireRoom(int adding) {
        int maxItems = settings.currentLocked().maxItems();
        long count = jdbc.sql("SELECT count(*) FROM items WHERE deleted_at IS NULL").query(Long.class).single();
        if (count + adding > maxItems) {
            throw Problems.of(CatalogProblem.MAX_ITEMS, "The company's plan allows " + maxItems + " items");
        }
    }

    public static Map<String, Object> params(ItemRules.ValidItem item) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("sku", item.sku());
        params.put("barcode", item.barcode());
        params.put("name", item.name());
        params.put("description", item.description());
        params.put("brand", item.brand());
        params.put("categoryId", item.categoryId());
        params.put("kind", item.kind());
        params.put("unitCode", item.unitCode());
        params.put("costPrice", item.costPrice());
        params.put("salePrice", item.salePrice());
        params.put("minStock", item.minStock());
        params.put("maxStock", item.maxStock());
        params.put("proprietary", item.proprietary());
        params.put("manufacturerPartNumber", item.manufacturerPartNumber());
        params.put("manufacturerDeliveryDays", item.manufacturerDeliveryDays());
        params.put("supplierDeliveryDays", item.supplierDeliveryDays());
        params.put("discontinued", item.discontinued());
        params.put("restockEta", item.restockEta());
        params.put("imageUrls", item.imageUrls().toArray(String[]::new));
        params.put("active", item.active());
        return params;
    }

    public static ItemView row(ResultSet rs, Map<UUID, String> paths) throws SQLException {
        UUID categoryId = rs.getObject("category_id", UUID.class);
        return new ItemView(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("barcode"),
                rs.getString("name"), rs.getString("description"), rs.getString("brand"), categoryId,
                categoryId == null ? null : paths.get(categoryId), rs.getString("kind"), rs.getString("unit_code"),
                rs.getInt("unit_decimals"), rs.getBigDecimal("cost_price"), rs.getBigDecimal("sale_price"),
                rs.getBigDecimal("min_stock"), rs.getBigDecimal("max_stock"), rs.getBoolean("proprietary"),
                rs.getString("manufacturer_part_number"), rs.getObject("manufacturer_delivery_days", Integer.class),
                rs.getObject("supplier_delivery_days", Integer.class), rs.getBoolean("discontinued"),
                rs.getObject("restock_eta", LocalDate.class), strings(rs.getArray("image_urls")),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static ErrorResponseException taken(DuplicateKeyException e, ItemRules.ValidItem item) {
        if (SqlErrors.brokeConstraint(e, "items_barcode_key")) {
            return Problems.of(CatalogProblem.BARCODE_TAKEN,
                    "Another item already has the barcode '" + item.barcode() + "'");
        }
        return Problems.of(CatalogProblem.SKU_TAKEN, "Another item already has the SKU '" + item.sku() + "'");
    }
}
