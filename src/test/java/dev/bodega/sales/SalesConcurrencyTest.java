package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rush: 32 tills selling multi-line sales of the same popular items at one
 * store on one invoice series, through the HTTP API. Exact results only.
 */
@BodegaTest
class SalesConcurrencyTest {

    private static final int TILLS = 32;
    private static final int SALES_PER_TILL = 4;
    private static final int INITIAL = 60;

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    /** What one till did: the sales it completed (id → quantities) and how many were refused for lack of stock. */
    record Till(Map<String, Map<UUID, Integer>> completed, Map<String, BigDecimal> totals, int refused) {
    }

    @Test
    void thirtyTwoTillsNeverOversellNeverSkipOrRepeatANumber() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        List<UUID> popular = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            popular.add(shop.item("HOT-" + i, "2.50", String.valueOf(INITIAL), "1.00"));
        }
        UUID customer = shop.customer("900100", "Cliente frecuente");
        var series = api.post(shop.tenant.adminKey(), "/api/v1/invoice-series", Map.of("code", "F001", "locationId", shop.store));
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        String seriesId = series.json().get("id").asString();

        List<Callable<Till>> tills = new ArrayList<>();
        for (int t = 0; t < TILLS; t++) {
            long seed = t;
            tills.add(() -> till(shop, popular, customer, seriesId, new Random(seed)));
        }
        List<Till> results = Together.run(tills);

        Map<String, Map<UUID, Integer>> completed = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        int refused = 0;
        for (Till till : results) {
            completed.putAll(till.completed());
            totals.putAll(till.totals());
            refused += till.refused();
        }
        int n = completed.size();
        assertThat(n + refused).isEqualTo(TILLS * SALES_PER_TILL);
        assertThat(n).as("some sales went through").isPositive();
        assertThat(refused).as("demand exceeded stock, so some sales were refused").isPositive();

        // Numbers: exactly 1..N, each once, on the one series; the series is ready for N + 1.
        List<Long> numbers = shop.list("SELECT invoice_number FROM sales WHERE status = 'completed' ORDER BY 1", Map.of(), Long.class);
        assertThat(numbers).containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).as("refused sales leave no row").isEqualTo(n);
        assertThat(shop.query("SELECT next_number FROM invoice_series WHERE id = CAST(:id AS uuid)", Map.of("id", seriesId), Long.class))
                .isEqualTo(n + 1L);

        // Stock: initial minus exactly what the completed sales sold, never below zero at any step.
        for (UUID item : popular) {
            int sold = completed.values().stream().mapToInt(q -> q.getOrDefault(item, 0)).sum();
            assertThat(shop.onHand(item)).isEqualByComparingTo(String.valueOf(INITIAL - sold));
        }
        assertThat(shop.query("SELECT count(*) FROM stock_ledger WHERE on_hand_after < 0", Map.of(), Long.class)).isZero();
        assertThat(shop.ledgerMismatches()).isZero();
        assertThat(shop.query("SELECT count(DISTINCT document_id) FROM stock_ledger WHERE movement_type = 'sale'", Map.of(), Long.class))
                .isEqualTo(n);

        // The customer's totals are the exact sum of the completed sales.
        BigDecimal expected = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode buyer = shop.customerJson(customer);
        assertThat(buyer.get("purchaseCount").asInt()).isEqualTo(n);
        assertThat(new BigDecimal(buyer.get("totalPurchases").asString())).isEqualByComparingTo(expected);

        aSaleThatCannotBeFilledIsRefusedWholeAndConsumesNothing(shop, popular, seriesId, n);
    }

    private void aSaleThatCannotBeFilledIsRefusedWholeAndConsumesNothing(Shop shop, List<UUID> popular, String seriesId, int n) {
        UUID plenty = shop.item("PLENTY", "1.00", "100", "0.50");
        UUID scarce = popular.get(0);
        BigDecimal scarceLeft = shop.onHand(scarce);
        var sale = shop.sale(null, Shop.lines(plenty, 3, scarce, scarceLeft.intValue() + 1), true, "1000.00");
        sale.put("seriesId", seriesId);

        var refused = api.post(shop.tenant.adminKey(), "/api/v1/sales", sale);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(refused.json().get("itemId").asString()).isEqualTo(scarce.toString());
        assertThat(shop.onHand(plenty)).isEqualByComparingTo("100");
        assertThat(shop.onHand(scarce)).isEqualByComparingTo(scarceLeft);
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(n);
        assertThat(shop.query("SELECT next_number FROM invoice_series WHERE id = CAST(:id AS uuid)", Map.of("id", seriesId), Long.class))
                .isEqualTo(n + 1L);

        var next = shop.sell(null, Shop.lines(plenty, 1));
        assertThat(next.get("invoiceNumber").asLong()).as("the refused sale took no number").isEqualTo(n + 1L);
        assertThat(next.get("invoice").asString()).isEqualTo("F001-%08d".formatted(n + 1));
    }

    @Test
    void firstSalesAtTwoNewStoresCreateOneDefaultSeriesEach() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID second = stock.location(shop.tenant, "Tienda norte");
        UUID item = shop.item("FIRST", "1.00", "100", "0.50");
        shop.receive(second, item, "100", "0.50");

        List<Callable<Integer>> tills = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            UUID store = t % 2 == 0 ? shop.store : second;
            tills.add(() -> api.post(shop.tenant.adminKey(), "/api/v1/sales", Map.of("locationId", store, "complete", true,
                    "lines", List.of(Map.of("itemId", item, "quantity", 1)),
                    "payments", List.of(Map.of("method", "cash", "amount", "1.00")))).status());
        }
        assertThat(Together.run(tills)).containsOnly(201);

        assertThat(shop.list("SELECT code FROM invoice_series WHERE is_default ORDER BY code", Map.of(), String.class))
                .containsExactly("F001", "F002");
        for (UUID store : List.of(shop.store, second)) {
            assertThat(shop.list("SELECT invoice_number FROM sales WHERE location_id = :l ORDER BY 1", Map.of("l", store), Long.class))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    /** One till: multi-line sales of 2–4 popular items, 1–3 of each, lines in random order. */
    private Till till(Shop shop, List<UUID> popular, UUID customer, String seriesId, Random random) {
        Map<String, Map<UUID, Integer>> completed = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        int refused = 0;
        for (int s = 0; s < SALES_PER_TILL; s++) {
            List<UUID> items = new ArrayList<>(popular);
            Collections.shuffle(items, random);
            Map<UUID, Integer> quantities = Shop.lines();
            for (UUID item : items.subList(0, 2 + random.nextInt(3))) {
                quantities.put(item, 1 + random.nextInt(3));
            }
            var sale = shop.sale(customer, quantities, true, "500.00");
            sale.put("seriesId", seriesId);
            var response = api.post(shop.tenant.adminKey(), "/api/v1/sales", sale);
            if (response.status() == 201) {
                JsonNode body = response.json();
                assertThat(body.get("status").asString()).isEqualTo("completed");
                completed.put(body.get("id").asString(), quantities);
                totals.put(body.get("id").asString(), new BigDecimal(body.get("total").asString()));
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
                assertThat(response.json().get("type").asString()).endsWith("/insufficient-stock");
                refused++;
            }
        }
        return new Till(completed, totals, refused);
    }
}
