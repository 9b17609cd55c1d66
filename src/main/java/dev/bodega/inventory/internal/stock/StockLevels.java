package dev.bodega.inventory.internal.stock;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.inventory.internal.Cursors;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stock levels as users read them: quantity, minimum (the level's own or the
 * item's), the stock status of seed 003's view, average cost and value. Only
 * the level's own attributes can be edited here; quantities come from the ledger.
 */
@Service
public class StockLevels {

    static final Set<String> STATUSES = Set.of("SIN_STOCK", "BAJO", "NORMAL", "ALTO");

    record LevelView(UUID locationId, String locationName, UUID itemId, String sku, String itemName, String unit,
                     int decimals, BigDecimal onHand, BigDecimal minimum, BigDecimal minStock, String bin,
                     Integer countFrequencyDays, Instant newUntil, boolean isNew, BigDecimal avgCost, BigDecimal value,
                     String status, boolean lowStock, Instant lastMovementAt, int timesCounted,
                     java.time.LocalDate nextCountDue) {
    }

    record Filter(UUID locationId, UUID itemId, String q, String status, boolean lowOnly) {
    }

    record ItemRef(UUID id, String sku, String name, String unit, int decimals, boolean active) {
    }

    /** The level columns every view of stock shares; {@code status} follows seed 003's estado_stock. */
    static final String LEVEL_COLUMNS = """
            l.location_id, loc.name AS location_name, l.item_id, i.sku, i.name AS item_name, i.unit_code AS unit,
            i.unit_decimals AS decimals, l.on_hand, coalesce(l.min_stock, i.min_stock) AS minimum, l.min_stock, l.bin,
            l.count_frequency_days, l.new_until, coalesce(l.new_until > now(), false) AS is_new, l.avg_cost,
            round(l.on_hand * l.avg_cost, 2) AS value,
            CASE WHEN l.on_hand <= 0 THEN 'SIN_STOCK'
                 WHEN l.on_hand <= coalesce(l.min_stock, i.min_stock) THEN 'BAJO'
                 WHEN l.on_hand <= 2 * coalesce(l.min_stock, i.min_stock) THEN 'NORMAL'
                 ELSE 'ALTO' END AS status,
            l.on_hand <= coalesce(l.min_stock, i.min_stock) AS low_stock, l.last_movement_at, l.times_counted,
            l.next_count_due""";

    static final String LEVEL_FROM = """
            FROM stock_levels l
            JOIN catalog_items i ON i.tenant_id = l.tenant_id AND i.id = l.item_id
            JOIN locations loc ON loc.tenant_id = l.tenant_id AND loc.id = l.location_id""";

    /** Filters of {@link Filter} over {@link #LEVEL_FROM}, for the list and the CSV export alike. */
    static final String LEVEL_WHERE = """
            WHERE i.deleted_at IS NULL
              AND (CAST(:location AS uuid) IS NULL OR l.location_id = :location)
              AND (CAST(:item AS uuid) IS NULL OR l.item_id = :item)
              AND (CAST(:q AS text) IS NULL OR l.item_id = ANY(:found)
                   OR lower(i.sku) LIKE :q OR lower(i.name) LIKE :q OR i.barcode = :code)
              AND (CAST(:low AS boolean) IS NOT TRUE OR l.on_hand <= coalesce(l.min_stock, i.min_stock))
              AND (CAST(:status AS text) IS NULL OR :status = CASE
                     WHEN l.on_hand <= 0 THEN 'SIN_STOCK'
                     WHEN l.on_hand <= coalesce(l.min_stock, i.min_stock) THEN 'BAJO'
                     WHEN l.on_hand <= 2 * coalesce(l.min_stock, i.min_stock) THEN 'NORMAL'
                     ELSE 'ALTO' END)""";

    /** How many of the catalog's best matches a search looks at (a search, not a listing). */
    static final int SEARCH_LIMIT = 500;

    private final JdbcClient jdbc;
    private final CatalogItems catalog;

    StockLevels(JdbcClient jdbc, CatalogItems catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** Levels by SKU, then location; the cursor is the sort key of the last row. */
    @Transactional(readOnly = true)
    public CursorPage<LevelView> list(Filter filter, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, Cursors.Part.UUID, Cursors.Part.UUID, Cursors.Part.TEXT);
        List<LevelView> rows = filtered(jdbc.sql("SELECT " + LEVEL_COLUMNS + " " + LEVEL_FROM + " " + LEVEL_WHERE + """
                          AND (CAST(:afterSku AS text) IS NULL
                               OR (lower(i.sku), l.item_id, l.location_id) > (lower(:afterSku), CAST(:afterItem AS uuid), CAST(:afterLocation AS uuid)))
                        ORDER BY lower(i.sku), l.item_id, l.location_id LIMIT :limit"""), filter)
                .param("afterItem", after == null ? null : after.get(0))
                .param("afterLocation", after == null ? null : after.get(1))
                .param("afterSku", after == null ? null : after.get(2))
                .param("limit", limit + 1)
                .query(LevelView.class).list();
        return CursorPage.of(rows, limit, row -> Cursors.encode(row.itemId(), row.locationId(),
                row.sku()));
    }

    /**
     * Binds the parameters of {@link #LEVEL_WHERE}. Text is looked for as the catalog searches (no accents
     * needed, a typo forgiven) and, as before, as a fragment of the SKU or name or a whole barcode.
     */
    JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Filter filter) {
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().trim();
        if (filter.status() != null && !filter.status().isBlank() && !STATUSES.contains(filter.status())) {
            throw Problems.of(PlatformProblem.VALIDATION, "status must be one of " + STATUSES);
        }
        return spec.param("location", filter.locationId()).param("item", filter.itemId())
                .param("q", q == null ? null : "%" + Locations.escapeLike(q.toLowerCase(Locale.ROOT)) + "%")
                .param("code", q)
                .param("found", catalog.matching(q, SEARCH_LIMIT).toArray(UUID[]::new))
                .param("low", filter.lowOnly())
                .param("status", filter.status() == null || filter.status().isBlank() ? null : filter.status());
    }

    @Transactional(readOnly = true)
    public LevelView get(UUID locationId, UUID itemId) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " " + LEVEL_FROM + " WHERE l.location_id = :location AND l.item_id = :item")
                .param("location", locationId).param("item", itemId)
                .query(LevelView.class).optional()
                .orElseThrow(() -> new NotFoundException("Stock level"));
    }

    /** Every level of one item the caller can see, by location name (the item page's stock panel). */
    @Transactional(readOnly = true)
    public List<LevelView> ofItem(UUID itemId) {
        return jdbc.sql("SELECT " + LEVEL_COLUMNS + " " + LEVEL_FROM + " WHERE l.item_id = :item ORDER BY lower(loc.name), l.location_id")
                .param("item", itemId).query(LevelView.class).list();
    }

    /**
     * Sets the level's own attributes (JSON merge patch: an absent field stays, null clears it); creates the
     * level, with nothing on hand, if the item was never stocked there.
     */
    @Transactional
    public LevelView patch(UUID locationId, UUID itemId, JsonNode body) {
        requireVisibleLocation(locationId);
        ItemRef item = item(itemId).orElseThrow(() -> new NotFoundException("Item"));
        Patch patch = Patch.of(body, item.decimals());
        jdbc.sql("""
                        INSERT INTO stock_levels (tenant_id, location_id, item_id, min_stock, bin, count_frequency_days, new_until)
                        VALUES (:tenant, :location, :item, :minStock, :bin, :frequency, :newUntil)
                        ON CONFLICT (tenant_id, location_id, item_id) DO UPDATE SET
                            min_stock = CASE WHEN :setMin THEN EXCLUDED.min_stock ELSE stock_levels.min_stock END,
                            bin = CASE WHEN :setBin THEN EXCLUDED.bin ELSE stock_levels.bin END,
                            count_frequency_days = CASE WHEN :setFrequency THEN EXCLUDED.count_frequency_days
                                                        ELSE stock_levels.count_frequency_days END,
                            new_until = CASE WHEN :setNewUntil THEN EXCLUDED.new_until ELSE stock_levels.new_until END,
                            updated_at = EXCLUDED.updated_at""")
                .param("tenant", TenantContext.tenantId()).param("location", locationId).param("item", itemId)
                .param("minStock", patch.minStock()).param("bin", patch.bin())
                .param("frequency", patch.countFrequencyDays())
                .param("newUntil", patch.newUntil() == null ? null : Timestamp.from(patch.newUntil()))
                .param("setMin", patch.fields().contains("minStock")).param("setBin", patch.fields().contains("bin"))
                .param("setFrequency", patch.fields().contains("countFrequencyDays"))
                .param("setNewUntil", patch.fields().contains("newUntil"))
                .update();
        return get(locationId, itemId);
    }

    /** An item by exact barcode, else by SKU (case-insensitive): what a scanner or a typed code names. */
    @Transactional(readOnly = true)
    public Optional<ItemRef> lookup(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.name, i.unit_code AS unit, i.unit_decimals AS decimals, i.active
                        FROM catalog_items i
                        WHERE i.deleted_at IS NULL AND (i.barcode = :code OR i.sku_key = lower(:code))
                        ORDER BY (i.barcode = :code) DESC NULLS LAST LIMIT 1""")
                .param("code", code.trim()).query(ItemRef.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<ItemRef> item(UUID id) {
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.name, i.unit_code AS unit, i.unit_decimals AS decimals, i.active
                        FROM catalog_items i WHERE i.id = :id AND i.deleted_at IS NULL""")
                .param("id", id).query(ItemRef.class).optional();
    }

    private void requireVisibleLocation(UUID locationId) {
        boolean visible = jdbc.sql("SELECT count(*) FROM locations WHERE id = :id AND id IN (SELECT v FROM app_visible_locations() v)")
                .param("id", locationId).query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("Location");
        }
    }

    /** The fields a PATCH names, validated; quantities and costs are not among them. */
    record Patch(Set<String> fields, BigDecimal minStock, String bin, Integer countFrequencyDays, Instant newUntil) {

        private static final Set<String> EDITABLE = Set.of("minStock", "bin", "countFrequencyDays", "newUntil");
        private static final Set<String> READ_ONLY = Set.of("onHand", "avgCost", "value", "status", "lowStock");

        static Patch of(JsonNode body, int decimals) {
            if (body == null || !body.isObject()) {
                throw invalid(List.of(error("body", "must be a JSON object")));
            }
            List<Map<String, String>> errors = new ArrayList<>();
            Set<String> fields = new HashSet<>();
            body.propertyNames().forEach(name -> {
                if (EDITABLE.contains(name)) {
                    fields.add(name);
                } else if (READ_ONLY.contains(name)) {
                    errors.add(error(name, "is read-only: quantities and costs change only through postings"));
                }
            });
            BigDecimal minStock = minStock(body.get("minStock"), decimals, errors);
            String bin = bin(body.get("bin"), errors);
            Integer frequency = frequency(body.get("countFrequencyDays"), errors);
            Instant newUntil = newUntil(body.get("newUntil"), errors);
            if (!errors.isEmpty()) {
                throw invalid(errors);
            }
            return new Patch(fields, minStock, bin, frequency, newUntil);
        }

        private static BigDecimal minStock(JsonNode node, int decimals, List<Map<String, String>> errors) {
            if (node == null || node.isNull()) {
                return null;
            }
            try {
                BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString().trim());
                if (value.signum() < 0 || value.compareTo(new BigDecimal("99999999999")) > 0) {
                    errors.add(error("minStock", "must be between 0 and 99999999999"));
                } else if (value.stripTrailingZeros().scale() > decimals) {
                    errors.add(error("minStock", "allows at most " + decimals + " decimals for this item's unit"));
                }
                return value;
            } catch (NumberFormatException e) {
                errors.add(error("minStock", "must be a number"));
                return null;
            }
        }

        private static String bin(JsonNode node, List<Map<String, String>> errors) {
            if (node == null || node.isNull()) {
                return null;
            }
            String bin = node.asString().trim();
            if (bin.length() > 40) {
                errors.add(error("bin", "at most 40 characters"));
            }
            return bin.isEmpty() ? null : bin;
        }

        private static Integer frequency(JsonNode node, List<Map<String, String>> errors) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() <= 0) {
                errors.add(error("countFrequencyDays", "must be a whole number of days, at least 1"));
                return null;
            }
            return node.intValue();
        }

        /** An instant ({@code 2025-03-01T00:00:00Z}) or a date, meaning until the end of that day (UTC). */
        private static Instant newUntil(JsonNode node, List<Map<String, String>> errors) {
            if (node == null || node.isNull()) {
                return null;
            }
            String text = node.asString().trim();
            try {
                return text.length() == 10 ? LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(error("newUntil", "must be a date (yyyy-MM-dd) or an ISO-8601 date-time with offset"));
                return null;
            }
        }

        private static Map<String, String> error(String field, String message) {
            return Map.of("field", field, "message", message);
        }

        private static ErrorResponseException invalid(List<Map<String, String>> errors) {
            ErrorResponseException problem = Problems.of(PlatformProblem.VALIDATION, "The request has invalid fields");
            problem.getBody().setProperty("errors", errors);
            return problem;
        }
    }
}
