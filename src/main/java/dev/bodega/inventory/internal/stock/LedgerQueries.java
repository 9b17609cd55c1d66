package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.MovementType;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reading the ledger: one posting with its rows, and the kárdex of an item
 * (every row of the item in the order it was applied, with the balance at its
 * location and across locations after each row). Ledger row ids are UUIDv7
 * taken while the row's level is locked, so id order is application order.
 */
@Service
class LedgerQueries {

    record PostingView(UUID id, String kind, String documentType, UUID documentId, String reason, String note,
                       UUID userId, String userName, Instant createdAt, List<PostingRow> rows) {
    }

    record PostingRow(UUID id, UUID locationId, String locationName, UUID itemId, String sku, String itemName,
                      String unit, String movementType, BigDecimal quantity, BigDecimal onHandBefore,
                      BigDecimal onHandAfter, BigDecimal unitCost, boolean crossedBelowMin) {
    }

    private record PostingHeader(UUID id, String kind, String documentType, UUID documentId, String reason, String note,
                                 UUID userId, String userName, Instant createdAt) {
    }

    record KardexFilter(LocalDate from, LocalDate to, UUID locationId, String movementType, UUID userId) {
    }

    record KardexRow(UUID id, UUID postingId, Instant createdAt, UUID locationId, String locationName,
                     String movementType, BigDecimal quantity, BigDecimal unitCost, BigDecimal onHandBefore,
                     BigDecimal locationBalance, BigDecimal overallBalance, String documentType, UUID documentId,
                     String reason, UUID userId, String userName) {
    }

    record Kardex(StockLevels.ItemRef item, List<KardexRow> items, String nextCursor) {
    }

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A posting and its rows at the caller's locations; not found if none of them is. */
    @Transactional(readOnly = true)
    public PostingView posting(UUID id) {
        PostingHeader header = jdbc.sql("""
                        SELECT p.id, p.kind, p.document_type, p.document_id, p.reason, p.note, p.user_id,
                               u.name AS user_name, p.created_at
                        FROM stock_postings p LEFT JOIN platform_users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id
                        WHERE p.id = :id""")
                .param("id", id).query(PostingHeader.class).optional()
                .orElseThrow(() -> new NotFoundException("Posting"));
        List<PostingRow> rows = jdbc.sql("""
                        SELECT g.id, g.location_id, loc.name AS location_name, g.item_id, i.sku, i.name AS item_name,
                               i.unit_code AS unit, g.movement_type, g.quantity, g.on_hand_before, g.on_hand_after,
                               g.unit_cost, g.crossed_below_min
                        FROM stock_ledger g
                        JOIN locations loc ON loc.tenant_id = g.tenant_id AND loc.id = g.location_id
                        JOIN catalog_items i ON i.tenant_id = g.tenant_id AND i.id = g.item_id
                        WHERE g.posting_id = :id ORDER BY g.id""")
                .param("id", id).query(PostingRow.class).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("Posting");
        }
        return new PostingView(header.id(), header.kind(), header.documentType(), header.documentId(), header.reason(),
                header.note(), header.userId(), header.userName(), header.createdAt(), rows);
    }

    /**
     * The kárdex page after {@code cursor} (a ledger row id). The location balance is the row's own
     * on_hand_after; the overall balance is a running sum over all the item's visible rows, computed
     * before the filters so it stays right on every page and under every filter. It runs posting by posting
     * (the rows of one posting are peers of the window), so both legs of a transfer show the balance after
     * the whole transfer and it does not dip between them.
     */
    @Transactional(readOnly = true)
    public Kardex kardex(UUID itemId, KardexFilter filter, UUID cursor, int limit) {
        StockLevels.ItemRef item = jdbc.sql("""
                        SELECT i.id, i.sku, i.name, i.unit_code AS unit, i.unit_decimals AS decimals, i.active
                        FROM catalog_items i WHERE i.id = :id""")
                .param("id", itemId).query(StockLevels.ItemRef.class).optional()
                .orElseThrow(() -> new NotFoundException("Item"));
        String type = movementType(filter.movementType());
        List<KardexRow> rows = jdbc.sql("""
                        WITH zone AS (SELECT time_zone FROM platform_tenants WHERE id = app_current_tenant())
                        SELECT k.* FROM (
                            SELECT g.id, g.posting_id, g.created_at, g.location_id, loc.name AS location_name,
                                   g.movement_type, g.quantity, g.unit_cost, g.on_hand_before,
                                   g.on_hand_after AS location_balance,
                                   sum(g.quantity) OVER (ORDER BY g.posting_id) AS overall_balance,
                                   g.document_type, g.document_id, g.reason, g.user_id, u.name AS user_name
                            FROM stock_ledger g
                            JOIN locations loc ON loc.tenant_id = g.tenant_id AND loc.id = g.location_id
                            LEFT JOIN platform_users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
                            WHERE g.item_id = :item
                        ) k
                        WHERE (CAST(:from AS date) IS NULL
                               OR k.created_at >= CAST(:from AS date)::timestamp AT TIME ZONE (SELECT time_zone FROM zone))
                          AND (CAST(:to AS date) IS NULL
                               OR k.created_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM zone))
                          AND (CAST(:location AS uuid) IS NULL OR k.location_id = :location)
                          AND (CAST(:type AS text) IS NULL OR k.movement_type = :type)
                          AND (CAST(:user AS uuid) IS NULL OR k.user_id = :user)
                          AND (CAST(:after AS uuid) IS NULL OR k.id > :after)
                        ORDER BY k.id LIMIT :limit""")
                .param("item", itemId)
                .param("from", filter.from()).param("to", filter.to())
                .param("location", filter.locationId()).param("type", type).param("user", filter.userId())
                .param("after", cursor).param("limit", limit + 1)
                .query(KardexRow.class).list();
        CursorPage<KardexRow> page = CursorPage.of(rows, limit, KardexRow::id);
        return new Kardex(item, page.items(), page.nextCursor());
    }

    record UserOption(UUID id, String name) {
    }

    /** The tenant's users, for the kárdex's user filter. */
    @Transactional(readOnly = true)
    public List<UserOption> users() {
        return jdbc.sql("SELECT id, name FROM platform_users WHERE deleted_at IS NULL ORDER BY lower(name), id")
                .query(UserOption.class).list();
    }

    static String movementType(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        boolean known = Arrays.stream(MovementType.values()).anyMatch(t -> t.code().equals(code));
        if (!known) {
            throw Problems.of(PlatformProblem.VALIDATION, "movementType must be one of "
                    + Arrays.stream(MovementType.values()).map(MovementType::code).toList());
        }
        return code;
    }
}
