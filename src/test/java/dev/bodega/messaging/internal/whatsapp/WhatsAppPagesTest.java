package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bodega.demo.DemoData;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.bodega.messaging.internal.whatsapp.WhatsAppOutboundTest.eventually;

import static org.assertj.core.api.Assertions.assertThat;

/** The setup page and the demo's phone simulator, as a person uses them. */
@BodegaTest
class WhatsAppPagesTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DemoData demo;
    @Autowired
    WireMockServer graphApi;

    WhatsAppKit kit;

    @BeforeEach
    void kit() {
        kit = new WhatsAppKit(fixtures, api, jdbc, transactions);
    }

    @Test
    void anAdminAddsAChannelAndSeesTheWebhookUrlAndVerifyTokenOnce() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/messaging/whatsapp");

        WebSession.Page created = admin.post("/messaging/whatsapp", Map.of("name", "Mostrador",
                "phoneNumberId", "7" + Math.abs(tenant.id().getLeastSignificantBits() % 1_000_000_000L),
                "displayPhoneNumber", "+52 55 1111 2222", "accessToken", "EAAG-page-token",
                "appSecret", "page-app-secret", "verifyToken", ""));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("id=\"created-verify-token\"").contains("/webhooks/whatsapp")
                .contains("Mostrador").doesNotContain("page-app-secret").doesNotContain("EAAG-page-token");
        String token = created.find("id=\"created-verify-token\">([0-9a-f]+)<");
        assertThat(api.get(null, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + token
                + "&hub.challenge=42").body()).isEqualTo("42");
        WebSession.Page again = admin.get("/messaging/whatsapp");
        assertThat(again.body()).contains("Mostrador").doesNotContain(token);
    }

    @Test
    void aFormWithMissingSecretsIsShownAgainWithItsErrorsAndAddsNothing() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/messaging/whatsapp");

        WebSession.Page refused = admin.post("/messaging/whatsapp", Map.of("name", "Mostrador",
                "phoneNumberId", "not digits", "accessToken", "", "appSecret", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("field-error");
        assertThat(kit.count(tenant.id(), "integrations")).isZero();
    }

    @Test
    void theSimulatorWritesToTheInboxAsACustomersPhoneWould() {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        var tenant = channel.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/messaging/whatsapp/simulator").body()).contains("simulator-form");

        WebSession.Page sent = admin.post("/messaging/whatsapp/simulator", Map.of("channelId", channel.id(),
                "from", "5215599999999", "name", "Lucía", "text", "¿Abren el domingo?"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(admin.get(sent.locationPath()).body()).contains("id=\"simulator-outcome\"");
        record Stored(String content, String name) {
        }
        Stored stored = kit.sql(tenant.id(), j -> j.sql("""
                        SELECT m.content, c.name FROM messages m
                        JOIN conversations v ON v.tenant_id = m.tenant_id AND v.id = m.conversation_id
                        JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id""")
                .query(Stored.class).single());
        assertThat(stored).isEqualTo(new Stored("¿Abren el domingo?", "Lucía"));
    }

    @Test
    void theDemoCompanysWhatsAppTakesTheSimulatorsMessageAndTicksTheAgentsReplyWithNoNetwork() throws Exception {
        var tenant = fixtures.tenant();
        demo.fill(tenant.id(), tenant.adminId());
        var channel = api.get(tenant.adminKey(), "/api/v1/messaging/whatsapp/channels").json().get("items").get(0);
        String phoneNumberId = channel.get("phoneNumberId").asString();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/messaging/whatsapp/simulator").body()).contains(channel.get("id").asString());

        assertThat(admin.post("/messaging/whatsapp/simulator", Map.of("channelId", channel.get("id").asString(),
                "from", "573001234567", "name", "Marta", "text", "¿Tienen cemento gris?")).status()).isEqualTo(302);
        UUID conversation = kit.sql(tenant.id(), j -> j.sql("""
                        SELECT v.id FROM conversations v JOIN messages m ON m.tenant_id = v.tenant_id
                            AND m.conversation_id = v.id
                        WHERE v.platform = 'whatsapp' AND m.content = '¿Tienen cemento gris?'""")
                .query(UUID.class).single());
        admin.get("/inbox?c=" + conversation);
        assertThat(admin.post("/inbox/c/" + conversation + "/reply", Map.of("content", "Sí, en bulto de 50 kg"))
                .status()).isEqualTo(302);

        // The offline phone ticks delivered, then read two seconds later: either shows the reply got there.
        eventually(() -> Set.of("delivered", "read").contains(kit.sql(tenant.id(), j -> j.sql("""
                        SELECT status FROM messages WHERE conversation_id = :c AND is_from_me""")
                .param("c", conversation).query(String.class).single())));
        String wamid = kit.sql(tenant.id(), j -> j.sql("""
                        SELECT external_message_id FROM messages WHERE conversation_id = :c AND is_from_me""")
                .param("c", conversation).query(String.class).single());
        assertThat(wamid).startsWith("wamid.OFFLINE");
        assertThat(graphApi.findAll(anyRequestedFor(urlMatching(".*/" + phoneNumberId + "/.*")))).isEmpty();
    }

    @Test
    void whoMayNotManageTheInboxSeesNeitherPage() {
        var tenant = fixtures.tenant();
        fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        WebSession viewer = WebSession.signedIn(api.baseUrl(), tenant.slug(), "viewer@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);

        assertThat(viewer.get("/messaging/whatsapp").status()).isEqualTo(403);
        assertThat(viewer.get("/messaging/whatsapp/simulator").status()).isEqualTo(403);
        assertThat(api.get(tenant.adminKey(), "/api/v1/messaging/whatsapp/channels").status()).isEqualTo(200);
    }
}
