package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.ledger.PostingRules;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.bodega.platform.Text.blankToNull;

/**
 * The one approval flow for postings: a posting the rules hold back is kept with its lines (pending); another user
 * approves it, which posts it through the ledger, or rejects it saying why. The decision locks the row, so of two
 * approvers at once one decides and the other finds it decided (409).
 */
@Service
public class MovementApprovalsService implements MovementApprovals {

    public static final List<String> STATUSES = List.of("pending", "approved", "rejected");

    public record LineView(int lineNo, UUID locationId, String locationName, UUID itemId, String sku, String name,
                           String movementType, BigDecimal quantity, BigDecimal unitCost) {
    }

    /** A waiting (or decided) posting; {@code lines} when read by id, {@code posting} right after it posted. */
    public record View(UUID id, String kind, String documentType, UUID documentId, String reason, String note,
                       UUID locationId, String locationName, BigDecimal value, String status, UUID requestedBy,
                       String requestedByName, Instant requestedAt, UUID decidedBy, String decidedByName,
                       Instant decidedAt, String decisionNote, UUID postingId, List<LineView> lines,
                       StockPostings.Posted posting) {

        View with(List<LineView> lines, StockPostings.Posted posting) {
            return new View(id, kind, documentType, documentId, reason, note, locationId, locationName, value, status,
                    requestedBy, requestedByName, requestedAt, decidedBy, decidedByName, decidedAt, decisionNote,
                    postingId, lines, posting);
        }

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    private record Header(UUID id, String kind, String documentType, UUID documentId, String reason, String note,
                          String status, UUID requestedBy) {
    }

    private static final String SELECT_VIEW = """
            SELECT a.id, a.kind, a.document_type, a.document_id, a.reason, a.note, a.location_id,
                   l.name AS location_name, a.value, a.status, a.requested_by, ru.name AS requested_by_name,
                   a.created_at AS requested_at, a.decided_by, du.name AS decided_by_name, a.decided_at,
                   a.decision_note, a.posting_id
            FROM movement_approvals a
            JOIN locations l ON l.tenant_id = a.tenant_id AND l.id = a.location_id
            JOIN platform_users ru ON ru.tenant_id = a.tenant_id AND ru.id = a.requested_by
            LEFT JOIN platform_users du ON du.tenant_id = a.tenant_id AND du.id = a.decided_by
            """;

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final PostingRules postingRules;
    private final ApprovalRules rules;
    private final ApplicationEventPublisher events;
    private final ApprovalNotices notices;
    private final PostingValues values;

    MovementApprovalsService(JdbcClient jdbc, StockPostings postings, PostingRules postingRules, ApprovalRules rules,
                             ApplicationEventPublisher events, ApprovalNotices notices, PostingValues values) {
        this.notices = notices;
        this.values = values;
        this.jdbc = jdbc;
        this.postings = postings;
        this.postingRules = postingRules;
        this.rules = rules;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean requiresApproval(MovementType type, UUID locationId, BigDecimal value) {
        return rules.requireApproval(Set.of(type), locationId == null ? Set.of() : Set.of(locationId), value);
    }

    @Override
    @Transactional
    public Outcome submit(StockPostings.Posting posting) {
        return submit(Ids.next(), posting);
    }

    /**
     * As {@link #submit(StockPostings.Posting)}, waiting under {@code id} if it waits (an adjustment waits under its
     * own id). A posting that waits is checked now as it will be then, so it never waits for what cannot post.
     */
    @Transactional
    public Outcome submit(UUID id, StockPostings.Posting posting) {
        postingRules.check(posting.lines());
        if (!requiresApproval(posting)) {
            return new Outcome(postings.post(posting), null);
        }
        keep(id, posting);
        return new Outcome(null, id);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean requiresApproval(StockPostings.Posting posting) {
        List<Line> lines = posting.lines();
        return rules.requireApproval(lines.stream().map(Line::movementType).collect(Collectors.toSet()),
                lines.stream().map(Line::locationId).collect(Collectors.toSet()), values.of(lines).total());
    }

    @Override
    @Transactional
    public UUID hold(StockPostings.Posting posting) {
        postingRules.check(posting.lines());
        UUID id = Ids.next();
        keep(id, posting);
        return id;
    }

    /** The posting waits, with its lines, and those who may approve hear of it. */
    private void keep(UUID id, StockPostings.Posting posting) {
        List<Line> lines = posting.lines();
        BigDecimal value = values.of(lines).total();
        requireVisible(lines.stream().map(Line::locationId).collect(Collectors.toSet()));
        UUID requester = currentUser();
        jdbc.sql("""
                        INSERT INTO movement_approvals (tenant_id, id, kind, document_type, document_id, reason, note,
                                                        location_id, value, requested_by)
                        VALUES (:tenant, :id, :kind, :documentType, :documentId, :reason, :note, :location, :value, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("kind", posting.kind())
                .param("documentType", posting.documentType()).param("documentId", posting.documentId())
                .param("reason", blankToNull(posting.reason())).param("note", blankToNull(posting.note()))
                .param("location", lines.get(0).locationId()).param("value", value).param("user", requester)
                .update();
        insertLines(id, lines);
        notices.waiting(get(id));
    }

    /** Posts a waiting posting; stock may have moved since: a refusal rolls everything back, still pending. */
    @Transactional
    public View approve(UUID id, String note) {
        UUID approver = currentUser();
        Header header = lockPending(id, approver);
        List<Line> lines = jdbc.sql("""
                        SELECT location_id, item_id, movement_type, quantity, unit_cost FROM movement_approval_lines
                        WHERE tenant_id = :tenant AND approval_id = :id ORDER BY line_no""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .query((rs, n) -> new Line(rs.getObject("location_id", UUID.class), rs.getObject("item_id", UUID.class),
                        MovementType.fromCode(rs.getString("movement_type")), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_cost")))
                .list();
        StockPostings.Posted posted = postings.post(new StockPostings.Posting(header.kind(), header.documentType(),
                header.documentId() == null ? id : header.documentId(), header.reason(), header.note(), lines));
        decide(header, "approved", approver, note, posted.postingId());
        return detail(id).with(lines(id), posted);
    }

    @Transactional
    public View reject(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.of(InventoryProblem.REASON_REQUIRED, "Say why it is rejected");
        }
        UUID approver = currentUser();
        Header header = lockPending(id, approver);
        decide(header, "rejected", approver, reason.trim(), null);
        return detail(id);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        return jdbc.sql(SELECT_VIEW + " WHERE a.id = :id")
                .param("id", id)
                .query(MovementApprovalsService::view).optional()
                .orElseThrow(() -> new NotFoundException("Approval"));
    }

    @Transactional(readOnly = true)
    public View detail(UUID id) {
        return get(id).with(lines(id), null);
    }

    /** Newest first, each with its lines; {@code statuses} empty means all. */
    @Transactional(readOnly = true)
    public CursorPage<View> list(List<String> statuses, UUID before, int limit) {
        List<View> rows = jdbc.sql(SELECT_VIEW + """
                         WHERE (cardinality(CAST(:statuses AS text[])) = 0 OR a.status = ANY (CAST(:statuses AS text[])))
                          AND (CAST(:before AS uuid) IS NULL OR a.id < :before)
                        ORDER BY a.id DESC LIMIT :limit""")
                .param("statuses", statuses.toArray(String[]::new)).param("before", before).param("limit", limit + 1)
                .query(MovementApprovalsService::view).list();
        CursorPage<View> page = CursorPage.of(rows, limit, View::id);
        Map<UUID, List<LineView>> lines = linesOf(page.items().stream().map(View::id).toList());
        return new CursorPage<>(page.items().stream().map(v -> v.with(lines.getOrDefault(v.id(), List.of()), null))
                .toList(), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM movement_approvals WHERE status = 'pending'").query(Long.class).single();
    }

    private List<LineView> lines(UUID id) {
        return linesOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** The lines of several approvals in one query (a page of the inbox), by approval. */
    private Map<UUID, List<LineView>> linesOf(List<UUID> ids) {
        Map<UUID, List<LineView>> lines = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                        SELECT al.approval_id, al.line_no, al.location_id, l.name AS location_name, al.item_id, i.sku,
                               i.name, al.movement_type, al.quantity, al.unit_cost
                        FROM movement_approval_lines al
                        JOIN locations l ON l.tenant_id = al.tenant_id AND l.id = al.location_id
                        JOIN catalog_items i ON i.tenant_id = al.tenant_id AND i.id = al.item_id
                        WHERE al.approval_id = ANY (CAST(:ids AS uuid[])) ORDER BY al.approval_id, al.line_no""")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> lines.computeIfAbsent(rs.getObject("approval_id", UUID.class), k -> new ArrayList<>())
                        .add(new LineView(rs.getInt("line_no"), rs.getObject("location_id", UUID.class),
                                rs.getString("location_name"), rs.getObject("item_id", UUID.class), rs.getString("sku"),
                                rs.getString("name"), rs.getString("movement_type"), rs.getBigDecimal("quantity"),
                                rs.getBigDecimal("unit_cost"))))
                .list();
        return lines;
    }

    private void insertLines(UUID id, List<Line> lines) {
        int lineNo = 0;
        for (Line line : lines) {
            jdbc.sql("""
                            INSERT INTO movement_approval_lines (tenant_id, approval_id, line_no, location_id, item_id,
                                                                 movement_type, quantity, unit_cost)
                            VALUES (:tenant, :id, :lineNo, :location, :item, :type, :quantity, :cost)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("lineNo", ++lineNo)
                    .param("location", line.locationId()).param("item", line.itemId())
                    .param("type", line.movementType().code()).param("quantity", line.quantity())
                    .param("cost", line.unitCost())
                    .update();
        }
    }

    private void requireVisible(Set<UUID> locations) {
        long visible = jdbc.sql("SELECT count(*) FROM app_visible_locations() v WHERE v = ANY (CAST(:locations AS uuid[]))")
                .param("locations", locations.stream().map(UUID::toString).toArray(String[]::new))
                .query(Long.class).single();
        if (visible < locations.size()) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED, "You may not move stock at one of these locations");
        }
    }

    private Header lockPending(UUID id, UUID decider) {
        Header header = jdbc.sql("""
                        SELECT id, kind, document_type, document_id, reason, note, status, requested_by
                        FROM movement_approvals WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Header.class).optional()
                .orElseThrow(() -> new NotFoundException("Approval"));
        if (!header.status().equals("pending")) {
            throw Problems.of(InventoryProblem.ALREADY_DECIDED, "This is already " + header.status());
        }
        if (header.requestedBy().equals(decider)) {
            throw Problems.of(InventoryProblem.SELF_APPROVAL, "Another user must decide on what you requested");
        }
        return header;
    }

    private void decide(Header header, String status, UUID decider, String note, UUID postingId) {
        jdbc.sql("""
                        UPDATE movement_approvals SET status = :status, decided_by = :decider, decided_at = now(),
                               decision_note = :note, posting_id = :posting, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("status", status).param("decider", decider).param("note", blankToNull(note))
                .param("posting", postingId).param("tenant", TenantContext.tenantId()).param("id", header.id())
                .update();
        events.publishEvent(new MovementDecided(header.id(), header.documentType(), header.documentId(),
                status.equals("approved"), postingId, header.requestedBy(), decider, blankToNull(note)));
    }

    private static View view(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new View(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("document_type"),
                rs.getObject("document_id", UUID.class), rs.getString("reason"), rs.getString("note"),
                rs.getObject("location_id", UUID.class), rs.getString("location_name"), rs.getBigDecimal("value"),
                rs.getString("status"), rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name"),
                rs.getTimestamp("requested_at").toInstant(), rs.getObject("decided_by", UUID.class),
                rs.getString("decided_by_name"), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_note"), rs.getObject("posting_id", UUID.class), null, null);
    }

    private static UUID currentUser() {
        return TenantContext.userId()
                .orElseThrow(() -> Problems.of(PlatformProblem.FORBIDDEN, "Postings are requested and decided by users"));
    }
}
