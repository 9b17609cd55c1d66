package dev.bodega.messaging.internal.assistants;

import dev.bodega.messaging.internal.Assignment;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.messaging.internal.LiveEvent;
import dev.bodega.messaging.internal.LiveEvents;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.Formats;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One assistant turn in a conversation: prepared in a transaction (is the conversation still the assistant's, is
 * this the latest message owed, did an auto-reply or an agent answer, is it within the working hours; the window of
 * this conversation's messages), answered outside any transaction ({@link Responder}), then finished in one: the
 * answer sent, the hand-off recorded with a note that tells the agents why, the conversation assigned to a person,
 * the turn counted for the metrics and the job done.
 */
@Component
class AssistantTurns {

    record Prepared(Assistant assistant, String key, Dialogue dialogue, int turnsTaken) {
    }

    record State(UUID assistantId, Instant assistantHandedOffAt, Instant openedAt, UUID customerId,
                 boolean superseded, boolean autoReplied, String lastShopSender) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Assistants assistants;
    private final Responder responder;
    private final InboxSettings inboxSettings;
    private final TenantSettingsService tenantSettings;
    private final Outgoing outgoing;
    private final Assignment assignment;
    private final LiveEvents live;
    private final MessageSource messages;

    AssistantTurns(JdbcClient jdbc, TransactionTemplate transactions, Assistants assistants, Responder responder,
                   InboxSettings inboxSettings, TenantSettingsService tenantSettings, Outgoing outgoing,
                   Assignment assignment, LiveEvents live, MessageSource messages) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.assistants = assistants;
        this.responder = responder;
        this.inboxSettings = inboxSettings;
        this.tenantSettings = tenantSettings;
        this.outgoing = outgoing;
        this.assignment = assignment;
        this.live = live;
        this.messages = messages;
    }

    void take(UUID tenantId, AssistantWorker.Job job) {
        TenantContext.runAs(TenantContext.Scope.system(tenantId), () -> {
            Optional<Prepared> prepared = transactions.execute(s -> prepare(tenantId, job));
            if (prepared == null || prepared.isEmpty()) {
                transactions.executeWithoutResult(s -> done(tenantId, job));
                return;
            }
            Prepared p = prepared.get();
            long started = System.nanoTime();
            Answer answer = responder.respond(p.assistant(), p.key(), p.dialogue(), p.turnsTaken());
            int latency = (int) ((System.nanoTime() - started) / 1_000_000);
            transactions.executeWithoutResult(s -> finish(tenantId, job, p.assistant(), answer, latency));
        });
    }

    private Optional<Prepared> prepare(UUID tenantId, AssistantWorker.Job job) {
        State state = state(tenantId, job);
        if (!job.assistantId().equals(state.assistantId()) || state.assistantHandedOffAt() != null || state.superseded()
                || state.autoReplied() || "user".equals(state.lastShopSender())) {
            return Optional.empty();
        }
        Optional<Assistant> assistant = assistants.find(job.assistantId()).filter(Assistant::active)
                .filter(a -> !inboxSettings.outside(a.workingHours(), Instant.now()));
        return assistant.map(a -> {
            List<Dialogue.Turn> window = window(tenantId, job.conversationId(), a.contextMessages());
            TenantSettings company = tenantSettings.current();
            String last = window.stream().filter(Dialogue.Turn::fromContact).reduce((x, y) -> y)
                    .map(Dialogue.Turn::text).orElse("");
            var language = Phrases.language(last);
            Dialogue d = new Dialogue(tenantId, state.customerId(), language,
                    Formats.of(language, company.zoneId(), company.currency()), company.currency(), window);
            return new Prepared(a, a.usesModel() ? assistants.key(a) : null, d,
                    turnsTaken(tenantId, job.conversationId(), state.openedAt()));
        });
    }

    private State state(UUID tenantId, AssistantWorker.Job job) {
        return jdbc.sql("""
                        SELECT c.assistant_id, c.assistant_handed_off_at, c.opened_at, k.customer_id,
                               EXISTS (SELECT FROM assistant_jobs j
                                       WHERE j.tenant_id = c.tenant_id AND j.conversation_id = c.id AND j.done_at IS NULL
                                         AND j.created_at > (SELECT created_at FROM assistant_jobs
                                                             WHERE tenant_id = :tenant AND message_id = :message))
                                   AS superseded,
                               EXISTS (SELECT FROM auto_replies r WHERE r.tenant_id = c.tenant_id
                                                                  AND r.message_id = :message) AS auto_replied,
                               (SELECT m.sender_type FROM messages m
                                WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND NOT m.is_private
                                  AND m.sender_type <> 'contact' AND NOT m.is_auto_response
                                ORDER BY m.created_at DESC LIMIT 1) AS last_shop_sender
                        FROM conversations c JOIN contacts k ON k.tenant_id = c.tenant_id AND k.id = c.contact_id
                        WHERE c.tenant_id = :tenant AND c.id = :conversation""")
                .param("tenant", tenantId).param("message", job.messageId()).param("conversation", job.conversationId())
                .query(State.class).single();
    }

    /** The conversation's own latest messages (not agents' notes), oldest first. */
    private List<Dialogue.Turn> window(UUID tenantId, UUID conversationId, int size) {
        return jdbc.sql("""
                        SELECT from_contact, text FROM (
                            SELECT sender_type = 'contact' AS from_contact, content AS text, created_at FROM messages
                            WHERE tenant_id = :tenant AND conversation_id = :conversation AND NOT is_private
                              AND btrim(content) <> ''
                            ORDER BY created_at DESC LIMIT :size) latest
                        ORDER BY created_at""")
                .param("tenant", tenantId).param("conversation", conversationId).param("size", size)
                .query(Dialogue.Turn.class).list();
    }

    private int turnsTaken(UUID tenantId, UUID conversationId, Instant openedAt) {
        return jdbc.sql("""
                        SELECT count(*) FROM assistant_turns
                        WHERE tenant_id = :tenant AND conversation_id = :conversation AND outcome = 'answered'
                          AND created_at >= :openedAt""")
                .param("tenant", tenantId).param("conversation", conversationId)
                .param("openedAt", Timestamp.from(openedAt)).query(Integer.class).single();
    }

    private void finish(UUID tenantId, AssistantWorker.Job job, Assistant a, Answer answer, int latency) {
        State state = jdbc.sql("""
                        SELECT assistant_id, assistant_handed_off_at, opened_at, NULL::uuid AS customer_id,
                               false AS superseded, false AS auto_replied, NULL AS last_shop_sender
                        FROM conversations WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", tenantId).param("id", job.conversationId()).query(State.class).single();
        if (!a.id().equals(state.assistantId()) || state.assistantHandedOffAt() != null) {
            done(tenantId, job);
            return;
        }
        outgoing.sendIfAccepted(tenantId, new Outgoing.Reply(job.conversationId(), "assistant", a.id(), answer.text(),
                "text", null, false, true, null, List.of(), job.messageId()));
        if (answer.handoff() != null) {
            handOff(tenantId, job.conversationId(), answer.handoff());
        }
        jdbc.sql("""
                        INSERT INTO assistant_turns (tenant_id, id, assistant_id, conversation_id, outcome, handoff_reason,
                                                     latency_ms, prompt_tokens, completion_tokens, cost)
                        VALUES (:tenant, :id, :assistant, :conversation, :outcome, :reason, :latency, :prompt,
                                :completion, (:prompt * :inputPrice + :completion * :outputPrice) / 1000000.0)""")
                .param("tenant", tenantId).param("id", Ids.next()).param("assistant", a.id())
                .param("conversation", job.conversationId())
                .param("outcome", answer.handoff() == null ? "answered" : "handed_off").param("reason", answer.handoff())
                .param("latency", latency).param("prompt", answer.promptTokens())
                .param("completion", answer.completionTokens()).param("inputPrice", a.inputPrice())
                .param("outputPrice", a.outputPrice()).update();
        done(tenantId, job);
    }

    /** The conversation goes to a person: the reason on it, a note the agents read, and an agent when one is free. */
    private void handOff(UUID tenantId, UUID conversationId, String reason) {
        jdbc.sql("""
                        UPDATE conversations SET assistant_handed_off_at = now(), assistant_handoff_reason = :reason,
                               updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("reason", reason).param("tenant", tenantId).param("id", conversationId).update();
        outgoing.sendIfAccepted(tenantId, new Outgoing.Reply(conversationId, "system", null,
                messages.getMessage("assistant.note." + reason, null, tenantSettings.current().language()),
                "text", null, true, true, null, List.of(), null));
        boolean unassigned = jdbc.sql("SELECT assigned_to IS NULL FROM conversations WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId).param("id", conversationId).query(Boolean.class).single();
        if (unassigned) {
            assignment.assignNext(tenantId, conversationId);
        }
        live.publish(new LiveEvent(tenantId, "conversation", conversationId, null, "handed_off"));
    }

    private void done(UUID tenantId, AssistantWorker.Job job) {
        jdbc.sql("UPDATE assistant_jobs SET done_at = now() WHERE tenant_id = :tenant AND message_id = :message")
                .param("tenant", tenantId).param("message", job.messageId()).update();
    }
}
