package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.TransferRequests;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Transfer requests as the current user may see them: row-level security shows those of their locations. */
@Service
public class RequestQueries {

    /** A request; {@code lines} and {@code trace} only when one is read by id. */
    public record RequestView(UUID id, long number, UUID originId, String originName, UUID destinationId,
                              String destinationName, UUID requestedBy, String requestedByName, String status,
                              Instant createdAt, Instant pickedAt, Instant dispatchedAt, Instant receivedAt,
                              Instant cancelledAt, String transportGuide, String notes, List<LineView> lines,
                              List<TraceView> trace) {

        RequestView with(List<LineView> lines, List<TraceView> trace) {
            return new RequestView(id, number, originId, originName, destinationId, destinationName, requestedBy,
                    requestedByName, status, createdAt, pickedAt, dispatchedAt, receivedAt, cancelledAt,
                    transportGuide, notes, lines, trace);
        }
    }

    public record LineView(int lineNo, UUID itemId, String sku, String name, BigDecimal requested, BigDecimal picked,
                           BigDecimal dispatched, BigDecimal received, BigDecimal unitCost, String note,
                           String discrepancyReason, UUID adjustmentId) {

        /** Received other than dispatched. */
        public boolean discrepant() {
            return received != null && dispatched != null && received.compareTo(dispatched) != 0;
        }
    }

    public record TraceView(String fromStatus, String toStatus, UUID userId, String userName, Instant changedAt,
                            String comment) {
    }

    record Filter(String status, UUID originId, UUID destinationId) {
    }

    private static final String SELECT = """
            SELECT r.id, r.number, r.origin_id, o.name AS origin_name, r.destination_id, d.name AS destination_name,
                   r.requested_by, u.name AS requested_by_name, r.status, r.created_at, r.picked_at, r.dispatched_at,
                   r.received_at, r.cancelled_at, r.transport_guide, r.notes
            FROM transfer_requests r
            JOIN locations o ON o.tenant_id = r.tenant_id AND o.id = r.origin_id
            JOIN locations d ON d.tenant_id = r.tenant_id AND d.id = r.destination_id
            JOIN platform_users u ON u.tenant_id = r.tenant_id AND u.id = r.requested_by
            """;

    private final JdbcClient jdbc;

    RequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public RequestView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id)
                .query(RequestQueries::view).optional()
                .orElseThrow(() -> new NotFoundException("Transfer request"));
    }

    @Transactional(readOnly = true)
    public RequestView detail(UUID id) {
        return get(id).with(lines(id), trace(id));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public CursorPage<RequestView> list(Filter filter, UUID before, int limit) {
        List<RequestView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:status AS text) IS NULL OR r.status = :status)
                          AND (CAST(:origin AS uuid) IS NULL OR r.origin_id = :origin)
                          AND (CAST(:destination AS uuid) IS NULL OR r.destination_id = :destination)
                          AND (CAST(:before AS uuid) IS NULL OR r.id < :before)
                        ORDER BY r.id DESC LIMIT :limit""")
                .param("status", filter.status()).param("origin", filter.originId())
                .param("destination", filter.destinationId()).param("before", before).param("limit", limit + 1)
                .query(RequestQueries::view).list();
        return CursorPage.of(rows, limit, RequestView::id);
    }

    @Transactional(readOnly = true)
    List<TransferRequests.RequestState> toOrganization(UUID organizationId, Long number, int limit) {
        return jdbc.sql("""
                        SELECT r.number, 'SOL-' || r.number AS code, r.status, d.name AS destination,
                               r.created_at AS requested_at, r.dispatched_at, r.received_at
                        FROM transfer_requests r
                        JOIN locations d ON d.tenant_id = r.tenant_id AND d.id = r.destination_id
                        WHERE r.tenant_id = :tenant AND d.organization_id = :organization
                          AND (CAST(:number AS bigint) IS NULL OR r.number = :number)
                        ORDER BY r.created_at DESC, r.id DESC LIMIT :limit""")
                .param("tenant", TenantContext.tenantId()).param("organization", organizationId)
                .param("number", number).param("limit", limit).query(TransferRequests.RequestState.class).list();
    }

    @Transactional(readOnly = true)
    public List<LineView> lines(UUID id) {
        return jdbc.sql("""
                        SELECT l.line_no, l.item_id, i.sku, i.name, l.requested, l.picked, l.dispatched, l.received,
                               l.unit_cost, l.note, l.discrepancy_reason, l.adjustment_id
                        FROM transfer_request_lines l
                        JOIN catalog_items i ON i.tenant_id = l.tenant_id AND i.id = l.item_id
                        WHERE l.request_id = :id ORDER BY l.line_no""")
                .param("id", id).query(LineView.class).list();
    }

    @Transactional(readOnly = true)
    public List<TraceView> trace(UUID id) {
        return jdbc.sql("""
                        SELECT t.from_status, t.to_status, t.user_id, u.name AS user_name, t.changed_at, t.comment
                        FROM transfer_request_trace t
                        LEFT JOIN platform_users u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
                        WHERE t.request_id = :id ORDER BY t.changed_at, t.id""")
                .param("id", id).query(TraceView.class).list();
    }

    private static RequestView view(ResultSet rs, int row) throws SQLException {
        return new RequestView(rs.getObject("id", UUID.class), rs.getLong("number"),
                rs.getObject("origin_id", UUID.class), rs.getString("origin_name"),
                rs.getObject("destination_id", UUID.class), rs.getString("destination_name"),
                rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name"), rs.getString("status"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("picked_at")),
                instant(rs.getTimestamp("dispatched_at")), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("cancelled_at")), rs.getString("transport_guide"), rs.getString("notes"),
                null, null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
