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
 * The same event published twice (same type and payload) is recorded once. The same statement copies it to the
 * analytics events and, when an active endpoint of the company subscribes to its type, queues it for the webhook
 * dispatcher ({@code business_event_queue}): the queue holds exactly the committed events someone waits for, and a
 * company without webhooks pays no dispatch pass after its sales. An endpoint created while the event's transaction
 * runs receives the events recorded after it.
 */
@Component
class BusinessEventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventsQueued queued;

    BusinessEventLog(JdbcClient jdbc, JsonMapper json, EventsQueued queued) {
        this.jdbc = jdbc;
        this.json = json;
        this.queued = queued;
    }

    /** Runs in the publisher's transaction, which already carries the tenant; publishing outside one is a bug. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(BusinessEvent event) {
        boolean queuedOne = jdbc.sql("""
                        WITH recorded AS (
                            INSERT INTO business_events (tenant_id, id, event_type, subject_id, payload, payload_digest,
                                                         occurred_at)
                            VALUES (:tenant, :id, :type, :subject, CAST(:payload AS jsonb),
                                    sha256(convert_to(CAST(:payload AS jsonb)::text, 'UTF8')),
                                    coalesce(CAST(:occurredAt AS timestamptz), now()))
                            ON CONFLICT (tenant_id, event_type, payload_digest) DO NOTHING
                            RETURNING tenant_id, id, event_type, subject_id, payload, occurred_at, recorded_at
                        ), analytics AS (
                            INSERT INTO analytics_events (tenant_id, id, event_type, subject_id, payload, occurred_at,
                                                          recorded_at)
                            SELECT * FROM recorded
                        ), queued AS (
                            INSERT INTO business_event_queue (tenant_id, event_id)
                            SELECT r.tenant_id, r.id FROM recorded r
                            WHERE EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.tenant_id = r.tenant_id AND w.active
                                          AND w.event_types @> ARRAY[CAST(r.event_type AS text)])
                            RETURNING 1
                        )
                        SELECT EXISTS (SELECT 1 FROM queued)""")
                .param("tenant", event.tenantId()).param("id", Ids.next()).param("type", event.eventType())
                .param("subject", event.subjectId()).param("payload", json.writeValueAsString(event))
                .param("occurredAt", event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                .query(Boolean.class).single();
        if (queuedOne) {
            queued.queued(event.tenantId());
        }
    }
}
