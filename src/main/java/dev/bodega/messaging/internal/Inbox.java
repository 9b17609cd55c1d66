package dev.bodega.messaging.internal;

import dev.bodega.messaging.ConversationCreated;
import dev.bodega.messaging.MessageReceived;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where channels hand what they receive: inbound messages (stored once per platform message id, in the contact's
 * conversation, reopened when it was resolved) and delivery statuses (only ever forward). Both open the message's
 * company as the current tenant themselves, so a webhook calls them with no context.
 */
@Service
public class Inbox {

    /**
     * What {@link #receive} stored.
     *
     * @param duplicate true when the platform had delivered this message already: nothing new was stored
     */
    public record Received(UUID messageId, UUID conversationId, UUID contactId, boolean duplicate) {
    }

    record ContactRow(UUID id, UUID mergedInto, UUID customerId) {
    }

    record ConversationRow(UUID id, String status, Instant satisfactionAskedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageStore store;
    private final Contacts contacts;
    private final InboundRules rules;
    private final LiveEvents live;
    private final ApplicationEventPublisher events;

    Inbox(JdbcClient jdbc, TransactionTemplate transactions, MessageStore store, Contacts contacts, InboundRules rules,
          LiveEvents live, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.contacts = contacts;
        this.rules = rules;
        this.live = live;
        this.events = events;
    }

    /**
     * Stores an inbound message: its contact (created, or found by platform and external id; a merged contact's
     * messages go to the one kept), the contact's conversation on that platform (created, or reopened when resolved
     * or closed; a snooze ends), the message, and the live event; then automatic assignment and auto-replies.
     * The same platform message id a second time stores nothing and answers {@code duplicate}.
     */
    public Received receive(InboundMessage in) {
        return TenantContext.callAs(scopeFor(in.tenantId()), () -> transactions.execute(s -> store(in)));
    }

    /**
     * A channel's delivery status for a message it sent ({@code sent, delivered, read, failed}), found by the
     * platform's message id. Statuses only move forward: {@code read} then {@code delivered} leaves {@code read}.
     * Returns whether the message changed; an unknown id changes nothing.
     */
    public boolean updateStatus(UUID tenantId, String platform, String externalId, String status, String error) {
        MessageStatus next = MessageStatus.of(status);
        return TenantContext.callAs(scopeFor(tenantId), () -> Boolean.TRUE.equals(transactions.execute(s ->
                store.byExternalId(tenantId, platform, externalId)
                        .flatMap(ref -> store.advanceStatus(tenantId, ref, next, error).map(conversation -> {
                            live.publish(new LiveEvent(tenantId, "status", conversation, ref.id(), next.code()));
                            return true;
                        })).orElse(false))));
    }

    private Received store(InboundMessage in) {
        UUID tenantId = in.tenantId();
        MessageStore.Ref ref = new MessageStore.Ref(Ids.next(),
                (in.sentAt() == null ? Instant.now() : in.sentAt()).truncatedTo(ChronoUnit.MICROS));
        if (in.externalMessageId() != null && !store.claimExternalId(tenantId, in.platform(), in.externalMessageId(), ref)) {
            return duplicate(tenantId, in);
        }
        ContactRow contact = contacts.upsert(in);
        UUID contactId = contact.mergedInto() != null ? contact.mergedInto() : contact.id();
        ConversationRow conversation = conversation(tenantId, in, contactId);
        UUID quoted = in.quotedExternalId() == null ? null
                : store.byExternalId(tenantId, in.platform(), in.quotedExternalId()).map(MessageStore.Ref::id).orElse(null);
        store.insert(tenantId, ref, new MessageStore.NewMessage(conversation.id(), in.platform(),
                in.externalMessageId(), "contact", contactId, in.content(), in.messageType(), in.mediaUrl(),
                in.mediaMetadata(), false, false, false, null, "delivered", quoted, ref.createdAt(), null));
        touch(tenantId, conversation.id(), contactId, in);
        live.publish(new LiveEvent(tenantId, "message", conversation.id(), ref.id(), "received"));
        rules.afterInbound(tenantId, conversation.id(), ref, in.content(), conversation.satisfactionAskedAt());
        events.publishEvent(new InboundStored(tenantId, conversation.id(), ref.id(), in.content()));
        events.publishEvent(new MessageReceived(tenantId, ref.id(), conversation.id(), contactId, in.platform(),
                in.messageType(), in.content(), ref.createdAt()));
        return new Received(ref.id(), conversation.id(), contactId, false);
    }

    private Received duplicate(UUID tenantId, InboundMessage in) {
        MessageStore.Ref existing = store.byExternalId(tenantId, in.platform(), in.externalMessageId()).orElseThrow();
        record Owner(UUID conversationId, UUID senderId) {
        }
        Owner owner = jdbc.sql("SELECT conversation_id, sender_id FROM messages WHERE tenant_id = :tenant AND id = :id "
                        + "AND created_at = :createdAt")
                .param("tenant", tenantId).param("id", existing.id())
                .param("createdAt", Timestamp.from(existing.createdAt())).query(Owner.class).single();
        return new Received(existing.id(), owner.conversationId(), owner.senderId(), true);
    }

    /** The contact's conversation on the platform, created or reopened; locked for this transaction. */
    private ConversationRow conversation(UUID tenantId, InboundMessage in, UUID contactId) {
        UUID id = Ids.next();
        int created = jdbc.sql("""
                        INSERT INTO conversations (tenant_id, id, contact_id, integration_id, platform,
                                                   external_conversation_id, title)
                        VALUES (:tenant, :id, :contact, :integration, :platform, :external, :title)
                        ON CONFLICT (tenant_id, platform, external_conversation_id) DO NOTHING""")
                .param("tenant", tenantId).param("id", id).param("contact", contactId)
                .param("integration", in.integrationId()).param("platform", in.platform())
                .param("external", in.contactExternalId()).param("title", in.contactName()).update();
        if (created == 1) {
            events.publishEvent(new ConversationCreated(tenantId, id, contactId, in.platform()));
        }
        ConversationRow row = jdbc.sql("""
                        SELECT id, status, satisfaction_asked_at FROM conversations
                        WHERE tenant_id = :tenant AND platform = :platform AND external_conversation_id = :external
                        FOR UPDATE""")
                .param("tenant", tenantId).param("platform", in.platform()).param("external", in.contactExternalId())
                .query(ConversationRow.class).single();
        if (ConversationStatus.of(row.status()).isDone() && !rules.isSatisfactionAnswer(row, in.content())) {
            jdbc.sql("""
                            UPDATE conversations SET status = 'active', opened_at = now(), resolved_at = NULL,
                                   resolution_time = NULL, first_response_at = NULL, first_response_time = NULL,
                                   satisfaction_asked_at = NULL, satisfaction_score = NULL, updated_at = now(),
                                   version = version + 1
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("tenant", tenantId).param("id", row.id()).update();
            live.publish(new LiveEvent(tenantId, "conversation", row.id(), null, "reopened"));
            return new ConversationRow(row.id(), "active", null);
        }
        return row;
    }

    private void touch(UUID tenantId, UUID conversationId, UUID contactId, InboundMessage in) {
        jdbc.sql("""
                        UPDATE conversations SET last_message_at = now(), last_inbound_at = now(),
                               last_message_preview = :preview, snoozed_until = NULL, updated_at = now(),
                               integration_id = coalesce(:integration, integration_id)
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("preview", Previews.of(in.content().isEmpty() ? "[" + in.messageType() + "]" : in.content()))
                .param("integration", in.integrationId()).param("tenant", tenantId).param("id", conversationId).update();
        jdbc.sql("""
                        UPDATE contacts SET interaction_count = interaction_count + 1, last_interaction_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenantId).param("id", contactId).update();
    }

    private static TenantContext.Scope scopeFor(UUID tenantId) {
        Optional<TenantContext.Scope> current = TenantContext.current();
        return current.filter(scope -> Objects.equals(scope.tenantId(), tenantId))
                .orElse(TenantContext.Scope.system(tenantId));
    }
}
