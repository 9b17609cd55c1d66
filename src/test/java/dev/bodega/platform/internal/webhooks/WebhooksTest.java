package dev.bodega.platform.internal.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.SaleCompleted;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class WebhooksTest {

    static WireMockServer receiver;

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired Worker worker;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired AnalyticsEvents analytics;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void start() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @Test
    void aDeliveryVerifiesWithTheStandardWebhooksAlgorithm() {
        var tenant = fixtures.tenant();
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        JsonNode created = createEndpoint(tenant, path, 3);
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("whsec_");

        String invoice = publish(tenant.id(), true);
        await(() -> !requests(path).isEmpty());

        LoggedRequest request = requests(path).get(0);
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        String body = request.getBodyAsString();
        assertThat(request.getHeader("webhook-signature")).isEqualTo(expectedSignature(secret, id, timestamp, body));
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(60);
        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.get("type").asString()).isEqualTo("sale.completed");
        assertThat(json.get("data").get("invoice").asString()).isEqualTo(invoice);

        String endpoint = created.get("endpoint").get("id").asString();
        await(() -> deliveries(tenant, endpoint).get(0).get("status").asString().equals("succeeded"));
        JsonNode delivery = deliveries(tenant, endpoint).get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        JsonNode detail = api.get(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/deliveries/"
                + delivery.get("id").asString()).json();
        assertThat(detail.get("attempts").get(0).get("responseStatus").asInt()).isEqualTo(204);
        assertThat(detail.get("attempts").get(0).get("requestHeaders").asString()).contains("webhook-id: " + id);
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsOneSuccessfulDeliveryAfterTwoRetries() {
        var tenant = fixtures.tenant();
        String path = "/hook/" + UUID.randomUUID();
        String scenario = "flaky " + path;
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("down")).willSetStateTo("second"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        String endpoint = createEndpoint(tenant, path, 3).get("endpoint").get("id").asString();

        publish(tenant.id(), true);
        await(() -> !deliveries(tenant, endpoint).isEmpty()
                && deliveries(tenant, endpoint).get(0).get("status").asString().equals("succeeded"));

        List<JsonNode> all = deliveries(tenant, endpoint);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("attempts").asInt()).isEqualTo(3);
        JsonNode attempts = api.get(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/deliveries/"
                + all.get(0).get("id").asString()).json().get("attempts");
        assertThat(List.of(attempts.get(0).get("responseStatus").asInt(), attempts.get(1).get("responseStatus").asInt(),
                attempts.get(2).get("responseStatus").asInt())).containsExactly(500, 502, 200);
        assertThat(attempts.get(0).get("responseBody").asString()).isEqualTo("down");
        assertThat(requests(path)).hasSize(3);
        JsonNode counts = api.get(tenant.adminKey(), "/api/v1/webhooks/" + endpoint).json();
        assertThat(counts.get("successCount").asLong()).isEqualTo(1);
        assertThat(counts.get("failureCount").asLong()).isEqualTo(2);
        assertThat(counts.get("active").asBoolean()).isTrue();
    }

    @Test
    void retriesRunOutThenTheEndpointIsSwitchedOffAndItsOwnerNotified() {
        var tenant = fixtures.tenant();
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        String endpoint = createEndpoint(tenant, path, 1).get("endpoint").get("id").asString();

        publish(tenant.id(), true);
        await(() -> !deliveries(tenant, endpoint).isEmpty()
                && deliveries(tenant, endpoint).get(0).get("status").asString().equals("failed"));

        assertThat(requests(path)).hasSize(2);
        JsonNode state = api.get(tenant.adminKey(), "/api/v1/webhooks/" + endpoint).json();
        assertThat(state.get("active").asBoolean()).isFalse();
        assertThat(state.get("disabledReason").asString()).isEqualTo("HTTP 503");
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications").body()).contains("/settings/webhooks/" + endpoint);

        publish(tenant.id(), true);
        worker.runDue();
        assertThat(deliveries(tenant, endpoint)).hasSize(1);
        var replay = api.post(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/deliveries/"
                + deliveries(tenant, endpoint).get(0).get("id").asString() + "/replay", null);
        assertThat(replay.status()).isEqualTo(409);
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverDelivered() {
        var tenant = fixtures.tenant();
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String endpoint = createEndpoint(tenant, path, 3).get("endpoint").get("id").asString();

        String rolledBack = publish(tenant.id(), false);
        String committed = publish(tenant.id(), true);
        await(() -> !deliveries(tenant, endpoint).isEmpty()
                && deliveries(tenant, endpoint).get(0).get("status").asString().equals("succeeded"));
        worker.runDue();

        assertThat(deliveries(tenant, endpoint)).hasSize(1);
        assertThat(requests(path)).hasSize(1);
        assertThat(requests(path).get(0).getBodyAsString()).contains(committed).doesNotContain(rolledBack);
        JsonNode analytics = api.get(tenant.adminKey(), "/api/v1/events?type=sale.completed").json().get("items");
        assertThat(analytics).hasSize(1);
        assertThat(analytics.get(0).get("data").get("invoice").asString()).isEqualTo(committed);
    }

    @Test
    void aReplayIsANewDeliveryOfTheSameMessageAndARotationSignsWithBothSecretsForADay() {
        var tenant = fixtures.tenant();
        String path = "/hook/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        JsonNode created = createEndpoint(tenant, path, 3);
        String oldSecret = created.get("secret").asString();
        String endpoint = created.get("endpoint").get("id").asString();
        publish(tenant.id(), true);
        await(() -> requests(path).size() == 1);

        String newSecret = api.post(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/rotate-secret", null)
                .json().get("secret").asString();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        await(() -> deliveries(tenant, endpoint).get(0).get("status").asString().equals("succeeded"));
        String original = deliveries(tenant, endpoint).get(0).get("id").asString();
        var replay = api.post(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/deliveries/" + original
                + "/replay", null);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("replayOf").asString()).isEqualTo(original);
        await(() -> requests(path).size() == 2);

        LoggedRequest first = requests(path).get(0);
        LoggedRequest again = requests(path).get(1);
        assertThat(again.getHeader("webhook-id")).isEqualTo(first.getHeader("webhook-id"));
        assertThat(again.getBodyAsString()).isEqualTo(first.getBodyAsString());
        String id = again.getHeader("webhook-id");
        String timestamp = again.getHeader("webhook-timestamp");
        assertThat(again.getHeader("webhook-signature").split(" ")).containsExactly(
                expectedSignature(newSecret, id, timestamp, again.getBodyAsString()),
                expectedSignature(oldSecret, id, timestamp, again.getBodyAsString()));
    }

    @Test
    void analyticsEventsFilterByTypeFamilyAndTimeAndStayInTheirCompany() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        String invoice = publish(tenant.id(), true);

        // Recorded with the event, no pass needed; queued for nobody, since no endpoint of the company listens.
        Long queued = TenantContext.callAs(TenantContext.Scope.system(tenant.id()), () -> transactions.execute(tx ->
                jdbc.sql("SELECT count(*) FROM business_event_queue").query(Long.class).single()));
        assertThat(queued).isZero();

        JsonNode family = api.get(tenant.adminKey(), "/api/v1/events?type=sale.*").json().get("items");
        assertThat(family).hasSize(1);
        assertThat(family.get(0).get("data").get("invoice").asString()).isEqualTo(invoice);
        String later = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        assertThat(api.get(tenant.adminKey(), "/api/v1/events?from=" + later).json().get("items")).isEmpty();
        assertThat(api.get(tenant.adminKey(), "/api/v1/events?type=purchase.received").json().get("items")).isEmpty();
        assertThat(api.get(other.adminKey(), "/api/v1/events").json().get("items")).isEmpty();
    }

    @Test
    void aStockLevelCrossingItsMinimumIsOneStockLowEvent() {
        var tenant = fixtures.tenant();
        UUID location = stock.location(tenant, "Main");
        UUID item = stock.item(tenant, "LOW-1", "pcs", new BigDecimal("5"));
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("receipt", "test", null, null, null,
                List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT, BigDecimal.TEN, BigDecimal.ONE)))));
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("issue", "test", null, null, null,
                List.of(StockPostings.Line.out(location, item, MovementType.ISSUE, new BigDecimal("6"))))));

        await(() -> !api.get(tenant.adminKey(), "/api/v1/events?type=stock.low").json().get("items").isEmpty());
        JsonNode low = api.get(tenant.adminKey(), "/api/v1/events?type=stock.low").json().get("items");
        assertThat(low).hasSize(1);
        assertThat(low.get(0).get("subjectId").asString()).isEqualTo(item.toString());
        assertThat(low.get(0).get("data").get("sku").asString()).isEqualTo("LOW-1");
        assertThat(low.get(0).get("data").get("onHand").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void retentionDropsTheWholeMonthsOlderThanItKeeps() {
        var tenant = fixtures.tenant();
        String recent = publish(tenant.id(), true);
        worker.runDue();
        jdbc.sql("SELECT ensure_analytics_partitions(DATE '2020-01-01', 0)").query(Integer.class).single();
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("""
                                INSERT INTO analytics_events (tenant_id, id, event_type, payload, occurred_at, recorded_at)
                                VALUES (:tenant, :id, 'sale.completed', '{}', '2020-06-01Z', '2020-06-01Z')""")
                        .param("tenant", tenant.id()).param("id", UUID.randomUUID()).update()));
        String old = "/api/v1/events?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z";
        assertThat(api.get(tenant.adminKey(), old).json().get("items")).hasSize(1);

        assertThat(analytics.maintain()).isGreaterThan(0);

        assertThat(api.get(tenant.adminKey(), old).json().get("items")).isEmpty();
        JsonNode kept = api.get(tenant.adminKey(), "/api/v1/events").json().get("items");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("data").get("invoice").asString()).isEqualTo(recent);
    }

    @Test
    void endpointsRefuseUnknownTypesAndBadUrls() {
        var tenant = fixtures.tenant();
        var unknown = api.post(tenant.adminKey(), "/api/v1/webhooks",
                Map.of("url", receiver.baseUrl() + "/x", "eventTypes", List.of("sale.exploded")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("webhook-event-type-unknown");
        var ftp = api.post(tenant.adminKey(), "/api/v1/webhooks",
                Map.of("url", "ftp://example.com/x", "eventTypes", List.of("sale.completed")));
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(ftp.body()).contains("webhook-url-invalid");
    }

    private JsonNode createEndpoint(TestFixtures.Tenant tenant, String path, int retries) {
        var response = api.post(tenant.adminKey(), "/api/v1/webhooks", Map.of("url", receiver.baseUrl() + path,
                "eventTypes", List.of("sale.completed"), "maxRetries", retries, "timeoutSeconds", 5));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Publishes a sale.completed in its own transaction, committed or rolled back; returns its invoice number. */
    private String publish(UUID tenant, boolean commit) {
        String invoice = "F-" + UUID.randomUUID();
        TenantContext.runAs(TenantContext.Scope.system(tenant), () -> transactions.executeWithoutResult(tx -> {
            events.publishEvent(new SaleCompleted(tenant, UUID.randomUUID(), UUID.randomUUID(), null, null, invoice,
                    new BigDecimal("10.00"), "EUR", Instant.now()));
            if (!commit) {
                tx.setRollbackOnly();
            }
        }));
        return invoice;
    }

    private List<JsonNode> deliveries(TestFixtures.Tenant tenant, String endpoint) {
        List<JsonNode> items = new ArrayList<>();
        api.get(tenant.adminKey(), "/api/v1/webhooks/" + endpoint + "/deliveries").json().get("items")
                .forEach(items::add);
        return items;
    }

    private static List<LoggedRequest> requests(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** Runs the webhook passes until {@code done}, for at most ten seconds. */
    private void await(BooleanSupplier done) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for the webhooks").isLessThan(until);
            worker.runDue();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Standard Webhooks, written here from the specification: v1,base64(HMAC-SHA256(key, id.timestamp.body)). */
    private static String expectedSignature(String secret, String id, String timestamp, String body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.split("_", 2)[1]), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
