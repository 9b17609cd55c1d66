package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes the committed business events from their queue and makes one delivery per active endpoint subscribed to
 * its type, then removes it from the queue, all in one transaction per batch. Two dispatchers skip each other's
 * rows; one that dies before its commit leaves them for the next.
 */
@Component
class Dispatcher {

    static final int BATCH = 200;

    record Queued(UUID eventId, String eventType) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Dispatcher(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Every company's queue; returns the deliveries made. */
    int dispatchAll() {
        int made = 0;
        for (UUID tenant : jdbc.sql("SELECT webhook_queue_tenants()").query(UUID.class).list()) {
            made += dispatch(tenant).size();
        }
        return made;
    }

    /** One company's queue, batch by batch; returns the deliveries made. */
    List<UUID> dispatch(UUID tenant) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant), () -> {
            List<UUID> made = new ArrayList<>();
            int taken;
            do {
                List<UUID> batchMade = new ArrayList<>();
                taken = transactions.execute(tx -> batch(tenant, batchMade));
                made.addAll(batchMade);
            } while (taken == BATCH);
            return made;
        });
    }

    /** Takes one batch; adds the deliveries made to {@code made}, returns how many events it took. */
    private int batch(UUID tenant, List<UUID> made) {
        List<Queued> queued = jdbc.sql("""
                        SELECT q.event_id, e.event_type FROM business_event_queue q
                        JOIN business_events e ON e.tenant_id = q.tenant_id AND e.id = q.event_id
                        WHERE q.tenant_id = :tenant ORDER BY q.event_id LIMIT :batch FOR UPDATE OF q SKIP LOCKED""")
                .param("tenant", tenant).param("batch", BATCH).query(Queued.class).list();
        if (queued.isEmpty()) {
            return 0;
        }
        String[] ids = queued.stream().map(q -> q.eventId().toString()).toArray(String[]::new);
        for (Queued event : queued) {
            for (UUID endpoint : subscribers(tenant, event.eventType())) {
                UUID id = Ids.next();
                if (deliver(tenant, id, endpoint, event.eventId()) > 0) {
                    made.add(id);
                }
            }
        }
        jdbc.sql("DELETE FROM business_event_queue WHERE tenant_id = :tenant AND event_id = ANY (CAST(:ids AS uuid[]))")
                .param("tenant", tenant).param("ids", ids).update();
        return queued.size();
    }

    private List<UUID> subscribers(UUID tenant, String type) {
        return jdbc.sql("""
                        SELECT id FROM webhook_endpoints
                        WHERE tenant_id = :tenant AND active AND event_types @> ARRAY[CAST(:type AS text)]""")
                .param("tenant", tenant).param("type", type).query(UUID.class).list();
    }

    /** The body as Standard Webhooks recommends: the type, when it happened, and the event's data. */
    private int deliver(UUID tenant, UUID id, UUID endpoint, UUID event) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body)
                        SELECT tenant_id, :id, :endpoint, id, event_type,
                               jsonb_build_object('type', event_type, 'timestamp', occurred_at, 'data', payload)::text
                        FROM business_events WHERE tenant_id = :tenant AND id = :event
                        ON CONFLICT (tenant_id, endpoint_id, event_id) WHERE replay_of IS NULL DO NOTHING""")
                .param("id", id).param("endpoint", endpoint).param("tenant", tenant).param("event", event).update();
    }
}
