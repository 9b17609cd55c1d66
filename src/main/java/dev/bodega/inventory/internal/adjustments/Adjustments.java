package dev.bodega.inventory.internal.adjustments;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.inventory.internal.approvals.MovementApprovalsService;
import dev.bodega.inventory.internal.approvals.PostingValues;
import dev.bodega.inventory.internal.ledger.PostingRules;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Stock adjustments with reason codes (seed 004 stock_adjustments) and their
 * approval (seed 004 transaction_approvals). An adjustment the approval rules hold
 * back (the company's threshold is one of them) waits as pending in the one
 * approvals flow, under the adjustment's own id; another user with
 * inventory.approve posts it, or rejects it saying why. Every adjustment is kept
 * as a document, and its posting points back to it.
 */
@Service
public class Adjustments {

    static final List<String> REASONS = List.of("damaged", "lost", "found", "count_correction", "expired", "other");
    static final List<String> STATUSES = List.of("posted", "pending", "approved", "rejected");
    static final String DOCUMENT_TYPE = "adjustment";

    public record LineRequest(UUID itemId, BigDecimal quantity) {
    }

    public record Request(UUID locationId, String reason, String note, List<LineRequest> lines) {
    }

    record LineView(int lineNo, UUID itemId, String sku, String name, BigDecimal quantity, BigDecimal unitCost) {
    }

    /** An adjustment; {@code lines} only when one is read by id, {@code posting} only right after it posted. */
    public record View(UUID id, UUID locationId, String locationName, String reason, String note, BigDecimal value,
                String status, UUID requestedBy, String requestedByName, Instant requestedAt, UUID decidedBy,
                String decidedByName, Instant decidedAt, String decisionNote, UUID postingId, List<LineView> lines,
                StockPostings.Posted posting) {

        View with(List<LineView> lines, StockPostings.Posted posting) {
            return new View(id, locationId, locationName, reason, note, value, status, requestedBy, requestedByName,
                    requestedAt, decidedBy, decidedByName, decidedAt, decisionNote, postingId, lines, posting);
        }

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    private static final String SELECT_VIEW = """
            SELECT a.id, a.location_id, l.name AS location_name, a.reason, a.note, a.value, a.status,
                   a.requested_by, ru.name AS requested_by_name, a.created_at AS requested_at,
                   a.decided_by, du.name AS decided_by_name, a.decided_at, a.decision_note, a.posting_id
            FROM stock_adjustments a
            JOIN locations l ON l.tenant_id = a.tenant_id AND l.id = a.location_id
            JOIN platform_users ru ON ru.tenant_id = a.tenant_id AND ru.id = a.requested_by
            LEFT JOIN platform_users du ON du.tenant_id = a.tenant_id AND du.id = a.decided_by
            """;

    private final JdbcClient jdbc;
    private final PostingRules rules;
    private final MovementApprovalsService approvals;
    private final StockOpsMessages messages;
    private final PostingValues values;

    Adjustments(JdbcClient jdbc, PostingRules rules, MovementApprovalsService approvals, StockOpsMessages messages,
                PostingValues values) {
        this.jdbc = jdbc;
        this.values = values;
        this.rules = rules;
        this.approvals = approvals;
        this.messages = messages;
    }

    /** Posts the adjustment at once, or keeps it pending (under its own id) when the approval rules say so. */
    @Transactional
    public View request(Request request) {
        UUID requester = currentUser();
        if (!REASONS.contains(request.reason())) {
            throw Problems.of(InventoryProblem.UNKNOWN_REASON, "Reason must be one of " + REASONS);
        }
        Map<UUID, BigDecimal> quantities = merge(request.lines());
        List<Line> lines = lines(request.locationId(), quantities);
        rules.check(lines);
        requireVisible(request.locationId());
        PostingValues.Valued valued = values.of(lines);

        UUID id = Ids.next();
        MovementApprovals.Outcome outcome = approvals.submit(id, posting(id, request.reason(), request.note(), lines));
        StockPostings.Posted posted = outcome.posted();
        jdbc.sql("""
                        INSERT INTO stock_adjustments (tenant_id, id, location_id, reason, note, value, status, requested_by, posting_id)
                        VALUES (:tenant, :id, :location, :reason, :note, :value, :status, :user, :posting)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", request.locationId())
                .param("reason", request.reason()).param("note", blankToNull(request.note())).param("value", valued.total())
                .param("status", outcome.waiting() ? "pending" : "posted").param("user", requester)
                .param("posting", posted == null ? null : posted.postingId())
                .update();
        insertLines(id, lines, valued);
        return get(id).with(lines(id), posted);
    }

    /** Approves it in the one approvals flow (it waits there under its own id), which posts it. */
    @Transactional
    public View approve(UUID id, String note) {
        requirePending(id);
        StockPostings.Posted posted = approvals.approve(id, note).posting();
        return get(id).with(lines(id), posted);
    }

    @Transactional
    public View reject(UUID id, String reason) {
        requirePending(id);
        approvals.reject(id, reason);
        return get(id).with(lines(id), null);
    }

    /** One posted at once never waited: there is nothing to decide. */
    private void requirePending(UUID id) {
        View adjustment = get(id);
        if (!adjustment.pending()) {
            throw Problems.of(InventoryProblem.ALREADY_DECIDED, "This adjustment is already " + adjustment.status());
        }
    }

    /** The approvals flow decided on an adjustment: the adjustment records it, and its requester hears of it. */
    @EventListener
    void on(MovementDecided decided) {
        if (!DOCUMENT_TYPE.equals(decided.documentType())) {
            return;
        }
        String status = decided.approved() ? "approved" : "rejected";
        jdbc.sql("""
                        UPDATE stock_adjustments SET status = :status, decided_by = :decider, decided_at = now(),
                               decision_note = :note, posting_id = :posting, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("status", status).param("decider", decided.decidedBy()).param("note", decided.note())
                .param("posting", decided.postingId()).param("tenant", TenantContext.tenantId())
                .param("id", decided.documentId())
                .update();
        messages.notifyDecision(decided.requestedBy(), decided.documentId(), status, decided.note());
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        return jdbc.sql(SELECT_VIEW + " WHERE a.id = :id")
                .param("id", id)
                .query(Adjustments::view).optional()
                .orElseThrow(() -> new NotFoundException("Adjustment"));
    }

    @Transactional(readOnly = true)
    public View detail(UUID id) {
        return get(id).with(lines(id), null);
    }

    /** Newest first; {@code statuses} empty means all. */
    @Transactional(readOnly = true)
    public CursorPage<View> list(List<String> statuses, UUID before, int limit) {
        List<View> rows = jdbc.sql(SELECT_VIEW + """
                         WHERE (cardinality(CAST(:statuses AS text[])) = 0 OR a.status = ANY (CAST(:statuses AS text[])))
                          AND (CAST(:before AS uuid) IS NULL OR a.id < :before)
                        ORDER BY a.id DESC LIMIT :limit""")
                .param("statuses", statuses.toArray(String[]::new)).param("before", before).param("limit", limit + 1)
                .query(Adjustments::view).list();
        return CursorPage.of(rows, limit, View::id);
    }

    @Transactional(readOnly = true)
    public List<LineView> lines(UUID id) {
        return jdbc.sql("""
                        SELECT al.line_no, al.item_id, i.sku, i.name, al.quantity, al.unit_cost
                        FROM stock_adjustment_lines al
                        JOIN catalog_items i ON i.tenant_id = al.tenant_id AND i.id = al.item_id
                        WHERE al.tenant_id = :tenant AND al.adjustment_id = :id ORDER BY al.line_no""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(LineView.class).list();
    }

    private static View view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new View(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getString("reason"), rs.getString("note"), rs.getBigDecimal("value"),
                rs.getString("status"), rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant(), rs.getObject("decided_by", UUID.class),
                rs.getString("decided_by_name"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_note"), rs.getObject("posting_id", UUID.class), null, null);
    }

    /** One quantity per item, in the order first given; a line (or a sum) of zero adjusts nothing and is refused. */
    static Map<UUID, BigDecimal> merge(List<LineRequest> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Problems.of(InventoryProblem.EMPTY_ADJUSTMENT, "An adjustment needs at least one line");
        }
        Map<UUID, BigDecimal> merged = new LinkedHashMap<>();
        for (LineRequest line : lines) {
            if (line.quantity().signum() == 0) {
                throw Problems.of(InventoryProblem.ZERO_QUANTITY,
                        "Item " + line.itemId() + ": a quantity of 0 adjusts nothing");
            }
            merged.merge(line.itemId(), line.quantity(), BigDecimal::add);
        }
        merged.forEach((item, quantity) -> {
            if (quantity.signum() == 0) {
                throw Problems.of(InventoryProblem.ZERO_QUANTITY, "Item " + item + ": its lines add up to 0");
            }
        });
        return merged;
    }

    private static List<Line> lines(UUID location, Map<UUID, BigDecimal> quantities) {
        List<Line> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> lines.add(new Line(location, item, MovementType.ADJUSTMENT, quantity, null)));
        return lines;
    }

    private static StockPostings.Posting posting(UUID id, String reason, String note, List<Line> lines) {
        return new StockPostings.Posting("adjustment", DOCUMENT_TYPE, id, reason, blankToNull(note), lines);
    }

    private void insertLines(UUID id, List<Line> lines, PostingValues.Valued valued) {
        int lineNo = 0;
        for (Line line : lines) {
            jdbc.sql("""
                            INSERT INTO stock_adjustment_lines (tenant_id, adjustment_id, line_no, item_id, quantity, unit_cost)
                            VALUES (:tenant, :id, :lineNo, :item, :quantity, :cost)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("lineNo", ++lineNo)
                    .param("item", line.itemId()).param("quantity", line.quantity())
                    .param("cost", valued.unitCost(line))
                    .update();
        }
    }

    /** A pending adjustment is checked at the request too, so it never waits for something that could not post. */
    private void requireVisible(UUID location) {
        boolean visible = jdbc.sql("SELECT CAST(:location AS uuid) IN (SELECT v FROM app_visible_locations() v)")
                .param("location", location).query(Boolean.class).single();
        if (!visible) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED, "You may not move stock at this location");
        }
    }

    private static UUID currentUser() {
        return TenantContext.userId()
                .orElseThrow(() -> Problems.of(PlatformProblem.FORBIDDEN, "Adjustments are requested and decided by users"));
    }

}
