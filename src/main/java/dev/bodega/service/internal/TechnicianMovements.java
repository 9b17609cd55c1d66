package dev.bodega.service.internal;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import dev.bodega.service.internal.MovementViews.LoanView;
import dev.bodega.service.internal.MovementViews.MovementView;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Parts moving to and from technicians. A movement that moves stock posts one TECHNICIAN line in its own
 * transaction (salida and venta take stock from the location, ingreso brings it); parts taken (salida, prestamo)
 * are out with the technician until returned, in parts, as devolucion movements that post them back at the
 * cost they left with, or until the job is settled (descargada), after which nothing more comes back.
 */
@Service
class TechnicianMovements {

    static final String DOCUMENT = "technician_movement";

    record MovementRequest(@NotNull UUID locationId, @NotNull UUID itemId, @NotNull UUID technicianId,
                           @NotBlank String concept, String type,
                           @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                           @Size(max = 40) String workOrder, @Size(max = 500) String note) {
    }

    record ReturnRequest(@NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                         @Size(max = 500) String note) {
    }

    record Filter(UUID technicianId, String concept, String workOrder) {
    }

    private record Held(UUID id, UUID locationId, UUID itemId, UUID technicianId, String concept, boolean settled,
                        BigDecimal unitCost, String workOrder) {
    }

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final ServiceLookups lookups;
    private final Idempotency idempotency;

    TechnicianMovements(JdbcClient jdbc, StockPostings postings, ServiceLookups lookups, Idempotency idempotency) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.lookups = lookups;
        this.idempotency = idempotency;
    }

    /** The API and the page come through here: a retry with the same key records once. */
    ResponseEntity<?> record(String key, MovementRequest request) {
        return idempotency.run("service.movement", key, request, () -> created(record(request, null)));
    }

    ResponseEntity<?> returnParts(String key, UUID movementId, ReturnRequest request) {
        return idempotency.run("service.return:" + movementId, key, request,
                () -> created(returnParts(movementId, request, null)));
    }

    private static ResponseEntity<?> created(MovementView movement) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/service/technician-movements/" + movement.id())).body(movement);
    }

    /** Records a movement; {@code at} dates it in the past (demo data), null is now. */
    @Transactional
    public MovementView record(MovementRequest request, Instant at) {
        Concept concept = Concept.of(request.concept());
        if (concept == Concept.DEVOLUCION) {
            throw Problems.of(ServiceProblem.UNKNOWN_CONCEPT, "A devolucion is made by returning parts of a movement");
        }
        String type = request.type() == null || request.type().isBlank() ? concept.defaultType()
                : request.type().trim().toLowerCase(Locale.ROOT);
        if (!concept.allowedTypes().contains(type)) {
            throw Problems.of(ServiceProblem.CONCEPT_TYPE, "A " + concept.code() + " movement is of type "
                    + String.join(" or ", concept.allowedTypes()) + ", not " + type);
        }
        lookups.requireLocation(request.locationId());
        lookups.requireTechnician(request.technicianId());
        lookups.item(request.itemId(), request.quantity());
        UUID id = Ids.next();
        BigDecimal signed = type.equals(Concept.IN) ? request.quantity() : request.quantity().negate();
        StockPostings.Posted posted = concept.movesStock()
                ? post(id, concept, request.workOrder(), new StockPostings.Line(request.locationId(), request.itemId(),
                        MovementType.TECHNICIAN, signed, null))
                : null;
        insert(id, request.locationId(), request.itemId(), request.technicianId(), concept, type, request.quantity(),
                posted, request.workOrder(), request.note(), null, at);
        return get(id);
    }

    /** Brings back unused parts of a movement still out; {@code at} as in {@link #record}. */
    @Transactional
    public MovementView returnParts(UUID movementId, ReturnRequest request, Instant at) {
        Held held = lock(movementId);
        if (!Concept.of(held.concept()).isLoan() || held.settled()) {
            throw Problems.of(ServiceProblem.NOT_RETURNABLE, "Only parts taken (salida, prestamo) of a job not yet "
                    + "settled come back; this movement is a " + held.concept() + (held.settled() ? ", settled" : ""));
        }
        int added = jdbc.sql("""
                        UPDATE technician_movements
                        SET returned_quantity = returned_quantity + :q, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND returned_quantity + :q <= quantity""")
                .param("tenant", TenantContext.tenantId())
                .param("q", request.quantity()).param("id", movementId).update();
        if (added == 0) {
            throw Problems.of(ServiceProblem.OVER_RETURN, "More than is still out would come back: "
                    + request.quantity().toPlainString() + " of " + get(movementId).outstanding().toPlainString());
        }
        UUID id = Ids.next();
        StockPostings.Posted posted = post(id, Concept.DEVOLUCION, held.workOrder(), StockPostings.Line.in(
                held.locationId(), held.itemId(), MovementType.TECHNICIAN, request.quantity(), held.unitCost()));
        insert(id, held.locationId(), held.itemId(), held.technicianId(), Concept.DEVOLUCION, Concept.IN,
                request.quantity(), posted, held.workOrder(), request.note(), movementId, at);
        return get(id);
    }

    /** Marks the job's movement settled (descargada): what is still out was used, and no longer comes back. */
    @Transactional
    public MovementView settle(UUID movementId) {
        get(movementId);
        int settled = jdbc.sql("""
                        UPDATE technician_movements
                        SET settled = true, settled_at = now(), settled_by = :user, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND NOT settled""")
                .param("tenant", TenantContext.tenantId())
                .param("user", TenantContext.userId().orElse(null)).param("id", movementId).update();
        if (settled == 0) {
            throw Problems.of(ServiceProblem.ALREADY_SETTLED, "This movement was already settled");
        }
        return get(movementId);
    }

    @Transactional(readOnly = true)
    public MovementView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id AND " + VISIBLE).param("id", id)
                .query((rs, n) -> row(rs, n).movement()).optional()
                .orElseThrow(() -> new NotFoundException("Technician movement"));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public CursorPage<MovementView> list(Filter filter, UUID before, int limit) {
        List<MovementView> rows = jdbc.sql(SELECT + " WHERE " + VISIBLE + """
                         AND (CAST(:technician AS uuid) IS NULL OR m.technician_id = :technician)
                         AND (CAST(:concept AS text) IS NULL OR m.concept = :concept)
                         AND (CAST(:workOrder AS text) IS NULL OR m.work_order = :workOrder)
                         AND (CAST(:before AS uuid) IS NULL OR m.id < :before)
                        ORDER BY m.id DESC LIMIT :limit""")
                .param("technician", filter.technicianId()).param("concept", Text.blankToNull(filter.concept()))
                .param("workOrder", Text.blankToNull(filter.workOrder())).param("before", before)
                .param("limit", limit + 1)
                .query((rs, n) -> row(rs, n).movement()).list();
        return CursorPage.of(rows, limit, MovementView::id);
    }

    /** Parts still out, oldest first: of one technician, or of all when {@code technicianId} is null. */
    @Transactional(readOnly = true)
    public List<LoanView> loans(UUID technicianId) {
        return jdbc.sql(SELECT + " WHERE " + VISIBLE + """
                         AND m.concept IN ('salida', 'prestamo') AND NOT m.settled AND m.returned_quantity < m.quantity
                         AND (CAST(:technician AS uuid) IS NULL OR m.technician_id = :technician)
                        ORDER BY t.name, m.moved_at, m.id""")
                .param("technician", technicianId)
                .query((rs, n) -> loan(row(rs, n))).list();
    }

    private StockPostings.Posted post(UUID movementId, Concept concept, String workOrder, StockPostings.Line line) {
        return postings.post(new StockPostings.Posting("technician", DOCUMENT, movementId, concept.code(),
                Text.blankToNull(workOrder), List.of(line)));
    }

    private void insert(UUID id, UUID location, UUID item, UUID technician, Concept concept, String type,
                        BigDecimal quantity, StockPostings.Posted posted, String workOrder, String note,
                        UUID returnsId, Instant at) {
        jdbc.sql("""
                        INSERT INTO technician_movements (tenant_id, id, location_id, item_id, technician_id, responsible_id,
                                                          concept, type, quantity, unit_cost, work_order, note, returns_id,
                                                          posting_id, moved_at)
                        VALUES (:tenant, :id, :location, :item, :technician, :user, :concept, :type, :quantity, :cost,
                                :workOrder, :note, :returns, :posting, coalesce(:at, now()))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("location", location)
                .param("item", item).param("technician", technician)
                .param("user", TenantContext.userId().orElse(null)).param("concept", concept.code())
                .param("type", type).param("quantity", quantity)
                .param("cost", posted == null ? null : posted.entries().get(0).unitCost())
                .param("workOrder", Text.blankToNull(workOrder)).param("note", Text.blankToNull(note))
                .param("returns", returnsId).param("posting", posted == null ? null : posted.postingId())
                .param("at", at == null ? null : Timestamp.from(at))
                .update();
    }

    private Held lock(UUID id) {
        get(id);
        return jdbc.sql("""
                        SELECT id, location_id, item_id, technician_id, concept, settled, unit_cost, work_order
                        FROM technician_movements WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).query(Held.class).single();
    }

    /** A user sees the movements at their locations, and their own wherever they happened. */
    private static final String VISIBLE =
            "(m.location_id IN (SELECT v FROM app_visible_locations() v) OR m.technician_id = app_current_user())";

    private static final String SELECT = """
            SELECT m.id, m.location_id, l.name AS location_name, m.item_id, i.sku, i.name AS item_name,
                   m.technician_id, t.name AS technician_name, m.responsible_id, r.name AS responsible_name,
                   m.concept, m.type, m.quantity, m.returned_quantity, m.unit_cost, m.work_order, m.note, m.returns_id,
                   m.posting_id, m.settled, m.settled_at, m.moved_at, m.version,
                   floor(extract(epoch FROM now() - m.moved_at) / 86400)::int AS age_days
            FROM technician_movements m
            JOIN inventory_locations l ON l.tenant_id = m.tenant_id AND l.id = m.location_id
            JOIN catalog_items i ON i.tenant_id = m.tenant_id AND i.id = m.item_id
            JOIN platform_users t ON t.tenant_id = m.tenant_id AND t.id = m.technician_id
            LEFT JOIN platform_users r ON r.tenant_id = m.tenant_id AND r.id = m.responsible_id
            """;

    private record Row(MovementView movement, int ageDays) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String concept = rs.getString("concept");
        boolean settled = rs.getBoolean("settled");
        BigDecimal quantity = rs.getBigDecimal("quantity");
        BigDecimal returned = rs.getBigDecimal("returned_quantity");
        BigDecimal outstanding = Concept.of(concept).isLoan() && !settled ? quantity.subtract(returned) : BigDecimal.ZERO;
        return new Row(new MovementView(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getObject("item_id", UUID.class), rs.getString("sku"),
                rs.getString("item_name"), rs.getObject("technician_id", UUID.class), rs.getString("technician_name"),
                rs.getObject("responsible_id", UUID.class), rs.getString("responsible_name"), concept,
                rs.getString("type"), quantity, returned, outstanding, rs.getBigDecimal("unit_cost"),
                rs.getString("work_order"), rs.getString("note"), rs.getObject("returns_id", UUID.class),
                rs.getObject("posting_id", UUID.class), settled, instant(rs, "settled_at"), instant(rs, "moved_at"),
                rs.getLong("version")), rs.getInt("age_days"));
    }

    private static LoanView loan(Row row) {
        MovementView m = row.movement();
        return new LoanView(m.id(), m.technicianId(), m.technicianName(), m.locationId(), m.locationName(), m.itemId(),
                m.sku(), m.itemName(), m.concept(), m.workOrder(), m.quantity(), m.returnedQuantity(), m.outstanding(),
                m.movedAt(), row.ageDays());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
