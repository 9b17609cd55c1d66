package dev.bodega.messaging;

import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The database keeps companies' inboxes apart (raw SQL as the application role), and so does the live stream. */
@BodegaTest
class MessagingIsolationTest {

    private static final List<String> TABLES = List.of("integrations", "contacts", "conversations",
            "messages", "message_external_ids", "media_files", "message_outbox", "auto_replies", "tags",
            "conversation_tags", "response_templates", "scheduled_messages", "inbox_agents", "conversation_reads",
            "inbox_settings");

    @Autowired TestFixtures fixtures;
    @Autowired Inbox inbox;
    @Autowired Api api;

    /** Every table gets a row in both companies through the API and the inbox. */
    private void fill(TestFixtures.Tenant tenant) {
        api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Web"));
        UUID conversation = inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v-" + tenant.slug(), null,
                null, "m1", "horario")).conversationId();
        String tag = api.post(tenant.adminKey(), "/api/v1/tags", Map.of("name", "VIP")).json().get("id").asString();
        api.put(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/tags/" + tag, null, Map.of());
        api.post(tenant.adminKey(), "/api/v1/response-templates", Map.of("name", "Horario", "shortcut", "horario",
                "content", "9 a 18", "triggerKeywords", List.of("horario")));
        inbox.receive(InboundMessage.text(tenant.id(), null, "web_chat", "v-" + tenant.slug(), null, null, "m2", "horario"));
        api.post(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/messages", Map.of("content", "hola"));
        api.post(tenant.adminKey(), "/api/v1/conversations/" + conversation + "/read", null);
        api.post(tenant.adminKey(), "/api/v1/scheduled-messages", Map.of("conversationId", conversation.toString(),
                "content", "recordatorio", "scheduledAt", "2099-01-01T10:00:00Z"));
        api.post(tenant.adminKey(), "/api/v1/inbox/agents", Map.of("userId", tenant.adminId().toString(), "available", true,
                "capacity", 5));
        api.put(tenant.adminKey(), "/api/v1/inbox/settings", Map.of("autoAssign", false), Map.of("If-Match", "\"0\""));
        api.post(tenant.adminKey(), "/api/v1/inbox/media", Map.of("contentType", "text/plain", "fileName", "a.txt",
                "base64", "aG9sYQ=="));
    }

    @Test
    void rawSqlAsTheApplicationRoleSeesOnlyItsOwnCompany() throws SQLException {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        fill(a);
        fill(b);
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                assertThat(tenantIds(statement, table)).as(table + " without a tenant").isEmpty();
            }
            statement.execute("SELECT set_config('app.tenant_id', '" + a.id() + "', false)");
            for (String table : TABLES) {
                assertThat(tenantIds(statement, table)).as(table).containsExactly(a.id());
            }
        }
    }

    @Test
    void oneCompanysLiveStreamNeverCarriesAnothersEvent() throws Exception {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/inbox/live"))
                .header("Authorization", "Bearer " + a.adminKey()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains("\"ours\"") || line.contains("m-ours")) {
                        return;
                    }
                }
            } catch (java.io.IOException ignored) {
                // the stream closed
            }
        });
        Thread.sleep(300);
        UUID theirs = inbox.receive(InboundMessage.text(b.id(), null, "web_chat", "visitor-b", null, null, "m-theirs",
                "theirs")).conversationId();
        UUID ours = inbox.receive(InboundMessage.text(a.id(), null, "web_chat", "visitor-a", null, null, "m-ours",
                "ours")).conversationId();

        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && !String.join("\n", snapshot(lines)).contains(ours.toString())) {
            Thread.sleep(50);
        }
        reading.cancel(true);
        stream.body().close();
        String received = String.join("\n", snapshot(lines));
        assertThat(received).contains(ours.toString()).doesNotContain(theirs.toString()).doesNotContain(b.id().toString());
        assertThat(api.get(null, "/api/v1/inbox/live").status()).isEqualTo(401);
    }

    private static List<String> snapshot(List<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    private static Set<UUID> tenantIds(Statement statement, String table) throws SQLException {
        Set<UUID> tenants = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT tenant_id FROM " + table)) {
            while (rs.next()) {
                tenants.add(rs.getObject("tenant_id", UUID.class));
            }
        }
        return tenants;
    }
}
