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
import dev.bodega.service.internal.ClaimViews.ClaimView;
import dev.bodega.service.internal.ClaimViews.PhotoView;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.util.UUID;

/**
 * Warranty claims. Each change of state is one conditional UPDATE from the one state it may come from
 * ({@link ClaimStatus}); anything else is a 409 {@code claim-illegal-transition} that changes nothing. A claim
 * sent for review notifies those who may resolve it; an approved claim may send its replacement out of stock,
 * once, as a WARRANTY issue.
 */
@Service
class WarrantyClaims {

    static final String DOCUMENT = "warranty_claim";

    record ClaimRequest(@NotNull UUID itemId, @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                        @NotNull UUID locationId, UUID technicianId,
                        @NotBlank @Size(max = 1000) String failureReason,
                        @PositiveOrZero Integer mileage, @Size(max = 40) String workOrder,
                        @Size(max = 200) String requester, Boolean submit) {
    }

    record Resolution(@Size(max = 1000) String comments) {
    }

    /** Where the replacement leaves from: the claim's own location unless another is named. */
    record ReplacementRequest(UUID locationId) {
    }

    private final JdbcClient jdbc;
    private final ServiceLookups lookups;
    private final StockPostings postings;
    private final ClaimNotifier notifier;
    private final Idempotency idempotency;

    WarrantyClaims(JdbcClient jdbc, ServiceLookups lookups, StockPostings postings, ClaimNotifier notifier,
                   Idempotency idempotency) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.postings = postings;
        this.notifier = notifier;
        this.idempotency = idempotency;
    }

    ResponseEntity<?> create(String key, ClaimRequest request) {
        return idempotency.run("service.claim", key, request, () -> {
            ClaimView claim = create(request, null);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/service/warranty-claims/" + claim.id())).body(claim);
        });
    }

    ResponseEntity<?> replace(String key, UUID claimId, ReplacementRequest request) {
        return idempotency.run("service.replacement:" + claimId, key, request,
                () -> ResponseEntity.ok(replace(claimId, request)));
    }

    /** A draft, sent at once when {@code submit}; {@code at} dates the report in the past (demo data). */
    @Transactional
    public ClaimView create(ClaimRequest request, Instant at) {
        lookups.item(request.itemId(), request.quantity());
        lookups.requireLocation(request.locationId());
        if (request.technicianId() != null) {
            lookups.requireTechnician(request.technicianId());
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO warranty_claims (tenant_id, id, item_id, quantity, location_id, reported_by, technician_id,
                                                     failure_reason, mileage, work_order, requester, reported_at)
                        VALUES (:tenant, :id, :item, :quantity, :location, :user, :technician, :reason, :mileage,
                                :workOrder, :requester, coalesce(:at, now()))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("item", request.itemId())
                .param("quantity", request.quantity()).param("location", request.locationId())
                .param("user", TenantContext.userId().orElse(null)).param("technician", request.technicianId())
                .param("reason", request.failureReason().trim()).param("mileage", request.mileage())
                .param("workOrder", Text.blankToNull(request.workOrder()))
                .param("requester", Text.blankToNull(request.requester()))
                .param("at", at == null ? null : Timestamp.from(at))
                .update();
        return Boolean.TRUE.equals(request.submit()) ? submit(id) : get(id);
    }

    @Transactional
    public ClaimView submit(UUID id) {
        ClaimView claim = move(id, ClaimStatus.PENDIENTE, null);
        notifier.pending(claim);
        return claim;
    }

    @Transactional
    public ClaimView approve(UUID id, Resolution resolution) {
        return move(id, ClaimStatus.APROBADA, resolution == null ? null : resolution.comments());
    }

    @Transactional
    public ClaimView reject(UUID id, Resolution resolution) {
        get(id);
        if (resolution == null || Text.blankToNull(resolution.comments()) == null) {
            throw Problems.of(ServiceProblem.COMMENTS_REQUIRED, "A rejection says why (comments)");
        }
        return move(id, ClaimStatus.RECHAZADA, resolution.comments());
    }

    /** Sends the approved claim's replacement out of stock, once. */
    @Transactional
    public ClaimView replace(UUID id, ReplacementRequest request) {
        ClaimView claim = get(id);
        UUID location = request == null || request.locationId() == null ? claim.locationId() : request.locationId();
        lookups.requireLocation(location);
        // Locking the row first: a second replacement waits here, then finds it already done.
        boolean open = jdbc.sql("""
                        SELECT id FROM warranty_claims
                        WHERE tenant_id = :tenant AND id = :id AND status = 'APROBADA'
                          AND replacement_posting_id IS NULL FOR UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).query(UUID.class).optional().isPresent();
        if (!open) {
            ClaimView now = get(id);
            throw Problems.of(ServiceProblem.NOT_REPLACEABLE, "Only an approved claim sends its replacement, once; "
                    + "this one is " + now.status() + (now.replacementPostingId() == null ? "" : ", replaced"));
        }
        StockPostings.Posted posted = postings.post(new StockPostings.Posting("warranty", DOCUMENT, id, "warranty",
                claim.workOrder(), List.of(StockPostings.Line.out(location, claim.itemId(), MovementType.WARRANTY,
                claim.quantity()))));
        jdbc.sql("""
                        UPDATE warranty_claims SET replacement_posting_id = :posting, replaced_at = now(), updated_at = now(),
                                                   version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("posting", posted.postingId()).param("id", id).update();
        return get(id);
    }

    @Transactional(readOnly = true)
    public ClaimView get(UUID id) {
        ClaimView claim = jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id)
                .query(WarrantyClaims::row).optional()
                .orElseThrow(() -> new NotFoundException("Warranty claim"));
        return claim.withPhotos(photos(id));
    }

    /** Newest first; photos are listed on a claim's own view. */
    @Transactional(readOnly = true)
    public CursorPage<ClaimView> list(String status, UUID before, int limit) {
        String wanted = status == null || status.isBlank() ? null : ClaimStatus.of(status).name();
        List<ClaimView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:status AS text) IS NULL OR c.status = :status)
                           AND (CAST(:before AS uuid) IS NULL OR c.id < :before)
                        ORDER BY c.id DESC LIMIT :limit""")
                .param("status", wanted).param("before", before).param("limit", limit + 1)
                .query(WarrantyClaims::row).list();
        return CursorPage.of(rows, limit, ClaimView::id);
    }

    private ClaimView move(UUID id, ClaimStatus to, String comments) {
        ClaimView claim = get(id);
        ClaimStatus from = to.previous();
        int moved = jdbc.sql("""
                        UPDATE warranty_claims
                        SET status = :to, version = version + 1, updated_at = now(),
                            submitted_at = CASE WHEN :to = 'PENDIENTE' THEN now() ELSE submitted_at END,
                            resolved_at = CASE WHEN :to IN ('APROBADA', 'RECHAZADA') THEN now() END,
                            resolved_by = CASE WHEN :to IN ('APROBADA', 'RECHAZADA') THEN CAST(:user AS uuid) END,
                            resolution_comments = coalesce(:comments, resolution_comments)
                        WHERE tenant_id = :tenant AND id = :id AND status = :from""")
                .param("tenant", TenantContext.tenantId())
                .param("to", to.name()).param("from", from.name()).param("id", id)
                .param("user", TenantContext.userId().orElse(null))
                .param("comments", Text.blankToNull(comments))
                .update();
        if (moved == 0) {
            throw Problems.of(ServiceProblem.ILLEGAL_TRANSITION, "A claim " + claim.status() + " cannot become "
                    + to.name() + "; only a claim " + from.name() + " can");
        }
        return get(id);
    }

    private List<PhotoView> photos(UUID claimId) {
        return jdbc.sql("""
                        SELECT id, content_type, size_bytes, file_name, created_at FROM warranty_claim_photos
                        WHERE claim_id = :claim ORDER BY id""")
                .param("claim", claimId)
                .query((rs, n) -> new PhotoView(rs.getObject("id", UUID.class), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("file_name"),
                        TechnicianMovements.instant(rs, "created_at")))
                .list();
    }

    private static final String SELECT = """
            SELECT c.id, c.item_id, i.sku, i.name AS item_name, c.quantity, c.location_id, l.name AS location_name,
                   c.reported_by, rb.name AS reported_by_name, c.technician_id, t.name AS technician_name,
                   c.failure_reason, c.mileage, c.work_order, c.requester, c.status, c.reported_at, c.submitted_at,
                   c.resolved_at, c.resolved_by, rv.name AS resolved_by_name, c.resolution_comments,
                   c.replacement_posting_id, c.replaced_at, c.version
            FROM warranty_claims c
            JOIN catalog_items i ON i.tenant_id = c.tenant_id AND i.id = c.item_id
            JOIN inventory_locations l ON l.tenant_id = c.tenant_id AND l.id = c.location_id
            LEFT JOIN platform_users rb ON rb.tenant_id = c.tenant_id AND rb.id = c.reported_by
            LEFT JOIN platform_users t ON t.tenant_id = c.tenant_id AND t.id = c.technician_id
            LEFT JOIN platform_users rv ON rv.tenant_id = c.tenant_id AND rv.id = c.resolved_by
            """;

    private static ClaimView row(ResultSet rs, int n) throws SQLException {
        return new ClaimView(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class), rs.getString("sku"),
                rs.getString("item_name"), rs.getBigDecimal("quantity"), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getObject("reported_by", UUID.class),
                rs.getString("reported_by_name"), rs.getObject("technician_id", UUID.class),
                rs.getString("technician_name"), rs.getString("failure_reason"), rs.getObject("mileage", Integer.class),
                rs.getString("work_order"), rs.getString("requester"), rs.getString("status"),
                TechnicianMovements.instant(rs, "reported_at"), TechnicianMovements.instant(rs, "submitted_at"),
                TechnicianMovements.instant(rs, "resolved_at"), rs.getObject("resolved_by", UUID.class),
                rs.getString("resolved_by_name"), rs.getString("resolution_comments"),
                rs.getObject("replacement_posting_id", UUID.class), TechnicianMovements.instant(rs, "replaced_at"),
                rs.getLong("version"), List.of());
    }
}
