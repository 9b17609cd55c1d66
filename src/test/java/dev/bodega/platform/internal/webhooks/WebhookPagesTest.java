package dev.bodega.platform.internal.webhooks;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class WebhookPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void anAdminCreatesEditsAndRotatesAnEndpointInSpanish() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/settings/webhooks").body()).contains("Todavía no hay destinos", "Venta completada");

        var refused = admin.post("/settings/webhooks", Map.of("url", "ftp://example.com/x",
                "eventTypes", List.of("sale.completed"), "active", "true"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Escriba una URL http o https completa.");
        assertThat(api.get(tenant.adminKey(), "/api/v1/webhooks").json().get("items")).isEmpty();

        var created = admin.post("/settings/webhooks", Map.of("url", api.baseUrl() + "/receiver",
                "description", "ERP", "eventTypes", List.of("sale.completed", "return.created"), "active", "true",
                "maxRetries", "2", "timeoutSeconds", "10"));
        String secret = created.find("<code id=\"webhook-secret\">(whsec_[^<]+)</code>");
        assertThat(secret).isNotNull();
        var endpoint = api.get(tenant.adminKey(), "/api/v1/webhooks").json().get("items").get(0);
        assertThat(endpoint.get("maxRetries").asInt()).isEqualTo(2);
        assertThat(endpoint.get("eventTypes")).hasSize(2);
        String id = endpoint.get("id").asString();

        var page = admin.get("/settings/webhooks/" + id);
        assertThat(page.body()).contains("ERP", "Todavía no hay entregas");
        var saved = admin.post("/settings/webhooks/" + id, Map.of("url", api.baseUrl() + "/receiver",
                "description", "ERP nuevo", "eventTypes", List.of("sale.cancelled"), "maxRetries", "3",
                "timeoutSeconds", "30", "version", endpoint.get("version").asString()));
        assertThat(saved.status()).isEqualTo(302);
        var after = api.get(tenant.adminKey(), "/api/v1/webhooks/" + id).json();
        assertThat(after.get("description").asString()).isEqualTo("ERP nuevo");
        assertThat(after.get("active").asBoolean()).isFalse();

        admin.get("/settings/webhooks/" + id);
        String rotated = admin.post("/settings/webhooks/" + id + "/rotate", Map.of())
                .find("<code id=\"webhook-secret\">(whsec_[^<]+)</code>");
        assertThat(rotated).isNotNull().isNotEqualTo(secret);
    }

    @Test
    void theEnglishPagesAndNoneForAManager() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/settings/webhooks?lang=en").body()).contains("No endpoints yet.", "Sale completed");

        String email = "manager@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "manager");
        WebSession manager = WebSession.signedIn(api.baseUrl(), tenant.slug(), email, TestFixtures.PASSWORD);
        assertThat(manager.get("/settings/webhooks").status()).isEqualTo(403);
        assertThat(manager.get("/").body()).doesNotContain("nav-webhooks");
    }
}
