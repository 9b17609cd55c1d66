package dev.bodega.messaging;

import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto-replies (once per message, no loops), the away message, satisfaction answers, round robin with capacity. */
@BodegaTest
class InboxRulesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Inbox inbox;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private Inbox.Received say(TestFixtures.Tenant tenant, String visitor, String id, String text) {
        return inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", visitor, null, null, id, text));
    }

    private List<String> autoReplies(TestFixtures.Tenant tenant, UUID conversation) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant.id()), () -> transactions.execute(s -> jdbc.sql("""
                        SELECT content FROM messages WHERE conversation_id = :c AND is_auto_response ORDER BY created_at""")
                .param("c", conversation).query(String.class).list()));
    }

    @Test
    void aKeywordAnswersOnceAndNotAgainWithinThePause() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/response-templates", Map.of("name", "Horario",
                "shortcut", "horario", "content", "Abrimos de 9 a 18.", "triggerKeywords", List.of("Horario", "abren")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Inbox.Received first = say(tenant, "v", "m1", "¿Qué horario tienen?");
        say(tenant, "v", "m1", "¿Qué horario tienen?");
        say(tenant, "v", "m2", "¿Y cuándo abren el sábado?");
        say(tenant, "v", "m3", "gracias");

        assertThat(autoReplies(tenant, first.conversationId())).containsExactly("Abrimos de 9 a 18.");
        assertThat(api.get(tenant.adminKey(), "/api/v1/response-templates/" + created.json().get("id").asString())
                .json().get("usageCount").asInt()).isEqualTo(1);
    }

    @Test
    void outsideBusinessHoursTheAwayMessageAnswers() {
        var tenant = fixtures.tenant();
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("""
                                INSERT INTO inbox_settings (tenant_id, business_hours, away_message)
                                VALUES (:t, '{"mon": [["00:00", "00:01"]]}', 'Estamos cerrados')""")
                        .param("t", tenant.id()).update()));

        Inbox.Received received = say(tenant, "w", "m1", "hola");

        assertThat(autoReplies(tenant, received.conversationId())).containsExactly("Estamos cerrados");
    }

    @Test
    void aResolvedConversationTakesTheSatisfactionAnswerWithoutReopening() {
        var tenant = fixtures.tenant();
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("INSERT INTO inbox_settings (tenant_id, satisfaction_question) VALUES (:t, '¿Qué nota nos da, de 1 a 5?')")
                        .param("t", tenant.id()).update()));
        UUID conversation = say(tenant, "s", "m1", "hola").conversationId();
        assertThat(api.post(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/status",
                Map.of("status", "resolved")).status()).isEqualTo(200);

        say(tenant, "s", "m2", "5");

        var detail = api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation).json();
        assertThat(detail.get("status").asString()).isEqualTo("resolved");
        assertThat(detail.get("satisfactionScore").asInt()).isEqualTo(5);
        say(tenant, "s", "m3", "otra pregunta");
        assertThat(api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation).json().get("status").asString())
                .isEqualTo("active");
    }

    @Test
    void roundRobinTakesTurnsAndRespectsCapacity() {
        var tenant = fixtures.tenant();
        UUID ana = fixtures.user(tenant, "ana@" + tenant.slug() + ".test", "seller");
        UUID beto = fixtures.user(tenant, "beto@" + tenant.slug() + ".test", "seller");
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> transactions.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO inbox_settings (tenant_id, auto_assign) VALUES (:t, true)").param("t", tenant.id()).update();
            jdbc.sql("INSERT INTO inbox_agents (tenant_id, user_id, capacity) VALUES (:t, :a, 1), (:t, :b, 2)")
                    .param("t", tenant.id()).param("a", ana).param("b", beto).update();
        }));

        List<String> assigned = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID conversation = say(tenant, "c" + i, "m" + i, "hola").conversationId();
            var assignee = api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation).json().get("assignedTo");
            assigned.add(assignee == null || assignee.isNull() ? null : assignee.asString());
        }

        assertThat(assigned).filteredOn(ana.toString()::equals).hasSize(1);
        assertThat(assigned).filteredOn(beto.toString()::equals).hasSize(2);
        assertThat(assigned.get(3)).isNull();
    }
}
