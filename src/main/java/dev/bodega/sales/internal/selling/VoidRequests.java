package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.SalesProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A void with a manager's approval: whoever sells (sales.create) asks, with a reason; whoever may void
 * (sales.void) approves, which voids the sale with that reason, or rejects. One open request per sale; the sale
 * row is locked first, as every change of a sale does.
 */
@Service
class VoidRequests {

    record VoidRequest(UUID id, UUID saleId, String invoice, String status, String reason, UUID requestedBy,
                       String requestedByName, Instant requestedAt, String decidedByName, Instant decidedAt) {
    }

    record NewRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private static final String SELECT = """
            SELECT v.id, v.sale_id, CASE WHEN s.invoice_number IS NOT NULL THEN %s END AS invoice, v.status, v.reason,
                   v.requested_by, ru.name AS requested_by_name, v.requested_at, du.name AS decided_by_name,
                   v.decided_at
            FROM sale_void_requests v
            JOIN sales s ON s.tenant_id = v.tenant_id AND s.id = v.sale_id
            LEFT JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
            LEFT JOIN platform_users ru ON ru.tenant_id = v.tenant_id AND ru.id = v.requested_by
            LEFT JOIN platform_users du ON du.tenant_id = v.tenant_id AND du.id = v.decided_by
            """.formatted(SaleQueries.INVOICE);

    private final JdbcClient jdbc;
    private final Sales sales;
    private final VoidNotices notices;

    VoidRequests(JdbcClient jdbc, Sales sales, VoidNotices notices) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.notices = notices;
    }

    @Transactional
    public VoidRequest request(UUID saleId, NewRequest request) {
        LockedSale sale = sales.lock(saleId);
        if (sale.status().equals("cancelled")) {
            throw Problems.of(SalesProblem.SALE_ALREADY_CANCELLED, "The sale is already cancelled");
        }
        UUID id = Ids.next();
        int inserted = jdbc.sql("""
                        INSERT INTO sale_void_requests (tenant_id, id, sale_id, reason, requested_by)
                        VALUES (:tenant, :id, :sale, :reason, :user)
                        ON CONFLICT (tenant_id, sale_id) WHERE status = 'pending' DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("sale", saleId)
                .param("reason", request.reason().trim()).param("user", TenantContext.userId().orElseThrow())
                .update();
        if (inserted == 0) {
            throw Problems.of(SalesProblem.VOID_ALREADY_REQUESTED, "A void of this sale is already waiting for approval");
        }
        VoidRequest created = get(id);
        notices.requested(created);
        return created;
    }

    /** Voids the sale with the request's reason (the sale's own rules apply: no voiding a sale with returns). */
    @Transactional
    public VoidRequest approve(UUID id) {
        VoidRequest request = decide(id, "approved");
        sales.cancel(request.saleId(), new Sales.Cancellation(request.reason()));
        return get(id);
    }

    @Transactional
    public VoidRequest reject(UUID id) {
        decide(id, "rejected");
        return get(id);
    }

    @Transactional(readOnly = true)
    public Optional<VoidRequest> open(UUID saleId) {
        return jdbc.sql(SELECT + " WHERE v.sale_id = :sale AND v.status = 'pending'").param("sale", saleId)
                .query(VoidRequest.class).optional();
    }

    /** What waits for a decision, oldest first. */
    @Transactional(readOnly = true)
    public List<VoidRequest> pending() {
        return jdbc.sql(SELECT + " WHERE v.status = 'pending' ORDER BY v.requested_at LIMIT 200")
                .query(VoidRequest.class).list();
    }

    private VoidRequest get(UUID id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(VoidRequest.class).optional()
                .orElseThrow(() -> new NotFoundException("Void request"));
    }

    /** The request's sale locked first (the one lock order of sales), then the pending request decided. */
    private VoidRequest decide(UUID id, String decision) {
        VoidRequest request = get(id);
        sales.lock(request.saleId());
        int decided = jdbc.sql("""
                        UPDATE sale_void_requests SET status = :decision, decided_by = :user, decided_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("tenant", TenantContext.tenantId())
                .param("decision", decision).param("user", TenantContext.userId().orElseThrow()).param("id", id)
                .update();
        if (decided == 0) {
            throw Problems.of(SalesProblem.VOID_REQUEST_DECIDED, "This void request was already decided");
        }
        return request;
    }
}
