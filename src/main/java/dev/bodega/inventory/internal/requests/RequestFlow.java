package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.ledger.PostingRules;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * A transfer request's life: created (from a cart or given lines), picking started, picked, dispatched into
 * transit, received (a difference goes to {@link Discrepancies}), or cancelled before dispatch. Each state
 * change is one conditional UPDATE on the status it leaves plus its trace row, in one transaction; a change the
 * state does not allow, or one lost to a concurrent user, is a 409 and changes nothing.
 */
@Service
public class RequestFlow {

    static final String DOCUMENT_TYPE = "transfer_request";

    public record NewLine(UUID itemId, BigDecimal quantity, String note) {
    }

    public record NewRequest(UUID originId, UUID destinationId, String notes, List<NewLine> lines) {
    }

    /** What was counted for one item: picked, dispatched or received; {@code reason} for a received difference. */
    public record Count(UUID itemId, BigDecimal quantity, String reason) {
    }

    /** {@code approvalId}: the dispatch or receipt waiting for approval, if one does. */
    record Header(UUID id, long number, UUID originId, UUID destinationId, UUID requestedBy, String status,
                  UUID approvalId) {
    }

    record StoredLine(int lineNo, UUID itemId, BigDecimal requested, BigDecimal picked, BigDecimal dispatched,
                      BigDecimal unitCost) {
    }

    private final JdbcClient jdbc;
    private final MovementApprovals approvals;
    private final PostingRules rules;
    private final TransitLocation transit;
    private final Discrepancies discrepancies;
    private final RequestNotices notices;

    RequestFlow(JdbcClient jdbc, MovementApprovals approvals, PostingRules rules, TransitLocation transit,
                Discrepancies discrepancies, RequestNotices notices) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.rules = rules;
        this.transit = transit;
        this.discrepancies = discrepancies;
        this.notices = notices;
    }

    /** A new PENDIENTE request by the current user, who works at its destination; the origin's users hear of it. */
    @Transactional
    public UUID create(NewRequest request) {
        UUID requester = currentUser();
        Map<UUID, NewLine> lines = merge(request.lines());
        checkPlaces(request.originId(), request.destinationId());
        rules.check(lines.values().stream()
                .map(l -> Line.in(request.destinationId(), l.itemId(), MovementType.TRANSFER_IN, l.quantity(), null))
                .toList());
        requireWorksAt(request.destinationId());
        UUID id = Ids.next();
        long number = nextNumber();
        jdbc.sql("""
                        INSERT INTO transfer_requests (tenant_id, id, number, origin_id, destination_id, requested_by, notes)
                        VALUES (:tenant, :id, :number, :origin, :destination, :user, :notes)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("number", number)
                .param("origin", request.originId()).param("destination", request.destinationId())
                .param("user", requester).param("notes", blankToNull(request.notes()))
                .update();
        int lineNo = 0;
        for (NewLine line : lines.values()) {
            jdbc.sql("""
                            INSERT INTO transfer_request_lines (tenant_id, request_id, line_no, origin_id, destination_id,
                                                               item_id, requested, note)
                            VALUES (:tenant, :id, :lineNo, :origin, :destination, :item, :quantity, :note)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("lineNo", ++lineNo)
                    .param("origin", request.originId()).param("destination", request.destinationId())
                    .param("item", line.itemId()).param("quantity", line.quantity()).param("note", blankToNull(line.note()))
                    .update();
        }
        Header header = new Header(id, number, request.originId(), request.destinationId(), requester, null, null);
        trace(header, null, RequestStatus.PENDING, blankToNull(request.notes()));
        notices.created(header);
        return id;
    }

    /** PENDIENTE → ALISTAMIENTO, by someone who works at the origin. */
    @Transactional
    public void startPicking(UUID id, String comment) {
        Header header = header(id);
        requireTransition(header, RequestStatus.PICKING);
        requireWorksAt(header.originId());
        move(header, RequestStatus.PICKING, "", comment);
    }

    /** The quantities picked (fecha_alistamiento); the request stays in ALISTAMIENTO until dispatched. */
    @Transactional
    public void recordPicking(UUID id, List<Count> picked) {
        Header header = lock(id);
        if (RequestStatus.of(header.status()) != RequestStatus.PICKING || header.approvalId() != null) {
            throw stateConflict(header, RequestStatus.PICKING);
        }
        requireWorksAt(header.originId());
        Map<UUID, BigDecimal> quantities = byItem(lines(id), picked, StoredLine::requested);
        quantities.forEach((item, quantity) -> jdbc.sql("""
                        UPDATE transfer_request_lines SET picked = :q
                        WHERE tenant_id = :tenant AND request_id = :id AND item_id = :item""")
                .param("tenant", TenantContext.tenantId())
                .param("q", quantity).param("id", id).param("item", item).update());
        jdbc.sql("""
                        UPDATE transfer_requests SET picked_at = now(), updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    /**
     * ALISTAMIENTO → DESPACHADO: the dispatched quantities (the picked ones unless given) leave the origin for
     * transit in one posting whose document is the request. The status changes first, so a second dispatcher
     * waits on the row and then finds it dispatched: exactly one posting. True when an approval rule holds the
     * posting back: the request stays in ALISTAMIENTO until it is decided.
     */
    @Transactional
    public boolean dispatch(UUID id, String transportGuide, List<Count> dispatched, String comment) {
        Header header = header(id);
        requireTransition(header, RequestStatus.DISPATCHED);
        requireWorksAt(header.originId());
        List<StoredLine> lines = lines(id);
        if (lines.stream().anyMatch(l -> l.picked() == null)) {
            throw Problems.of(InventoryProblem.PICKING_NOT_RECORDED, "Record the picked quantities before dispatching");
        }
        jdbc.sql("UPDATE transfer_requests SET transport_guide = :guide WHERE tenant_id = :tenant AND id = :id")
                .param("guide", blankToNull(transportGuide) == null ? null : transportGuide.trim())
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        Map<UUID, BigDecimal> quantities = byItem(lines, dispatched, StoredLine::picked);
        UUID transitId = transit.id();
        transit.prepareLevels(transitId, quantities.keySet());
        List<Line> posting = new ArrayList<>();
        quantities.forEach((item, quantity) -> {
            posting.add(Line.out(header.originId(), item, MovementType.TRANSFER_OUT, quantity));
            posting.add(Line.in(transitId, item, MovementType.TRANSFER_IN, quantity, null));
        });
        List<StockPostings.Entry> entries = List.of();
        if (quantities.values().stream().anyMatch(q -> q.signum() > 0)) {
            MovementApprovals.Outcome outcome = approvals.submit(new StockPostings.Posting(
                    "transfer_request_dispatch", DOCUMENT_TYPE, id, null, reference(header), posting));
            if (outcome.waiting()) {
                hold(header, outcome.approvalId());
                return true;
            }
            entries = outcome.posted().entries();
        }
        dispatched(header, quantities, entries, comment);
        return false;
    }

    /** The dispatch posted: the request is in transit with what left the origin, at the cost it left with. */
    private void dispatched(Header header, Map<UUID, BigDecimal> quantities, List<StockPostings.Entry> entries,
                            String comment) {
        move(header, RequestStatus.DISPATCHED, ", dispatched_at = now()", comment);
        Map<UUID, BigDecimal> costs = new LinkedHashMap<>();
        entries.stream().filter(e -> e.movementType() == MovementType.TRANSFER_OUT)
                .forEach(e -> costs.put(e.itemId(), e.unitCost()));
        quantities.forEach((item, quantity) -> jdbc.sql("""
                        UPDATE transfer_request_lines SET dispatched = :q, unit_cost = :cost
                        WHERE tenant_id = :tenant AND request_id = :id AND item_id = :item""")
                .param("tenant", TenantContext.tenantId())
                .param("q", quantity).param("cost", costs.get(item)).param("id", header.id()).param("item", item)
                .update());
        notices.dispatched(header);
    }

    /**
     * DESPACHADO → RECIBIDO, by someone who works at the destination: what arrived moves from transit into the
     * destination at the cost it left with; a received quantity other than the dispatched one needs a reason and
     * becomes an adjustment ({@link Discrepancies}), and the requester hears of it. True when an approval rule
     * holds the posting back: the request stays DESPACHADO, with what was counted, until it is decided.
     */
    @Transactional
    public boolean receive(UUID id, List<Count> received, String comment) {
        Header header = header(id);
        requireTransition(header, RequestStatus.RECEIVED);
        requireWorksAt(header.destinationId());
        List<StoredLine> lines = lines(id);
        Map<UUID, BigDecimal> quantities = byItem(lines, received, StoredLine::dispatched);
        Map<UUID, String> reasons = reasons(lines, received, quantities);
        UUID transitId = transit.id();
        List<Line> posting = new ArrayList<>();
        for (StoredLine line : lines) {
            BigDecimal arrived = quantities.get(line.itemId()).min(line.dispatched());
            // The destination first: an approval waits at its first line's location, where the receiver works.
            posting.add(Line.in(header.destinationId(), line.itemId(), MovementType.TRANSFER_IN, arrived, line.unitCost()));
            posting.add(Line.out(transitId, line.itemId(), MovementType.TRANSFER_OUT, arrived));
            jdbc.sql("""
                            UPDATE transfer_request_lines SET received = :q, discrepancy_reason = :reason
                            WHERE tenant_id = :tenant AND request_id = :id AND item_id = :item""")
                    .param("tenant", TenantContext.tenantId())
                    .param("q", quantities.get(line.itemId())).param("reason", reasons.get(line.itemId()))
                    .param("id", id).param("item", line.itemId()).update();
        }
        if (posting.stream().anyMatch(l -> l.quantity().signum() != 0)) {
            MovementApprovals.Outcome outcome = approvals.submit(new StockPostings.Posting(
                    "transfer_request_receipt", DOCUMENT_TYPE, id, null, reference(header), posting));
            if (outcome.waiting()) {
                hold(header, outcome.approvalId());
                return true;
            }
        }
        received(header, lines, quantities, reasons, comment);
        return false;
    }

    /** The receipt posted: the request is received; a difference becomes an adjustment and the requester hears of it. */
    private void received(Header header, List<StoredLine> lines, Map<UUID, BigDecimal> quantities,
                          Map<UUID, String> reasons, String comment) {
        move(header, RequestStatus.RECEIVED, ", received_at = now()", comment);
        UUID transitId = transit.id();
        if (!reasons.isEmpty()) {
            discrepancies.post(header, transitId, lines, quantities, reasons);
            notices.discrepancy(header);
        }
    }

    /**
     * The approvals flow decided on a held-back dispatch or receipt (the request's state tells which): approved,
     * the step is completed with the posting; rejected, the request may take it again (a receipt's counts cleared).
     */
    @EventListener
    void on(MovementDecided decided) {
        if (!DOCUMENT_TYPE.equals(decided.documentType())) {
            return;
        }
        int released = jdbc.sql("""
                        UPDATE transfer_requests SET approval_id = NULL
                        WHERE tenant_id = :tenant AND id = :id AND approval_id = :approval""")
                .param("tenant", TenantContext.tenantId()).param("id", decided.documentId())
                .param("approval", decided.approvalId()).update();
        if (released != 1) {
            return;
        }
        Header header = header(decided.documentId());
        boolean dispatch = RequestStatus.of(header.status()) == RequestStatus.PICKING;
        if (!decided.approved()) {
            if (!dispatch) {
                jdbc.sql("""
                                UPDATE transfer_request_lines SET received = NULL, discrepancy_reason = NULL
                                WHERE tenant_id = :tenant AND request_id = :id""")
                        .param("tenant", TenantContext.tenantId())
                        .param("id", header.id()).update();
            }
        } else if (dispatch) {
            List<StockPostings.Entry> entries = postedEntries(decided.postingId());
            Map<UUID, BigDecimal> quantities = new LinkedHashMap<>();
            lines(header.id()).forEach(l -> quantities.put(l.itemId(), BigDecimal.ZERO));
            entries.stream().filter(e -> e.movementType() == MovementType.TRANSFER_OUT)
                    .forEach(e -> quantities.put(e.itemId(), e.quantity().negate()));
            dispatched(header, quantities, entries, null);
        } else {
            receivedAsCounted(header);
        }
    }

    /** A receipt approved: completed with the quantities and reasons counted when it was asked for. */
    private void receivedAsCounted(Header header) {
        record Counted(UUID itemId, BigDecimal received, String discrepancyReason) {
        }
        Map<UUID, BigDecimal> quantities = new LinkedHashMap<>();
        Map<UUID, String> reasons = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, received, discrepancy_reason FROM transfer_request_lines WHERE request_id = :id ORDER BY line_no")
                .param("id", header.id()).query(Counted.class).list().forEach(c -> {
                    quantities.put(c.itemId(), c.received());
                    if (c.discrepancyReason() != null) {
                        reasons.put(c.itemId(), c.discrepancyReason());
                    }
                });
        received(header, lines(header.id()), quantities, reasons, null);
    }

    private List<StockPostings.Entry> postedEntries(UUID postingId) {
        return jdbc.sql("""
                        SELECT id, location_id, item_id, movement_type, quantity, on_hand_before, on_hand_after, unit_cost
                        FROM stock_ledger WHERE tenant_id = :tenant AND posting_id = :posting""")
                .param("tenant", TenantContext.tenantId()).param("posting", postingId)
                .query((rs, n) -> new StockPostings.Entry(rs.getObject("id", UUID.class),
                        rs.getObject("location_id", UUID.class), rs.getObject("item_id", UUID.class),
                        MovementType.fromCode(rs.getString("movement_type")), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("on_hand_before"), rs.getBigDecimal("on_hand_after"),
                        rs.getBigDecimal("unit_cost"), false))
                .list();
    }

    /** A step held back by an approval rule: the request keeps its state and waits in that approval. */
    private void hold(Header header, UUID approvalId) {
        int held = jdbc.sql("""
                        UPDATE transfer_requests SET approval_id = :approval, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = :status AND approval_id IS NULL""")
                .param("approval", approvalId).param("tenant", TenantContext.tenantId()).param("id", header.id())
                .param("status", header.status()).update();
        if (held != 1) {
            throw stateConflict(header(header.id()), RequestStatus.of(header.status()));
        }
    }

    /** PENDIENTE or ALISTAMIENTO → CANCELADO, by the requester or by someone who works at the origin. */
    @Transactional
    public void cancel(UUID id, String comment) {
        Header header = header(id);
        requireTransition(header, RequestStatus.CANCELLED);
        if (!header.requestedBy().equals(currentUser())) {
            requireWorksAt(header.originId());
        }
        move(header, RequestStatus.CANCELLED, ", cancelled_at = now()", comment);
    }

    static String reference(Header header) {
        return "SOL-" + header.number();
    }

    /** The one conditional UPDATE of a transition, then its trace row; no row changed is a lost race. */
    private void move(Header header, RequestStatus to, String sets, String comment) {
        int changed = jdbc.sql("UPDATE transfer_requests SET status = :to, updated_at = now()" + sets
                        + " WHERE tenant_id = :tenant AND id = :id AND status = :from")
                .param("to", to.code()).param("tenant", TenantContext.tenantId()).param("id", header.id())
                .param("from", header.status())
                .update();
        if (changed != 1) {
            throw stateConflict(header(header.id()), to);
        }
        trace(header, RequestStatus.of(header.status()), to, blankToNull(comment));
    }

    private void trace(Header header, RequestStatus from, RequestStatus to, String comment) {
        jdbc.sql("""
                        INSERT INTO transfer_request_trace (tenant_id, id, request_id, origin_id, destination_id,
                                                            from_status, to_status, user_id, comment)
                        VALUES (:tenant, :id, :request, :origin, :destination, :from, :to, :user, :comment)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("request", header.id())
                .param("origin", header.originId()).param("destination", header.destinationId())
                .param("from", from == null ? null : from.code()).param("to", to.code())
                .param("user", TenantContext.userId().orElse(null)).param("comment", comment)
                .update();
    }

    /** A request whose dispatch or receipt waits for approval takes no other step until that is decided. */
    private static void requireTransition(Header header, RequestStatus to) {
        if (header.approvalId() != null || !RequestStatus.of(header.status()).canGoTo(to)) {
            throw stateConflict(header, to);
        }
    }

    private static RuntimeException stateConflict(Header header, RequestStatus to) {
        var problem = Problems.of(InventoryProblem.REQUEST_STATE, "Request SOL-" + header.number() + " is "
                + header.status() + (header.approvalId() == null ? "" : ", waiting for approval")
                + "; it cannot become " + to.code());
        problem.getBody().setProperty("status", header.status());
        return problem;
    }

    private Header header(UUID id) {
        return jdbc.sql("SELECT id, number, origin_id, destination_id, requested_by, status, approval_id FROM transfer_requests WHERE id = :id")
                .param("id", id).query(Header.class).optional()
                .orElseThrow(() -> new NotFoundException("Transfer request"));
    }

    private Header lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, number, origin_id, destination_id, requested_by, status, approval_id FROM transfer_requests
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Header.class).optional()
                .orElseThrow(() -> new NotFoundException("Transfer request"));
    }

    private List<StoredLine> lines(UUID id) {
        return jdbc.sql("""
                        SELECT line_no, item_id, requested, picked, dispatched, unit_cost FROM transfer_request_lines
                        WHERE request_id = :id ORDER BY line_no""")
                .param("id", id).query(StoredLine.class).list();
    }

    /** Every line's quantity: the one given for its item, else {@code fallback}; an item not on the request is refused. */
    private static Map<UUID, BigDecimal> byItem(List<StoredLine> lines, List<Count> given,
                                                java.util.function.Function<StoredLine, BigDecimal> fallback) {
        Map<UUID, BigDecimal> quantities = new LinkedHashMap<>();
        lines.forEach(l -> quantities.put(l.itemId(), fallback.apply(l) == null ? BigDecimal.ZERO : fallback.apply(l)));
        for (Count count : given == null ? List.<Count>of() : given) {
            if (!quantities.containsKey(count.itemId())) {
                throw Problems.of(InventoryProblem.UNKNOWN_REQUEST_LINE, "Item " + count.itemId() + " is not on this request");
            }
            if (count.quantity() == null || count.quantity().signum() < 0) {
                throw Problems.of(InventoryProblem.QUANTITY_RANGE, "Quantities cannot be negative");
            }
            quantities.put(count.itemId(), count.quantity());
        }
        return quantities;
    }

    /** The reason for each item received other than dispatched; a difference without one is refused. */
    private static Map<UUID, String> reasons(List<StoredLine> lines, List<Count> given, Map<UUID, BigDecimal> received) {
        Map<UUID, String> reasons = new LinkedHashMap<>();
        for (StoredLine line : lines) {
            if (received.get(line.itemId()).compareTo(line.dispatched()) == 0) {
                continue;
            }
            String reason = given == null ? null : given.stream().filter(c -> c.itemId().equals(line.itemId()))
                    .map(Count::reason).map(r -> blankToNull(r)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (reason == null) {
                var problem = Problems.of(InventoryProblem.DISCREPANCY_REASON,
                        "Item " + line.itemId() + " was received other than dispatched: say why");
                problem.getBody().setProperty("itemId", line.itemId().toString());
                throw problem;
            }
            reasons.put(line.itemId(), reason.trim());
        }
        return reasons;
    }

    private static Map<UUID, NewLine> merge(List<NewLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw Problems.of(InventoryProblem.EMPTY_REQUEST, "A request needs at least one line");
        }
        Map<UUID, NewLine> merged = new LinkedHashMap<>();
        for (NewLine line : lines) {
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw Problems.of(InventoryProblem.ZERO_QUANTITY, "Item " + line.itemId() + ": ask for more than 0");
            }
            merged.merge(line.itemId(), line, (a, b) -> new NewLine(a.itemId(), a.quantity().add(b.quantity()),
                    a.note() == null ? b.note() : a.note()));
        }
        return merged;
    }

    private void checkPlaces(UUID origin, UUID destination) {
        if (origin == null || destination == null) {
            throw Problems.of(InventoryProblem.UNKNOWN_LOCATION, "A request needs an origin and a destination");
        }
        if (origin.equals(destination)) {
            throw Problems.of(InventoryProblem.SAME_LOCATION, "A request needs two different locations");
        }
        record Place(UUID id, boolean active) {
        }
        List<Place> places = jdbc.sql("SELECT id, active FROM locations WHERE kind <> 'transit' AND id IN (:origin, :destination)")
                .param("origin", origin).param("destination", destination).query(Place.class).list();
        if (places.size() < 2) {
            throw Problems.of(InventoryProblem.UNKNOWN_LOCATION, "Both locations must exist");
        }
        if (places.stream().anyMatch(p -> !p.active())) {
            throw Problems.of(InventoryProblem.INACTIVE_LOCATION, "Both locations must be active");
        }
    }

    private void requireWorksAt(UUID location) {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT app_works_at(:location)").param("location", location)
                .query(Boolean.class).single())) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED, "You do not work at the location this step belongs to");
        }
    }

    private long nextNumber() {
        return jdbc.sql("""
                        INSERT INTO transfer_request_counters (tenant_id, last_number) VALUES (:tenant, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET last_number = transfer_request_counters.last_number + 1
                        RETURNING last_number""")
                .param("tenant", TenantContext.tenantId()).query(Long.class).single();
    }

    private static UUID currentUser() {
        return TenantContext.userId()
                .orElseThrow(() -> Problems.of(PlatformProblem.FORBIDDEN, "Transfer requests are made by users"));
    }
}
