package dev.bodega.purchasing;

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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Buyers and receivers at the same time: order numbers stay gapless, an order is never received beyond it. */
@BodegaTest
class PurchasingConcurrencyTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void concurrentOrdersTakeEveryNumberOnce() throws Exception {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID item = buyer.item("CONC-1", "0", "0");
        List<Api.Response> responses = Together.run(IntStream.range(0, 12).<Callable<Api.Response>>mapToObj(i -> () ->
                api.post(buyer.tenant.adminKey(), "/api/v1/purchasing/orders", buyer.order(item, 1 + i, "1.00"))).toList());

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("number").asString()).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 12).mapToObj(n -> String.format("OC-%06d", n)).toList());
    }

    @Test
    void concurrentDeliveriesNeverReceiveMoreThanOrderedWithoutConfirmation() throws Exception {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID item = buyer.item("CONC-2", "0", "0");
        JsonNode order = buyer.sent(buyer.order(item, 20, "2.00"));
        Map<String, Object> five = Buyer.delivery(order, 1, 5);

        List<Api.Response> responses = Together.run(IntStream.range(0, 7).<Callable<Api.Response>>mapToObj(i -> () ->
                buyer.receive(order, five, "conc-" + i)).toList());

        assertThat(responses.stream().filter(r -> r.status() == 201).count()).isEqualTo(4);
        List<Api.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("type").asString()).isIn("https://bodega.dev/problems/over-receipt",
                    "https://bodega.dev/problems/order-not-receivable");
        });
        assertThat(buyer.onHand(item)).isEqualByComparingTo("20");
        JsonNode received = buyer.get(order);
        assertThat(received.get("status").asString()).isEqualTo("received");
        assertThat(received.get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(buyer.query("SELECT string_agg(sequence::text, ',' ORDER BY sequence) FROM supplier_receipts",
                Map.of(), String.class)).isEqualTo("1,2,3,4");
        assertThat(buyer.ledgerMismatches()).isZero();
    }
}
