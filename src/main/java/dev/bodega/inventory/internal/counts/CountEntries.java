package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the counters enter (seed 003 detalles_conteo): an item found by id, SKU or barcode, the quantity found and
 * the loose units. The line's system quantity is snapshotted from on hand the first time it is counted (again after
 * a recount), in the same statement; entries add up unless {@code replace}.
 */
@Service
public class CountEntries {

    /** One scan: {@code itemId} or {@code code} (SKU or barcode). */
    public record Entry(UUID itemId, String code, BigDecimal quantity, BigDecimal looseQuantity, boolean replace) {
    }

    /** What the counter sees back: no system quantity, ever. */
    public record Counted(UUID itemId, String sku, String name, BigDecimal countedQuantity, BigDecimal looseQuantity) {
    }

    private record Item(UUID id, String sku, String name, int decimals, boolean active) {
    }

    /** numeric(14,3) holds less than this. */
    private static final BigDecimal MAX = new BigDecimal("100000000000");

    private final JdbcClient jdbc;
    private final CountSummary summary;

    CountEntries(JdbcClient jdbc, CountSummary summary) {
        this.jdbc = jdbc;
        this.summary = summary;
    }

    @Transactional
    public Counted record(UUID countId, Entry entry) {
        UUID user = Counts.currentUser();
        UUID location = lockCounting(countId);
        Item item = item(entry);
        BigDecimal loose = entry.looseQuantity() == null ? BigDecimal.ZERO : entry.looseQuantity();
        check(entry.quantity(), item);
        check(loose, item);
        Counted counted = jdbc.sql("""
                        INSERT INTO stock_count_lines AS cl (tenant_id, count_id, item_id, location_id, bin, system_quantity,
                                                             counted_quantity, loose_quantity, counted_by, counted_at)
                        SELECT :tenant, :count, :item, :location, sl.bin, coalesce(sl.on_hand, 0), :quantity, :loose,
                               :user, now()
                        FROM (SELECT 1) one
                        LEFT JOIN stock_levels sl ON sl.tenant_id = :tenant AND sl.location_id = :location AND sl.item_id = :item
                        ON CONFLICT (tenant_id, count_id, item_id) DO UPDATE SET
                            system_quantity = coalesce(cl.system_quantity, EXCLUDED.system_quantity),
                            counted_quantity = CASE WHEN :replace THEN EXCLUDED.counted_quantity
                                                    ELSE coalesce(cl.counted_quantity, 0) + EXCLUDED.counted_quantity END,
                            loose_quantity = CASE WHEN :replace THEN EXCLUDED.loose_quantity
                                                  ELSE cl.loose_quantity + EXCLUDED.loose_quantity END,
                            counted_by = EXCLUDED.counted_by, counted_at = EXCLUDED.counted_at
                        RETURNING item_id, counted_quantity, loose_quantity""")
                .param("tenant", TenantContext.tenantId()).param("count", countId).param("item", item.id())
                .param("location", location).param("quantity", entry.quantity()).param("loose", loose)
                .param("user", user).param("replace", entry.replace())
                .query((rs, n) -> new Counted(item.id(), item.sku(), item.name(), rs.getBigDecimal("counted_quantity"),
                        rs.getBigDecimal("loose_quantity")))
                .single();
        summary.refresh(countId);
        return counted;
    }

    /**
     * The count's location, with its row locked for this entry: entries of one count queue behind each other (each
     * rewrites the summary) and a count moved out of counting takes no more entries.
     */
    private UUID lockCounting(UUID countId) {
        record Header(UUID locationId, String status) {
        }
        Header header = jdbc.sql("""
                        SELECT location_id, status FROM stock_counts
                        WHERE tenant_id = :tenant AND id = :id FOR NO KEY UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("id", countId).query(Header.class).optional()
                .orElseThrow(() -> new NotFoundException("Count"));
        if (!header.status().equals("counting")) {
            throw Problems.of(InventoryProblem.COUNT_TRANSITION, "This count is " + header.status() + ", not counting");
        }
        return header.locationId();
    }

    private Item item(Entry entry) {
        String sql = "SELECT id, sku, name, unit_decimals AS decimals, active FROM catalog_items WHERE deleted_at IS NULL AND ";
        var found = entry.itemId() != null
                ? jdbc.sql(sql + "id = :id").param("id", entry.itemId()).query(Item.class).optional()
                : entry.code() == null || entry.code().isBlank() ? java.util.Optional.<Item>empty()
                : jdbc.sql(sql + "(barcode = :code OR sku_key = lower(:code)) ORDER BY (barcode = :code) IS TRUE DESC LIMIT 1")
                        .param("code", entry.code().trim()).query(Item.class).optional();
        Item item = found.orElseThrow(() -> Problems.of(InventoryProblem.UNKNOWN_ITEM,
                "No item with " + (entry.itemId() != null ? "id " + entry.itemId() : "code " + entry.code())));
        if (!item.active()) {
            throw Problems.of(InventoryProblem.INACTIVE_ITEM, "Item " + item.sku() + " is inactive");
        }
        return item;
    }

    private static void check(BigDecimal quantity, Item item) {
        if (quantity == null || quantity.signum() < 0 || quantity.compareTo(MAX) >= 0) {
            throw Problems.of(InventoryProblem.COUNT_QUANTITY, "A counted quantity is zero or more, below " + MAX);
        }
        if (quantity.stripTrailingZeros().scale() > item.decimals()) {
            throw Problems.of(InventoryProblem.QUANTITY_DECIMALS,
                    "Item " + item.sku() + " is counted with at most " + item.decimals() + " decimals");
        }
    }
}
