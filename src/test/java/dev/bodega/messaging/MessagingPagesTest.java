package dev.bodega.messaging;

import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's pages beside the conversations: contacts, canned answers, scheduled messages and metrics. */
@BodegaTest
class MessagingPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Inbox inbox;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private UUID conversation(TestFixtures.Tenant tenant, String visitor, String name, String text) {
        return inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", visitor, name, null,
                UUID.randomUUID().toString(), text)).conversationId();
    }

    private WebSession admin(TestFixtures.Tenant tenant) {
        return WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
    }

    private String contactOf(TestFixtures.Tenant tenant, UUID conversation) {
        return api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation).json().get("contactId").asString();
    }

    @Test
    void theInboxOpensWithACannedAnswerThatHasTriggerKeywords() {
        var tenant = fixtures.tenant();
        UUID id = conversation(tenant, "k", "Kiko", "hola");
        assertThat(api.post(tenant.adminKey(), "/api/v1/response-templates", Map.of("name", "Horario", "shortcut",
                "horario", "content", "Abrimos de 9 a 18", "triggerKeywords", java.util.List.of("horario", "abren")))
                .status()).isEqualTo(201);

        var page = admin(tenant).get("/inbox?c=" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.find("<script type=\"application/json\" id=\"canned-data\">(.*?)</script>"))
                .contains("\"shortcut\":\"horario\"").contains("Abrimos de 9 a 18");
    }

    @Test
    void aContactIsEditedLinkedToACustomerAndAnotherMergedIntoIt() {
        var tenant = fixtures.tenant();
        UUID first = conversation(tenant, "c1", "Carla", "hola");
        UUID second = conversation(tenant, "c2", "Carla R", "soy Carla otra vez");
        String keep = contactOf(tenant, first);
        String other = contactOf(tenant, second);
        String customer = api.post(tenant.adminKey(), "/api/v1/customers", Map.of("documentType", "CC",
                "documentNumber", "991", "firstName", "Carlota", "lastName", "Ruiz")).json().get("id").asString();
        WebSession agent = admin(tenant);

        assertThat(agent.get("/messaging/contacts?q=Carla").body()).contains("contact-" + keep).contains("contact-" + other);
        var contact = agent.get("/messaging/contacts/" + keep);
        assertThat(contact.status()).isEqualTo(200);
        String version = contact.find("name=\"version\" value=\"(\\d+)\"");

        var refused = agent.post("/messaging/contacts/" + keep, Map.of("name", "Carla", "email", "no-es-correo",
                "version", version));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"contact-email-error\"");
        assertThat(api.get(tenant.adminKey(), "/api/v1/contacts/" + keep).json().path("email").isString()).isFalse();

        assertThat(agent.post("/messaging/contacts/" + keep, Map.of("name", "Carla Ruiz", "email", "carla@example.com",
                "tags", "vip, mayorista", "version", version)).status()).isEqualTo(302);
        assertThat(agent.get("/messaging/contacts/" + keep + "?customerQ=Carlota").body()).contains(customer);
        assertThat(agent.post("/messaging/contacts/" + keep + "/customer", Map.of("customerId", customer)).status())
                .isEqualTo(302);
        assertThat(agent.get("/messaging/contacts/" + keep + "?mergeQ=Carla").body()).contains(other);
        assertThat(agent.post("/messaging/contacts/" + keep + "/merge", Map.of("mergeId", other)).status()).isEqualTo(302);

        var kept = api.get(tenant.adminKey(), "/api/v1/contacts/" + keep).json();
        assertThat(kept.get("name").asString()).isEqualTo("Carla Ruiz");
        assertThat(kept.get("email").asString()).isEqualTo("carla@example.com");
        assertThat(kept.get("customerId").asString()).isEqualTo(customer);
        assertThat(kept.get("tags").valueStream().map(t -> t.asString()).toList()).containsExactlyInAnyOrder("vip", "mayorista");
        assertThat(contactOf(tenant, second)).isEqualTo(keep);
        assertThat(agent.get("/messaging/contacts?q=Carla").body()).doesNotContain("contact-" + other);

        var stranger = admin(fixtures.tenant());
        assertThat(stranger.get("/messaging/contacts/" + keep).status()).isEqualTo(404);
        assertThat(stranger.post("/messaging/contacts/" + keep + "/merge", Map.of("mergeId", other)).status())
                .isEqualTo(404);
    }

    @Test
    void aCannedAnswerIsCreatedRefusedWhenWrongEditedAndDeleted() {
        var tenant = fixtures.tenant();
        WebSession manager = admin(tenant);

        var wrong = manager.post("/messaging/templates", Map.of("name", "Precio", "shortcut", "Precio Ya",
                "content", "Le paso el precio", "priority", "-2", "active", "true"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"template-shortcut-error\"").contains("id=\"template-priority-error\"");
        assertThat(api.get(tenant.adminKey(), "/api/v1/response-templates").json().get("items")).isEmpty();

        assertThat(manager.post("/messaging/templates", Map.of("name", "Precio", "shortcut", "precio",
                "content", "Le paso el precio", "keywords", "Precio, cuánto", "priority", "5", "active", "true"))
                .status()).isEqualTo(302);
        var created = api.get(tenant.adminKey(), "/api/v1/response-templates").json().get("items").get(0);
        String id = created.get("id").asString();
        assertThat(created.get("triggerKeywords").valueStream().map(k -> k.asString()).toList())
                .containsExactly("precio", "cuánto");
        assertThat(manager.get("/messaging/templates").body()).contains("/precio");

        var edit = manager.get("/messaging/templates/" + id);
        String version = edit.find("name=\"version\" value=\"(\\d+)\"");
        assertThat(manager.post("/messaging/templates/" + id, Map.of("name", "Precios", "shortcut", "precio",
                "content", "Le paso los precios", "keywords", "precio", "priority", "7", "version", version)).status())
                .isEqualTo(302);
        var edited = api.get(tenant.adminKey(), "/api/v1/response-templates/" + id).json();
        assertThat(edited.get("priority").asInt()).isEqualTo(7);
        assertThat(edited.get("active").asBoolean()).isFalse();
        var stale = manager.post("/messaging/templates/" + id, Map.of("name", "Otra", "shortcut", "precio",
                "content", "x", "version", version));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("id=\"template-error\"");

        assertThat(manager.post("/messaging/templates/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(tenant.adminKey(), "/api/v1/response-templates").json().get("items")).isEmpty();
        assertThat(admin(fixtures.tenant()).get("/messaging/templates/" + id).status()).isEqualTo(404);
    }

    @Test
    void aMessageIsScheduledInTheCompanysTimeAndCancelled() {
        var tenant = fixtures.tenant();
        UUID id = conversation(tenant, "s", "Sara", "¿me recuerdan mañana?");
        WebSession agent = admin(tenant);
        ZoneId zone = ZoneId.of(api.get(tenant.adminKey(), "/api/v1/settings").json().get("timeZone").asString());
        LocalDateTime tomorrowNine = LocalDateTime.now(zone).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);

        var past = agent.post("/messaging/scheduled", Map.of("conversationId", id, "content", "Recordatorio",
                "at", LocalDateTime.now(zone).minusHours(1).withNano(0).toString()));
        assertThat(past.status()).isEqualTo(302);
        assertThat(agent.get("/messaging/scheduled?c=" + id).body()).contains("id=\"scheduled-error\"");

        assertThat(agent.post("/messaging/scheduled", Map.of("conversationId", id, "content", "Recordatorio",
                "at", tomorrowNine.toString())).status()).isEqualTo(302);
        var scheduled = api.get(tenant.adminKey(), "/api/v1/scheduled-messages").json().get("items").get(0);
        assertThat(java.time.Instant.parse(scheduled.get("scheduledAt").asString()))
                .isEqualTo(tomorrowNine.atZone(zone).toInstant());
        String sid = scheduled.get("id").asString();
        assertThat(agent.get("/messaging/scheduled").body()).contains("scheduled-" + sid).contains("Recordatorio");

        assertThat(agent.post("/messaging/scheduled/" + sid + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(tenant.adminKey(), "/api/v1/scheduled-messages/" + sid).json().get("status").asString())
                .isEqualTo("cancelled");
        assertThat(admin(fixtures.tenant()).post("/messaging/scheduled/" + sid + "/cancel", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void theMetricsCountStatusesTimesSatisfactionPerAgentAndChannel() {
        var tenant = fixtures.tenant();
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("INSERT INTO inbox_settings (tenant_id, satisfaction_question) VALUES (:t, '¿Nota de 1 a 5?')")
                        .param("t", tenant.id()).update()));
        UUID rated = conversation(tenant, "m1", "Mia", "hola");
        UUID rated2 = conversation(tenant, "m2", "Leo", "buenas");
        conversation(tenant, "m3", "Noa", "¿siguen ahí?");
        for (UUID c : new UUID[]{rated, rated2}) {
            api.post(tenant.adminKey(), "/api/v1/conversations/" + c + "/assignee", Map.of("assignee", tenant.adminId().toString()));
            api.post(tenant.adminKey(), "/api/v1/conversations/" + c + "/messages", Map.of("content", "Le ayudo"));
            api.post(tenant.adminKey(), "/api/v1/conversations/" + c + "/status", Map.of("status", "resolved"));
        }
        inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "m1", "Mia", null, "r1", "5"));
        inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "m2", "Leo", null, "r2", "2"));

        var m = api.get(tenant.adminKey(), "/api/v1/messaging/metrics?days=7");
        assertThat(m.status()).as(m.body()).isEqualTo(200);
        var json = m.json();
        assertThat(json.get("byStatus").get("active").asLong()).isEqualTo(1);
        assertThat(json.get("byStatus").get("resolved").asLong()).isEqualTo(2);
        assertThat(json.get("today").get("inbound").asLong()).isEqualTo(5);
        assertThat(json.get("today").get("outbound").asLong()).isEqualTo(4); // two replies, two questions
        assertThat(json.get("period").get("conversations").asLong()).isEqualTo(3);
        assertThat(json.get("period").get("avgSatisfaction").asDouble()).isEqualTo(3.5);
        assertThat(json.get("period").get("csat").asDouble()).isEqualTo(50.0);
        assertThat(json.get("period").get("avgFirstResponseSeconds").isNull()).isFalse();
        assertThat(json.get("satisfaction").valueStream().map(n -> n.asLong()).toList()).containsExactly(0L, 1L, 0L, 0L, 1L);
        var agent = json.get("agents").get(0);
        assertThat(agent.get("agentId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(agent.get("conversations").asLong()).isEqualTo(2);
        assertThat(agent.get("resolved").asLong()).isEqualTo(2);
        assertThat(agent.get("messagesSent").asLong()).isEqualTo(2);
        var channel = json.get("channels").get(0);
        assertThat(channel.get("platform").asString()).isEqualTo("web_chat");
        assertThat(channel.get("conversations").asLong()).isEqualTo(3);
        assertThat(json.get("perDay")).hasSize(7);

        var page = admin(tenant).get("/messaging/metrics?days=7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"chart-status\"").contains("id=\"metric-csat\">50 %");
    }
}
