package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Idempotency;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** A till that retries (timeout, double click) with the same Idempotency-Key sells once. */
@BodegaTest
class IdempotentSaleTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void theSameKeyTwiceCreatesOneSale() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID item = shop.item("ONCE", "4.00", "10", "1.00");
        var sale = shop.sale(null, Shop.lines(item, 2), true, "10.00");
        Map<String, String> key = Map.of(Idempotency.HEADER, "till-1-" + UUID.randomUUID());

        var first = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", sale, key);
        var retry = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", sale, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.json().get("invoice").asString()).isEqualTo("F001-00000001");
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.onHand(item)).isEqualByComparingTo("8");
        assertThat(shop.query("SELECT next_number FROM invoice_series", Map.of(), Long.class)).isEqualTo(2);

        var otherBody = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", shop.sale(null, Shop.lines(item, 1), true, "4.00"), key);
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("type").asString()).endsWith("/idempotency-key-reused");
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneSale() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("ONCE-RUSH", "1.00", "10", "1.00");
        var sale = shop.sale(null, Shop.lines(item, 1), true, "1.00");
        Map<String, String> key = Map.of(Idempotency.HEADER, "double-click-" + UUID.randomUUID());

        List<Callable<String>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> {
                var response = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", sale, key);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                return response.json().get("id").asString();
            });
        }
        List<String> ids = Together.run(retries);

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.onHand(item)).isEqualByComparingTo("9");
    }

    @Test
    void aFailedAttemptLeavesTheKeyFreeForTheRetry() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("LATE", "1.00", "0", "1.00");
        var sale = shop.sale(null, Shop.lines(item, 1), true, "1.00");
        Map<String, String> key = Map.of(Idempotency.HEADER, "retry-after-restock-" + UUID.randomUUID());

        assertThat(api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", sale, key).status()).isEqualTo(409);
        shop.receive(shop.store, item, "1", "1.00");
        var retried = api.send(shop.tenant.adminKey(), "POST", "/api/v1/sales", sale, key);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(shop.onHand(item)).isEqualByComparingTo("0");
    }
}
