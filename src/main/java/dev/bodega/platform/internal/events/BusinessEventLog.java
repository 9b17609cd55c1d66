package dev.bodega.platform.internal.events;

import dev.bodega.platform.BusinessEvent;
import dev.bodega.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;

/**
 * Writes every {@link BusinessEvent} into {@code business_events} in the transaction that published it:
 * that table is the transactional outbox (DESIGN.md), which later webhooks and notifications read. The
 * event is recorded exactly when the fact commits, survives a crash with it, never appears for a
 * rolled-back transaction, and a row that cannot be written fails the fact's own transaction. It costs a
 * sale one insert, where a separate delivery after the commit cost it a second transaction.
 * The same event published twice (same type and payload) is recorded once. The same statement queues it for the
 * webhook dispatcher ({@code business_event_queue}), so the queue holds exactly the committed events.
 */
@Component
class BusinessEventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BusinessEventLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Runs in the publisher's transaction, which already carries the tenant; publishing outside one is a bug. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(BusinessEvent event) {
        jdbc.sql("""
                        WITH recorded AS (
                            INSERT INTO business_events (tenant_id, id, event_type, subject_id, payload, payload_digest,
                                                         occurred_at)
                            VALUES (:tenant, :id, :type, :subject, CAST(:payload AS jsonb),
                                    sha256(convert_to(CAST(:payload AS jsonb)::text, 'UTF8')),
                                    coalesce(CAST(:occurredAt AS timestamptz), now()))
                            ON CONFLICT (tenant_id, event_type, payload_digest) DO NOTHING
                            RETURNING tenant_id, id)
                        INSERT INTO business_event_queue (tenant_id, event_id) SELECT tenant_id, id FROM recorded""")
                .param("tenant", event.tenantId()).param("id", Ids.next()).param("type", event.eventType())
                .param("subject", event.subjectId()).param("payload", json.writeValueAsString(event))
                .param("occurredAt", event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                .update();
    }
}
