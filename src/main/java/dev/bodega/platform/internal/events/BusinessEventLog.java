package dev.bodega.platform.internal.events;

import dev.bodega.platform.BusinessEvent;
import dev.bodega.platform.BusinessEvents;
import dev.bodega.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes every {@link BusinessEvent} into {@code business_events} in the transaction that published it:
 * that table is the transactional outbox (DESIGN.md), which later webhooks and notifications read. The
 * event is recorded exactly when the fact commits, survives a crash with it, never appears for a
 * rolled-back transaction, and a row that cannot be written fails the fact's own transaction. It costs a
 * sale one insert, where a separate delivery after the commit cost it a second transaction; the events published
 * {@link BusinessEvents#together together} (a group commit's, one per sale) share one insert.
 * The same event published twice (same type and payload) is recorded once. The same statement copies it to the
 * analytics events and, when an active endpoint of the company subscribes to its type, queues it for the webhook
 * dispatcher ({@code business_event_queue}): the queue holds exactly the committed events someone waits for, and a
 * company without webhooks pays no dispatch pass after its sales. An endpoint created while the event's transaction
 * runs receives the events recorded after it.
 */
@Component
class BusinessEventLog implements BusinessEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventsQueued queued;
    /** The events published on this thread inside {@link #together}, not yet recorded. */
    private final ThreadLocal<List<BusinessEvent>> gathering = new ThreadLocal<>();

    BusinessEventLog(JdbcClient jdbc, JsonMapper json, EventsQueued queued) {
        this.jdbc = jdbc;
        this.json = json;
        this.queued = queued;
    }

    /** Runs in the publisher's transaction, which already carries the tenant; publishing outside one is a bug. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(BusinessEvent event) {
        List<BusinessEvent> gathered = gathering.get();
        if (gathered != null) {
            gathered.add(event);
        } else {
            record(List.of(event));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T together(Supplier<T> publishing) {
        if (gathering.get() != null) {
            return publishing.get();
        }
        List<BusinessEvent> gathered = new ArrayList<>();
        gathering.set(gathered);
        T result;
        try {
            result = publishing.get();
        } finally {
            gathering.remove();
        }
        if (!gathered.isEmpty()) {
            record(gathered);
        }
        return result;
    }

    private void record(List<BusinessEvent> events) {
        List<UUID> queuedFor = jdbc.sql("""
                        WITH recorded AS (
                            INSERT INTO business_events (tenant_id, id, event_type, subject_id, payload, payload_digest,
                                                         occurred_at)
                            SELECT e.tenant_id, e.id, e.event_type, e.subject_id, CAST(e.payload AS jsonb),
                                   sha256(convert_to(CAST(e.payload AS jsonb)::text, 'UTF8')), coalesce(e.occurred_at, now())
                            FROM unnest(CAST(:tenants AS uuid[]), CAST(:ids AS uuid[]), CAST(:types AS text[]),
                                        CAST(:subjects AS uuid[]), CAST(:payloads AS text[]),
                                        CAST(:occurredAt AS timestamptz[]))
                                 AS e(tenant_id, id, event_type, subject_id, payload, occurred_at)
                            ON CONFLICT (tenant_id, event_type, payload_digest) DO NOTHING
                            RETURNING tenant_id, id, event_type, subject_id, payload, occurred_at, recorded_at
                        ), analytics AS (
                            INSERT INTO analytics_events (tenant_id, id, event_type, subject_id, payload, occurred_at,
                                                          recorded_at)
                            SELECT * FROM recorded
                            RETURNING id
                        ), queued AS (
                            INSERT INTO business_event_queue (tenant_id, event_id)
                            SELECT DISTINCT r.tenant_id, r.id FROM recorded r
                            JOIN webhook_endpoints w ON w.tenant_id = ANY (CAST(:tenants AS uuid[]))
                                                    AND w.tenant_id = r.tenant_id AND w.active
                                                    AND w.event_types @> ARRAY[CAST(r.event_type AS text)]
                            RETURNING tenant_id
                        )
                        SELECT DISTINCT tenant_id FROM queued""")
                .param("tenants", texts(events, BusinessEvent::tenantId)).param("ids", texts(events, e -> Ids.next()))
                .param("types", texts(events, BusinessEvent::eventType))
                .param("subjects", texts(events, BusinessEvent::subjectId))
                .param("payloads", texts(events, json::writeValueAsString))
                .param("occurredAt", texts(events, BusinessEvent::occurredAt))
                .query(UUID.class).list();
        queuedFor.forEach(queued::queued);
    }

    private static String[] texts(List<BusinessEvent> events, Function<BusinessEvent, Object> value) {
        return events.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }
}
