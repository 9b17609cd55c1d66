package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on stock postings: a retry posts nothing new and answers as the first time. */
@BodegaTest
class IdempotencyTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    void aRetryWithTheSameKeyPostsOnceAndReplaysTheResponse() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "IDEM-1", "pcs", BigDecimal.ZERO);
        Map<String, Object> receipt = Map.of("locationId", shop, "reference", "FAC-1",
                "lines", List.of(Map.of("itemId", item, "quantity", 4, "unitCost", "1.25")));
        String key = UUID.randomUUID().toString();

        var first = receive(tenant, key, receipt);
        var second = receive(tenant, key, receipt);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("idempotent-replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("idempotent-replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("content-type")).startsWith("application/json");
        assertThat(postings(tenant)).isEqualTo(1);
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("4");

        var other = receive(tenant, UUID.randomUUID().toString(), receipt);
        assertThat(other.json().get("postingId")).isNotEqualTo(first.json().get("postingId"));
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("8");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "IDEM-2", "pcs", BigDecimal.ZERO);
        String key = UUID.randomUUID().toString();
        assertThat(receive(tenant, key, Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 1))))
                .status()).isEqualTo(201);

        var conflict = receive(tenant, key, Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 2))));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("1");
    }

    @Test
    void aFailedAttemptLeavesTheKeyFreeForTheRetry() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "IDEM-3", "pcs", BigDecimal.ZERO);
        String key = UUID.randomUUID().toString();
        Map<String, Object> issue = Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 2)));
        var refused = api.send(tenant.adminKey(), "POST", "/api/v1/stock/issues", issue, Map.of("Idempotency-Key", key));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(new BigDecimal(refused.json().get("onHand").asString())).isEqualByComparingTo("0");
        assertThat(new BigDecimal(refused.json().get("requested").asString())).isEqualByComparingTo("2");
        var large = api.post(tenant.adminKey(), "/api/v1/stock/issues", Map.of("locationId", shop,
                "lines", List.of(Map.of("itemId", item, "quantity", 12345678))));
        assertThat(large.json().get("requested").asString()).as("exact, never a double").startsWith("12345678").doesNotContain("E");

        receive(tenant, UUID.randomUUID().toString(), Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 5))));
        var retried = api.send(tenant.adminKey(), "POST", "/api/v1/stock/issues", issue, Map.of("Idempotency-Key", key));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("3");
    }

    @Test
    void tenConcurrentRequestsWithOneKeyPostExactlyOnce() throws Exception {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "IDEM-4", "pcs", BigDecimal.ZERO);
        Map<String, Object> receipt = Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 3)));
        String key = UUID.randomUUID().toString();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return receive(tenant, key, receipt);
                }));
            }
            start.countDown();
            List<String> postingIds = new ArrayList<>();
            int replayed = 0;
            for (Future<Api.Response> future : responses) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                postingIds.add(response.json().get("postingId").asString());
                replayed += "true".equals(response.header("idempotent-replayed")) ? 1 : 0;
            }
            assertThat(postingIds).containsOnly(postingIds.get(0));
            assertThat(replayed).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(postings(tenant)).isEqualTo(1);
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("3");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    private Api.Response receive(TestFixtures.Tenant tenant, String key, Map<String, Object> body) {
        return api.send(tenant.adminKey(), "POST", "/api/v1/stock/receipts", body, Map.of("Idempotency-Key", key));
    }

    private long postings(TestFixtures.Tenant tenant) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM stock_postings").query(Long.class).single());
    }
}
