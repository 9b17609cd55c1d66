package dev.bodega.messaging.internal.assistants;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistants' pages in both languages: the form with its refusals inline, the test chat, the metrics chart. */
@BodegaTest
class AssistantPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    void aManagerSetsUpAnAssistantAndTriesItInTheTestChat() {
        var shop = fixtures.tenant();
        UUID location = stock.location(shop, "Tienda norte");
        UUID item = stock.item(shop, "BRO-8", "pcs", BigDecimal.ZERO);
        stock.asAdmin(shop, () -> jdbc.sql("UPDATE items SET name = 'Broca para concreto 8 mm' WHERE id = :id")
                .param("id", item).update());
        TestFixtures.asUser(shop.id(), shop.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT,
                        new BigDecimal("12"), BigDecimal.ONE)))));
        String channel = api.post(shop.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Sitio"))
                .json().get("id").asString();
        WebSession admin = WebSession.signedIn(api.baseUrl(), shop.slug(), shop.adminEmail(), TestFixtures.PASSWORD);

        assertThat(admin.get("/messaging/assistants?lang=en").body()).contains("No assistants yet.", "New assistant");
        Map<String, String> form = new HashMap<>(Map.of("name", "", "provider", "builtin", "integrationId", channel,
                "temperature", "0,5", "maxTokens", "150", "hours[mon_from]", "18:00", "hours[mon_to]", "09:00"));
        // As a browser sends the form: every field, the empty ones as "".
        form.putAll(Map.of("description", "", "prompt", "", "model", "", "baseUrl", "", "apiKey", "",
                "fallbackMessage", ""));
        var blank = admin.post("/messaging/assistants/new", form);
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("Check this value.");
        form.put("name", "Ayudante");
        assertThat(admin.post("/messaging/assistants/new", form).body())
                .contains("Check the working hours: each day, a start time before the end time (HH:MM).");
        form.put("hours[mon_to]", "20:00");
        var created = admin.post("/messaging/assistants/new", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.locationPath();

        admin.get("/?lang=es");
        var tried = admin.post(page + "/test", Map.of("message", "¿Tienen brocas para concreto?"));
        assertThat(tried.status()).isEqualTo(200);
        assertThat(tried.find("id=\"test-answer\"[^>]*>([^<]*)<")).contains("Broca para concreto 8 mm", "BRO-8",
                "Disponible: 12 en Tienda norte");
        var assistant = api.get(shop.adminKey(), "/api/v1" + page.substring("/messaging".length())).json();
        assertThat(assistant.get("temperature").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(assistant.get("workingHours").toString()).contains("18:00", "20:00");

        var metrics = admin.get("/messaging/assistants/metrics?days=7");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("id=\"metrics-chart\"", "<rect", "Ayudante")
                .as("no comment of the template leaks into the page").doesNotContain("the layout takes");
    }

    @Test
    void aViewerReadsTheAssistantsButCannotChangeThem() {
        var shop = fixtures.tenant();
        String id = api.post(shop.adminKey(), "/api/v1/assistants", Map.of("name", "Ayudante")).json().get("id").asString();
        fixtures.user(shop, "viewer@" + shop.slug() + ".test", "viewer");
        WebSession viewer = WebSession.signedIn(api.baseUrl(), shop.slug(), "viewer@" + shop.slug() + ".test",
                TestFixtures.PASSWORD);

        var list = viewer.get("/messaging/assistants");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Ayudante").doesNotContain("id=\"assistant-new\"");
        assertThat(viewer.get("/messaging/assistants/" + id).body()).doesNotContain("id=\"test-form\"");
        assertThat(viewer.post("/messaging/assistants/" + id, Map.of("name", "Otro")).status()).isEqualTo(403);
    }
}
