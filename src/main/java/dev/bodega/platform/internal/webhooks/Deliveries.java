package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint's delivery log: each delivery with its attempts (what was sent, what came back), and replays. */
@Service
public class Deliveries {

    public record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, String status, int attempts,
                           Integer responseStatus, UUID replayOf, Instant nextAttemptAt, Instant finishedAt,
                           Instant createdAt) {
    }

    public record Attempt(int attempt, String requestHeaders, Integer responseStatus, String responseHeaders,
                          String responseBody, String error, int durationMs, Instant attemptedAt) {
    }

    public record Detail(Delivery delivery, String body, List<Attempt> attempts) {
    }

    private static final String COLUMNS = """
            id, endpoint_id, event_id, event_type, status, attempts, response_status, replay_of, next_attempt_at,
            finished_at, created_at""";

    private final JdbcClient jdbc;
    private final Endpoints endpoints;

    Deliveries(JdbcClient jdbc, Endpoints endpoints) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public CursorPage<Delivery> list(UUID endpointId, UUID cursor, int limit) {
        endpoints.get(endpointId);
        List<Delivery> rows = jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE tenant_id = :tenant"
                        + " AND endpoint_id = :endpoint AND (CAST(:cursor AS uuid) IS NULL OR id < :cursor)"
                        + " ORDER BY id DESC LIMIT :limit")
                .param("tenant", TenantContext.tenantId()).param("endpoint", endpointId).param("cursor", cursor)
                .param("limit", limit + 1).query(Delivery.class).list();
        return CursorPage.of(rows, limit, Delivery::id);
    }

    @Transactional(readOnly = true)
    public Detail get(UUID endpointId, UUID id) {
        UUID tenant = TenantContext.tenantId();
        Delivery delivery = jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE tenant_id = :tenant"
                        + " AND endpoint_id = :endpoint AND id = :id")
                .param("tenant", tenant).param("endpoint", endpointId).param("id", id).query(Delivery.class)
                .optional().orElseThrow(() -> new NotFoundException("Webhook delivery"));
        String body = jdbc.sql("SELECT body FROM webhook_deliveries WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id).query(String.class).single();
        List<Attempt> attempts = jdbc.sql("""
                        SELECT attempt, request_headers, response_status, response_headers, response_body, error,
                               duration_ms, attempted_at
                        FROM webhook_attempts WHERE tenant_id = :tenant AND delivery_id = :id ORDER BY attempt""")
                .param("tenant", tenant).param("id", id).query(Attempt.class).list();
        return new Detail(delivery, body, attempts);
    }

    /** Sends the same event again, as a new delivery of the same body (and webhook-id); the endpoint must be on. */
    @Transactional
    public Delivery replay(UUID endpointId, UUID id) {
        Delivery original = get(endpointId, id).delivery();
        if (!endpoints.get(endpointId).active()) {
            throw Problems.of(WebhookProblem.ENDPOINT_INACTIVE, "Switch the endpoint on before replaying to it");
        }
        UUID replay = Ids.next();
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body, replay_of)
                        SELECT tenant_id, :replay, endpoint_id, event_id, event_type, body, id
                        FROM webhook_deliveries WHERE tenant_id = :tenant AND id = :id""")
                .param("replay", replay).param("tenant", tenant).param("id", original.id()).update();
        return get(endpointId, replay).delivery();
    }
}
