package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.StockCounts.NewCount;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Count sessions (seed 003 registro_conteo): opened at one location for a scope, their lines listed from the
 * levels in scope, read back with the seed's summary. A line's system quantity is shown only to who may review
 * ({@code reveal}); counters count blind.
 */
@Service
public class Counts {

    static final List<String> SCOPES = List.of("full", "category", "bins", "cycle");

    /** A count session; figures a counter may not see are null. */
    public record View(UUID id, UUID locationId, String locationName, String scope, UUID categoryId,
                       String categoryName, String binFrom, String binTo, String status, BigDecimal tolerance,
                       String note, int listedItems, int totalItems, Integer totalDifferences, int itemsWithLoose,
                       UUID createdBy, String createdByName, Instant createdAt, String closedByName, Instant closedAt,
                       Instant cancelledAt, UUID postingId) {

        public boolean counting() {
            return "counting".equals(status);
        }

        public boolean inReview() {
            return "review".equals(status);
        }
    }

    /**
     * A line: {@code systemQuantity}, {@code difference} ((system + loose) - counted, seed 003), {@code movedSince}
     * (what the ledger moved since the snapshot) and {@code correction} (what closing posts) only when revealed.
     */
    public record LineView(UUID itemId, String sku, String name, String unit, String bin, BigDecimal countedQuantity,
                           BigDecimal looseQuantity, BigDecimal systemQuantity, BigDecimal difference,
                           BigDecimal movedSince, BigDecimal correction, boolean overTolerance, int recounts,
                           String countedByName, Instant countedAt) {

        public boolean counted() {
            return countedQuantity != null;
        }
    }

    private static final String SELECT_VIEW = """
            SELECT c.id, c.location_id, l.name AS location_name, c.scope, c.category_id, cat.name AS category_name,
                   c.bin_from, c.bin_to, c.status, c.tolerance, c.note,
                   (SELECT count(*) FROM stock_count_lines cl WHERE cl.tenant_id = c.tenant_id AND cl.count_id = c.id) AS listed,
                   c.total_items, c.total_differences, c.items_with_loose, c.created_by, cu.name AS created_by_name,
                   c.created_at, xu.name AS closed_by_name, c.closed_at, c.cancelled_at, c.posting_id
            FROM stock_counts c
            JOIN locations l ON l.tenant_id = c.tenant_id AND l.id = c.location_id
            JOIN platform_users cu ON cu.tenant_id = c.tenant_id AND cu.id = c.created_by
            LEFT JOIN platform_users xu ON xu.tenant_id = c.tenant_id AND xu.id = c.closed_by
            LEFT JOIN catalog_categories cat ON cat.tenant_id = c.tenant_id AND cat.id = c.category_id
            """;

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    Counts(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional
    public UUID open(NewCount count) {
        UUID user = currentUser();
        String scope = checkScope(count);
        requireLocation(count.locationId());
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO stock_counts (tenant_id, id, location_id, scope, category_id, bin_from, bin_to,
                                                  tolerance, note, created_by)
                        VALUES (:tenant, :id, :location, :scope, :category, :binFrom, :binTo, :tolerance, :note, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", count.locationId())
                .param("scope", scope).param("category", scope.equals("category") ? count.categoryId() : null)
                .param("binFrom", scope.equals("bins") ? count.binFrom().trim() : null)
                .param("binTo", scope.equals("bins") ? count.binTo().trim() : null)
                .param("tolerance", count.tolerance() == null ? BigDecimal.ZERO : count.tolerance())
                .param("note", blankToNull(count.note())).param("user", user)
                .update();
        listLines(id, count.locationId(), scope, count);
        return id;
    }

    @Transactional(readOnly = true)
    public View get(UUID id, boolean reveal) {
        View view = jdbc.sql(SELECT_VIEW + " WHERE c.id = :id").param("id", id)
                .query(Counts::view).optional()
                .orElseThrow(() -> new NotFoundException("Count"));
        return reveal ? view : blind(view);
    }

    /** Newest first; {@code status} null means all. */
    @Transactional(readOnly = true)
    public CursorPage<View> list(String status, UUID locationId, UUID before, int limit, boolean reveal) {
        List<View> rows = jdbc.sql(SELECT_VIEW + """
                         WHERE (CAST(:status AS text) IS NULL OR c.status = :status)
                          AND (CAST(:location AS uuid) IS NULL OR c.location_id = :location)
                          AND (CAST(:before AS uuid) IS NULL OR c.id < :before)
                        ORDER BY c.id DESC LIMIT :limit""")
                .param("status", status).param("location", locationId).param("before", before)
                .param("limit", limit + 1)
                .query(Counts::view).list();
        return CursorPage.of(reveal ? rows : rows.stream().map(Counts::blind).toList(), limit, View::id);
    }

    /** The lines in the order of the count sheet: by bin, then SKU. */
    @Transactional(readOnly = true)
    public List<LineView> lines(UUID id, boolean reveal) {
        View count = get(id, true);
        List<LineView> lines = jdbc.sql("""
                        SELECT cl.item_id, i.sku, i.name, i.unit_code AS unit, cl.bin, cl.counted_quantity,
                               cl.loose_quantity, cl.system_quantity, cl.difference,
                               coalesce(sl.on_hand, 0) - cl.system_quantity AS moved_since, cl.recounts,
                               u.name AS counted_by_name, cl.counted_at
                        FROM stock_count_lines cl
                        JOIN catalog_items i ON i.tenant_id = cl.tenant_id AND i.id = cl.item_id
                        LEFT JOIN stock_levels sl ON sl.tenant_id = cl.tenant_id AND sl.location_id = cl.location_id
                                                 AND sl.item_id = cl.item_id
                        LEFT JOIN platform_users u ON u.tenant_id = cl.tenant_id AND u.id = cl.counted_by
                        WHERE cl.tenant_id = :tenant AND cl.count_id = :id
                        ORDER BY cl.bin NULLS LAST, lower(i.sku), cl.item_id""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .query((rs, n) -> line(rs, count.tolerance(), reveal))
                .list();
        return lines;
    }

    private static LineView line(ResultSet rs, BigDecimal tolerance, boolean reveal) throws SQLException {
        BigDecimal difference = rs.getBigDecimal("difference");
        Timestamp countedAt = rs.getTimestamp("counted_at");
        boolean over = difference != null && difference.abs().compareTo(tolerance) > 0;
        return new LineView(rs.getObject("item_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getString("unit"), rs.getString("bin"), rs.getBigDecimal("counted_quantity"),
                rs.getBigDecimal("loose_quantity"),
                reveal ? rs.getBigDecimal("system_quantity") : null, reveal ? difference : null,
                reveal ? rs.getBigDecimal("moved_since") : null,
                reveal && difference != null ? difference.negate() : null, reveal && over,
                rs.getInt("recounts"), rs.getString("counted_by_name"),
                countedAt == null ? null : countedAt.toInstant());
    }

    private static View view(ResultSet rs, int row) throws SQLException {
        return new View(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getString("scope"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getString("bin_from"), rs.getString("bin_to"),
                rs.getString("status"), rs.getBigDecimal("tolerance"), rs.getString("note"), rs.getInt("listed"),
                rs.getInt("total_items"), rs.getInt("total_differences"), rs.getInt("items_with_loose"),
                rs.getObject("created_by", UUID.class), rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("closed_by_name"),
                instant(rs, "closed_at"), instant(rs, "cancelled_at"), rs.getObject("posting_id", UUID.class));
    }

    private static View blind(View v) {
        return new View(v.id(), v.locationId(), v.locationName(), v.scope(), v.categoryId(), v.categoryName(),
                v.binFrom(), v.binTo(), v.status(), v.tolerance(), v.note(), v.listedItems(), v.totalItems(), null,
                v.itemsWithLoose(), v.createdBy(), v.createdByName(), v.createdAt(), v.closedByName(), v.closedAt(),
                v.cancelledAt(), v.postingId());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String checkScope(NewCount count) {
        String scope = count.scope() == null ? "full" : count.scope();
        if (!SCOPES.contains(scope)) {
            throw Problems.of(InventoryProblem.COUNT_SCOPE, "Scope must be one of " + SCOPES);
        }
        if (scope.equals("category") && count.categoryId() == null) {
            throw Problems.of(InventoryProblem.COUNT_SCOPE, "A count by category needs its category");
        }
        if (scope.equals("bins") && (blankToNull(count.binFrom()) == null || blankToNull(count.binTo()) == null)) {
            throw Problems.of(InventoryProblem.COUNT_SCOPE, "A count by bins needs the first and the last bin");
        }
        if (count.tolerance() != null && count.tolerance().signum() < 0) {
            throw Problems.of(InventoryProblem.COUNT_QUANTITY, "The tolerance cannot be negative");
        }
        return scope;
    }

    /** An active location the user may work at. */
    private void requireLocation(UUID location) {
        record Place(boolean active, boolean inReach) {
        }
        Place place = jdbc.sql("SELECT active, app_works_at(id) AS in_reach FROM locations WHERE id = :id")
                .param("id", location).query(Place.class).optional()
                .orElseThrow(() -> Problems.of(InventoryProblem.UNKNOWN_LOCATION, "No such location"));
        if (!place.inReach()) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED, "You may not count at this location");
        }
        if (!place.active()) {
            throw Problems.of(InventoryProblem.INACTIVE_LOCATION, "The location is inactive");
        }
    }

    /** One uncounted line per level in scope; the counters may still add items found that are not listed. */
    private void listLines(UUID id, UUID location, String scope, NewCount count) {
        if (scope.equals("category") && jdbc.sql("SELECT count(*) FROM catalog_categories WHERE id = :id")
                .param("id", count.categoryId()).query(Long.class).single() == 0) {
            throw Problems.of(InventoryProblem.COUNT_SCOPE, "No such category");
        }
        jdbc.sql("""
                        WITH RECURSIVE tree AS (
                            SELECT id FROM catalog_categories WHERE tenant_id = :tenant AND id = CAST(:category AS uuid)
                            UNION
                            SELECT c.id FROM catalog_categories c JOIN tree t ON c.parent_id = t.id
                            WHERE c.tenant_id = :tenant)
                        INSERT INTO stock_count_lines (tenant_id, count_id, item_id, location_id, bin)
                        SELECT sl.tenant_id, :id, sl.item_id, sl.location_id, sl.bin
                        FROM stock_levels sl
                        JOIN catalog_items i ON i.tenant_id = sl.tenant_id AND i.id = sl.item_id
                        WHERE sl.tenant_id = :tenant AND sl.location_id = :location AND i.deleted_at IS NULL
                          AND (:scope <> 'category' OR i.category_id IN (SELECT id FROM tree))
                          AND (:scope <> 'bins' OR lower(sl.bin) BETWEEN lower(:binFrom) AND lower(:binTo))
                          AND (:scope <> 'cycle' OR (sl.count_frequency_days IS NOT NULL
                                                    AND coalesce(sl.next_count_due <= :today, true)))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", location)
                .param("scope", scope).param("category", count.categoryId())
                .param("binFrom", String.valueOf(count.binFrom()).trim())
                .param("binTo", String.valueOf(count.binTo()).trim())
                .param("today", LocalDate.now(settings.current().zoneId()))
                .update();
    }

    static UUID currentUser() {
        return TenantContext.userId()
                .orElseThrow(() -> Problems.of(PlatformProblem.FORBIDDEN, "Counts are made by users"));
    }
}
