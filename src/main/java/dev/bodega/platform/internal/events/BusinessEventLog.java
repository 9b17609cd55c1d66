package dev.bodega.platform.internal.events;

import dev.bodega.platform.BusinessEvent;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;

/**
 * Writes every {@link BusinessEvent} into {@code business_events}, the tenant's durable record that
 * later webhooks and notifications read. Being an application module listener, the event is stored in
 * the event publication registry in the publishing transaction (the outbox) and delivered after the
 * commit; a delivery that fails stays incomplete and is delivered again on resubmission or restart.
 * A repeated delivery of the same event finds its row and adds none.
 */
@Component
class BusinessEventLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate newTransaction;

    BusinessEventLog(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The tenant is written into a transaction when it begins: none is started before the tenant is set. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(BusinessEvent event) {
        TenantContext.runAs(TenantContext.Scope.system(event.tenantId()),
                () -> newTransaction.executeWithoutResult(tx -> record(event)));
    }

    private void record(BusinessEvent event) {
        jdbc.sql("""
                        INSERT INTO business_events (tenant_id, id, event_type, subject_id, payload, payload_digest,
                                                     occurred_at)
                        VALUES (:tenant, :id, :type, :subject, CAST(:payload AS jsonb),
                                sha256(convert_to(CAST(:payload AS jsonb)::text, 'UTF8')),
                                coalesce(CAST(:occurredAt AS timestamptz), now()))
                        ON CONFLICT (tenant_id, event_type, payload_digest) DO NOTHING""")
                .param("tenant", event.tenantId()).param("id", Ids.next()).param("type", event.eventType())
                .param("subject", event.subjectId()).param("payload", json.writeValueAsString(event))
                .param("occurredAt", event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                .update();
    }
}
