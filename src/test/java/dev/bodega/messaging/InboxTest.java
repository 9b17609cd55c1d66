package dev.bodega.messaging;

import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.messaging.internal.MessageOutbox;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What channels hand the inbox: messages stored once, conversations reopened, statuses only forward. */
@BodegaTest
class InboxTest {

    @Autowired TestFixtures fixtures;
    @Autowired Inbox inbox;
    @Autowired Outgoing outgoing;
    @Autowired MessageOutbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Api api;

    @Test
    void aMessageDeliveredTwiceIsStoredOnce() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        InboundMessage hello = InboundMessage.text(tenant.id(), null, "web_chat", "visitor-1", "Ana", null,
                "ext-1", "Hola, ¿tienen filtros?");

        Inbox.Received first = inbox.receive(hello);
        Inbox.Received again = inbox.receive(hello);

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.conversationId()).isEqualTo(first.conversationId());
        assertThat(count(tenant, "SELECT count(*) FROM messages")).isEqualTo(1);
        assertThat(count(tenant, "SELECT interaction_count FROM contacts")).isEqualTo(1);
        assertThat(count(tenant, "SELECT count(*) FROM conversations")).isEqualTo(1);
    }

    @Test
    void theInboxAnnouncesReceivedMessagesAndOpenedAndResolvedConversationsOnce() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        InboundMessage hello = InboundMessage.text(tenant.id(), null, "web_chat", "visitor-2", "Luis", null,
                "ext-2", "¿Tienen bujías?");
        Inbox.Received first = inbox.receive(hello);
        inbox.receive(hello);
        inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "visitor-2", "Luis", null, "ext-3", "¿Y aceite?"));
        var resolved = api.post(tenant.adminKey(), "/api/v1/conversations/" + first.conversationId() + "/status",
                Map.of("status", "resolved"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE event_type = 'message.received'"))
                .isEqualTo(2);
        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE event_type = 'conversation.created' "
                + "AND subject_id = '" + first.conversationId() + "'")).isEqualTo(1);
        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE event_type = 'conversation.resolved' "
                + "AND subject_id = '" + first.conversationId() + "'")).isEqualTo(1);
    }

    @Test
    void theSameMessageIdOnAnotherPlatformOrCompanyIsAnotherMessage() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        TestFixtures.Tenant other = fixtures.tenant();
        inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v", null, null, "same", "a"));
        inbox.receive(InboundMessage.text(tenant.id(), null, "telegram", "v", null, null, "same", "b"));
        inbox.receive(InboundMessage.text(other.id(), null, "web_chat", "v", null, null, "same", "c"));

        assertThat(count(tenant, "SELECT count(*) FROM messages")).isEqualTo(2);
        assertThat(count(other, "SELECT count(*) FROM messages")).isEqualTo(1);
    }

    @Test
    void aResolvedConversationReopensOnTheContactsNextMessage() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        Inbox.Received first = inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v", null, null, "m1", "hola"));
        as(tenant, () -> jdbc.sql("UPDATE conversations SET status = 'resolved', resolved_at = now() WHERE id = :id")
                .param("id", first.conversationId()).update());

        Inbox.Received second = inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v", null, null, "m2", "otra cosa"));

        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(as(tenant, () -> jdbc.sql("SELECT status FROM conversations WHERE id = :id")
                .param("id", first.conversationId()).query(String.class).single())).isEqualTo("active");
    }

    @Test
    void statusesArrivingOutOfOrderLeaveTheFurthestOne() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        Inbox.Received received = inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v", null, null, "m1", "hola"));
        UUID reply = TestFixtures.asUser(tenant.id(), tenant.adminId(), java.util.Set.of("*"), () -> outgoing.send(tenant.id(),
                Outgoing.Reply.text(received.conversationId(), tenant.adminId(), "¡Hola! Sí, tenemos."))).id();
        awaitStatus(tenant, reply, "sent");

        assertThat(inbox.updateStatus(tenant.id(), "web_chat", "web-" + reply, "read", null)).isTrue();
        assertThat(inbox.updateStatus(tenant.id(), "web_chat", "web-" + reply, "delivered", null)).isFalse();
        assertThat(inbox.updateStatus(tenant.id(), "web_chat", "web-" + reply, "failed", "late")).isFalse();
        assertThat(inbox.updateStatus(tenant.id(), "web_chat", "unknown", "read", null)).isFalse();

        assertThat(status(tenant, reply)).isEqualTo("read");
        assertThat(count(tenant, "SELECT count(*) FROM message_outbox WHERE done_at IS NOT NULL")).isEqualTo(1);
    }

    private void awaitStatus(TestFixtures.Tenant tenant, UUID message, String expected) {
        long until = System.currentTimeMillis() + 10_000;
        while (!expected.equals(status(tenant, message)) && System.currentTimeMillis() < until) {
            outbox.deliverDue();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(status(tenant, message)).isEqualTo(expected);
    }

    private String status(TestFixtures.Tenant tenant, UUID message) {
        return as(tenant, () -> jdbc.sql("SELECT status FROM messages WHERE id = :id").param("id", message)
                .query(String.class).single());
    }

    private long count(TestFixtures.Tenant tenant, String sql) {
        return as(tenant, () -> jdbc.sql(sql).params(Map.of()).query(Long.class).single());
    }

    private <T> T as(TestFixtures.Tenant tenant, Supplier<T> work) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant.id()), () -> transactions.execute(s -> work.get()));
    }
}
