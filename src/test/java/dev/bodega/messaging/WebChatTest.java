package dev.bodega.messaging;

import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.Multipart;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor and the shop talk through web chat: public endpoints keyed by the channel, both ways, read ticks. */
@BodegaTest
class WebChatTest {

    private static final String VISITOR = "visitor-0123456789abcdef";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H'};

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aVisitorWritesTheShopAnswersAndTheVisitorReadsIt() throws InterruptedException {
        var tenant = fixtures.tenant();
        var channel = api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Tienda", "greeting", "¡Hola!"));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String key = channel.json().get("publicKey").asString();

        var sent = api.post(null, "/webchat/" + key + "/messages",
                Map.of("visitorId", VISITOR, "text", "¿Hacen envíos?", "clientId", "c1"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        var resent = api.post(null, "/webchat/" + key + "/messages",
                Map.of("visitorId", VISITOR, "text", "¿Hacen envíos?", "clientId", "c1"));
        assertThat(resent.json().get("duplicate").asBoolean()).isTrue();

        JsonNode conversations = api.get(tenant.adminKey(), "/api/v1/conversations?platform=web_chat").json().get("items");
        assertThat(conversations).hasSize(1);
        String conversation = conversations.get(0).get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/messages",
                Map.of("content", "Sí, a toda la isla")).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/messages",
                Map.of("content", "nota interna", "isPrivate", true)).status()).isEqualTo(201);

        JsonNode thread = awaitAnswer(key);
        assertThat(thread.get("greeting").asString()).isEqualTo("¡Hola!");
        assertThat(thread.get("messages").valueStream().map(m -> m.get("content").asString()))
                .containsExactly("¿Hacen envíos?", "Sí, a toda la isla");

        JsonNode agentView = api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/messages").json().get("items");
        assertThat(agentView.get(1).get("status").asString()).isEqualTo("read");
    }

    @Test
    void aFileTheAgentAttachesReachesTheVisitorAndNoOtherVisitor() throws InterruptedException {
        var tenant = fixtures.tenant();
        String key = api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Tienda")).json()
                .get("publicKey").asString();
        api.post(null, "/webchat/" + key + "/messages", Map.of("visitorId", VISITOR, "text", "¿Me pasan la lista?"));
        String conversation = api.get(tenant.adminKey(), "/api/v1/conversations?platform=web_chat").json()
                .get("items").get(0).get("id").asString();
        WebSession agent = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        agent.get("/inbox?c=" + conversation);

        assertThat(agent.postMultipart("/inbox/c/" + conversation + "/reply", Map.of("content", ""), "lista.csv",
                "filtro,12.50").status()).isEqualTo(302);

        JsonNode file = awaitAnswer(key).get("messages").get(1);
        assertThat(file.get("attachment").asBoolean()).isTrue();
        assertThat(file.get("messageType").asString()).isEqualTo("document");
        assertThat(file.get("content").asString()).isEqualTo("lista.csv");
        String path = "/webchat/" + key + "/messages/" + file.get("id").asString() + "/file?visitorId=";
        var download = api.get(null, path + VISITOR);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("filtro,12.50");
        assertThat(api.get(null, path + "visitor-someone-else-0000").status()).isEqualTo(404);
    }

    @Test
    void aVisitorsImageReachesTheAgentLiveAndComesBackInTheWidget() throws Exception {
        var tenant = fixtures.tenant();
        String key = webChat(tenant);
        HttpResponse<java.io.InputStream> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/inbox/live")).header("Authorization", "Bearer " + tenant.adminKey())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8));
        Thread.sleep(300);

        var sent = Multipart.upload(api, null, "/webchat/" + key + "/files", Map.of("visitorId", VISITOR),
                "C:\\fotos\\filtro roto.png", "image/png", PNG);

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String messageId = sent.json().get("id").asString();
        CompletableFuture<Boolean> announced = CompletableFuture.supplyAsync(() -> events.lines()
                .anyMatch(line -> line.contains(messageId)));
        assertThat(announced.get(10, TimeUnit.SECONDS)).as("the agent's live stream names the new message").isTrue();
        live.body().close();
        String conversation = api.get(tenant.adminKey(), "/api/v1/conversations?platform=web_chat").json()
                .get("items").get(0).get("id").asString();
        JsonNode stored = api.get(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/messages").json()
                .get("items").get(0);
        assertThat(stored.get("messageType").asString()).isEqualTo("image");
        assertThat(stored.get("content").asString()).isEqualTo("filtro roto.png");
        WebSession agent = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(agent.get("/inbox?c=" + conversation).body()).contains(stored.get("mediaUrl").asString());

        JsonNode mine = api.get(null, "/webchat/" + key + "/messages?visitorId=" + VISITOR).json().get("messages").get(0);
        assertThat(mine.get("fromMe").asBoolean()).isFalse();
        assertThat(mine.get("attachment").asBoolean()).isTrue();
        var download = api.get(null, "/webchat/" + key + "/messages/" + messageId + "/file?visitorId=" + VISITOR);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("content-length")).isEqualTo(String.valueOf(PNG.length));
    }

    @Test
    void aFileTooLargeOrOfAnotherTypeIsRefusedInTheVisitorsTermsAndNothingIsStored() {
        var tenant = fixtures.tenant();
        String key = webChat(tenant);
        String path = "/webchat/" + key + "/files";
        byte[] large = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);

        var tooLarge = Multipart.upload(api, null, path, Map.of("visitorId", VISITOR), "big.png", "image/png", large);
        var html = Multipart.upload(api, null, path, Map.of("visitorId", VISITOR), "x.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        var program = Multipart.upload(api, null, path, Map.of("visitorId", VISITOR), "setup.exe",
                "application/x-msdownload", new byte[]{'M', 'Z', 0, 0});

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asString()).endsWith("/attachment-too-large");
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.json().get("type").asString()).endsWith("/attachment-type");
        assertThat(program.status()).isEqualTo(415);
        assertThat(count(tenant, "media_files") + count(tenant, "messages") + count(tenant, "conversations")).isZero();
    }

    @Test
    void aVisitorsFileGoesOnlyIntoTheirOwnConversation() {
        var tenant = fixtures.tenant();
        String key = webChat(tenant);
        String other = "visitor-fedcba9876543210";
        api.post(null, "/webchat/" + key + "/messages", Map.of("visitorId", VISITOR, "text", "Hola"));

        var theirs = Multipart.upload(api, null, "/webchat/" + key + "/files", Map.of("visitorId", other),
                "lista.csv", "text/csv", "filtro,2".getBytes(StandardCharsets.UTF_8));
        var forged = Multipart.upload(api, null, "/webchat/" + key + "/files", Map.of("visitorId", "short"),
                "lista.csv", "text/csv", "filtro,3".getBytes(StandardCharsets.UTF_8));

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(api.get(null, "/webchat/" + key + "/messages?visitorId=" + VISITOR).json().get("messages")
                .valueStream().map(m -> m.get("content").asString())).containsExactly("Hola");
        assertThat(api.get(null, "/webchat/" + key + "/messages/" + theirs.json().get("id").asString()
                + "/file?visitorId=" + VISITOR).status()).isEqualTo(404);
        assertThat(count(tenant, "conversations")).isEqualTo(2);
        assertThat(count(tenant, "media_files")).isEqualTo(1);
    }

    @Test
    void anUnknownKeyOrAMalformedVisitorIsNotFound() {
        var tenant = fixtures.tenant();
        String key = api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Web")).json()
                .get("publicKey").asString();
        assertThat(api.post(null, "/webchat/wc_nope/messages", Map.of("visitorId", VISITOR, "text", "hola")).status())
                .isEqualTo(404);
        assertThat(api.get(null, "/webchat/" + key + "/messages?visitorId=short").status()).isEqualTo(404);
        assertThat(api.get(null, "/webchat/" + key + "/messages?visitorId=" + VISITOR).json().get("messages")).isEmpty();
    }

    @Test
    void theSettingsPageCreatesAWebChatAndOffersItsSnippet() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.post("/inbox/settings/web-chat", Map.of("name", "Mi web")).status()).isEqualTo(302);
        var page = admin.get("/inbox/settings");
        assertThat(page.status()).isEqualTo(200);
        String key = page.find("data-key=&quot;(wc_[A-Za-z0-9_-]+)&quot;");
        assertThat(key).isNotNull();
        String tryLink = page.find("href=\"(/inbox/settings/web-chat/[0-9a-f-]+/try)\"");
        assertThat(admin.get(tryLink).body()).contains("data-key=\"" + key + "\"");

        assertThat(admin.post("/inbox/settings", Map.of("version", "0", "autoAssign", "true", "monFrom", "09:00",
                "monTo", "18:00", "awayMessage", "Volvemos mañana")).status()).isEqualTo(302);
        assertThat(admin.get("/inbox/settings").body()).contains("Volvemos mañana").contains("value=\"09:00\"");
    }

    private String webChat(TestFixtures.Tenant tenant) {
        return api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Tienda")).json()
                .get("publicKey").asString();
    }

    private long count(TestFixtures.Tenant tenant, String table) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant.id()), () -> transactions.execute(tx ->
                jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
    }

    private JsonNode awaitAnswer(String key) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        JsonNode thread = null;
        while (System.currentTimeMillis() < until) {
            thread = api.get(null, "/webchat/" + key + "/messages?visitorId=" + VISITOR).json();
            boolean sent = thread.get("messages").valueStream()
                    .anyMatch(m -> m.get("fromMe").asBoolean() && !"pending".equals(m.get("status").asString()));
            if (sent) {
                return api.get(null, "/webchat/" + key + "/messages?visitorId=" + VISITOR).json();
            }
            Thread.sleep(100);
        }
        return thread;
    }
}
