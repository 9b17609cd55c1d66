package dev.bodega.messaging;

import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations through the API and the inbox page: replies, notes, moves, filters, and the wall between companies. */
@BodegaTest
class ConversationsTest {

    @Autowired TestFixtures fixtures;
    @Autowired Inbox inbox;
    @Autowired Api api;

    private UUID conversation(TestFixtures.Tenant tenant, String visitor, String text) {
        return inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", visitor, "Ana " + visitor, null,
                UUID.randomUUID().toString(), text)).conversationId();
    }

    @Test
    void anAgentRepliesAddsANoteAndResolvesAndTheMovesFollowTheStates() {
        var tenant = fixtures.tenant();
        UUID id = conversation(tenant, "v1", "¿Abren el sábado?");

        var reply = api.post(tenant.adminKey(), "/api/v1/conversations/" + id + "/messages",
                Map.of("content", "Sí, de 9 a 14."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        var note = api.post(tenant.adminKey(), "/api/v1/conversations/" + id + "/messages",
                Map.of("content", "Cliente habitual", "isPrivate", true));
        assertThat(note.status()).isEqualTo(201);
        var thread = api.get(tenant.adminKey(), "/api/v1/conversations/" + id + "/messages").json().get("items");
        assertThat(thread).hasSize(3);
        assertThat(thread.get(1).get("fromMe").asBoolean()).isTrue();
        assertThat(thread.get(2).get("isPrivate").asBoolean()).isTrue();
        assertThat(api.get(tenant.adminKey(), "/api/v1/conversations/" + id).json().get("firstResponseAt").isNull())
                .isFalse();

        var resolved = api.post(tenant.adminKey(), "/api/v1/conversations/" + id + "/status", Map.of("status", "resolved"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("resolutionTime").isNull()).isFalse();
        var again = api.post(tenant.adminKey(), "/api/v1/conversations/" + id + "/status", Map.of("status", "pending"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/conversation-state");
    }

    @Test
    void theListFiltersByStatusAssigneeAndUnread() {
        var tenant = fixtures.tenant();
        UUID mine = conversation(tenant, "a", "uno");
        UUID other = conversation(tenant, "b", "dos");
        assertThat(api.post(tenant.adminKey(), "/api/v1/conversations/" + mine + "/assignee",
                Map.of("assignee", tenant.adminId().toString())).status()).isEqualTo(200);
        api.post(tenant.adminKey(), "/api/v1/conversations/" + other + "/read", null);

        assertThat(ids(tenant, "?assignee=me")).containsExactly(mine.toString());
        assertThat(ids(tenant, "?assignee=none")).containsExactly(other.toString());
        assertThat(ids(tenant, "?unread=true")).containsExactly(mine.toString());
        assertThat(ids(tenant, "?status=resolved")).isEmpty();
        assertThat(ids(tenant, "")).containsExactlyInAnyOrder(mine.toString(), other.toString());
    }

    @Test
    void anotherCompanysConversationIsNotFoundOnEveryRoute() {
        var ours = fixtures.tenant();
        var theirs = fixtures.tenant();
        UUID id = conversation(theirs, "x", "secreto");
        String tag = api.post(ours.adminKey(), "/api/v1/tags", Map.of("name", "VIP")).json().get("id").asString();
        String base = "/api/v1/conversations/" + id;

        assertThat(api.get(ours.adminKey(), base).status()).isEqualTo(404);
        assertThat(api.get(ours.adminKey(), base + "/messages").status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/messages", Map.of("content", "hola")).status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/status", Map.of("status", "resolved")).status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/priority", Map.of("priority", "high")).status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/assignee", new HashMap<>(Map.of("assignee", "auto"))).status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/snooze", Map.of("until", "2099-01-01T00:00:00Z")).status()).isEqualTo(404);
        assertThat(api.put(ours.adminKey(), base + "/tags/" + tag, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.delete(ours.adminKey(), base + "/tags/" + tag).status()).isEqualTo(404);
        assertThat(api.post(ours.adminKey(), base + "/read", null).status()).isEqualTo(404);

        var theirsLater = api.get(theirs.adminKey(), base + "/messages").json().get("items");
        assertThat(theirsLater).hasSize(1);
    }

    @Test
    void theInboxPageShowsTheThreadAndSendsAReply() {
        var tenant = fixtures.tenant();
        UUID id = conversation(tenant, "p", "Busco un filtro de aceite");
        WebSession agent = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        var list = agent.get("/inbox");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("conversation-" + id).contains("Busco un filtro de aceite");

        var sent = agent.post("/inbox/c/" + id + "/reply", Map.of("content", "Tenemos el F-200"));
        assertThat(sent.status()).isEqualTo(302);
        var open = agent.get("/inbox?c=" + id);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains("Tenemos el F-200").contains("id=\"reply-form\"");

        var refused = agent.post("/inbox/c/" + id + "/reply", Map.of("content", " "));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(agent.get("/inbox?c=" + id).body()).contains("conversation-error");

        var stranger = fixtures.tenant();
        WebSession other = WebSession.signedIn(api.baseUrl(), stranger.slug(), stranger.adminEmail(), TestFixtures.PASSWORD);
        assertThat(other.get("/inbox?c=" + id).status()).isEqualTo(404);
        assertThat(other.get("/inbox/c/" + id + "/thread").status()).isEqualTo(404);
    }

    @Test
    void aViewerReadsTheInboxButCannotAnswer() {
        var tenant = fixtures.tenant();
        UUID id = conversation(tenant, "v", "hola");
        fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        WebSession viewer = WebSession.signedIn(api.baseUrl(), tenant.slug(), "viewer@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);

        assertThat(viewer.get("/inbox?c=" + id).body()).contains("hola").doesNotContain("id=\"reply-form\"");
        assertThat(viewer.post("/inbox/c/" + id + "/reply", Map.of("content", "x")).status()).isEqualTo(403);
    }

    private List<String> ids(TestFixtures.Tenant tenant, String query) {
        var page = api.get(tenant.adminKey(), "/api/v1/conversations" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").valueStream().map(n -> n.get("id").asString()).toList();
    }
}
