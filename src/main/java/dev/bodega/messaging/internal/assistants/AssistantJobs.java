package dev.bodega.messaging.internal.assistants;

import dev.bodega.messaging.internal.InboundStored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Owes an answer for an inbound message, in the message's transaction: the conversation's assistant (or, for a
 * conversation new or reopened since its hand-off, the one that takes its channel) gets a job due after its response
 * delay. A conversation handed to a person, or resolved (a satisfaction answer), owes nothing. After the commit the
 * worker is told, so the answer does not wait for the next poll.
 */
@Component
class AssistantJobs {

    record Conversation(UUID assistantId, Instant assistantHandedOffAt, Instant openedAt, String status,
                        UUID integrationId) {
    }

    private final JdbcClient jdbc;
    private final Assistants assistants;
    private final AssistantWorker worker;

    AssistantJobs(JdbcClient jdbc, Assistants assistants, AssistantWorker worker) {
        this.jdbc = jdbc;
        this.assistants = assistants;
        this.worker = worker;
    }

    @EventListener
    void onInbound(InboundStored event) {
        Conversation c = jdbc.sql("""
                        SELECT assistant_id, assistant_handed_off_at, opened_at, status, integration_id
                        FROM conversations WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", event.tenantId()).param("id", event.conversationId()).query(Conversation.class).single();
        if (!"active".equals(c.status()) && !"pending".equals(c.status())) {
            return;
        }
        boolean anew = c.assistantId() == null
                || (c.assistantHandedOffAt() != null && c.assistantHandedOffAt().isBefore(c.openedAt()));
        if (!anew && c.assistantHandedOffAt() != null) {
            return;
        }
        Optional<Assistant> assistant = anew
                ? Optional.ofNullable(c.integrationId()).flatMap(assistants::forChannel)
                : assistants.find(c.assistantId()).filter(Assistant::active);
        assistant.ifPresent(a -> owe(event, a, anew));
    }

    private void owe(InboundStored event, Assistant a, boolean anew) {
        if (anew) {
            jdbc.sql("""
                            UPDATE conversations SET assistant_id = :assistant, assistant_handed_off_at = NULL,
                                   assistant_handoff_reason = NULL
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("assistant", a.id()).param("tenant", event.tenantId()).param("id", event.conversationId())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO assistant_jobs (tenant_id, message_id, conversation_id, assistant_id, due_at)
                        VALUES (:tenant, :message, :conversation, :assistant, now() + make_interval(secs => :delay))
                        ON CONFLICT DO NOTHING""")
                .param("tenant", event.tenantId()).param("message", event.messageId())
                .param("conversation", event.conversationId()).param("assistant", a.id())
                .param("delay", a.responseDelay()).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.nudge(event.tenantId(), a.responseDelay());
            }
        });
    }
}
