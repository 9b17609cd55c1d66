package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling puts back exactly what the sale took: stock (at its cost) and the customer's totals; the number stays. */
@BodegaTest
class CancelTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void cancellingRestoresStockAndCustomerTotalsAndKeepsTheNumber() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", false);
        UUID drill = shop.item("DRILL", "89.90", "10", "55.00");
        UUID bits = shop.item("BITS", "12.35", "50", "4.00");
        UUID customer = shop.customer("1032456", "Marta");

        JsonNode first = shop.sell(customer, Shop.lines(drill, 1, bits, 3));
        JsonNode second = shop.sell(customer, Shop.lines(drill, 2, bits, 5));
        BigDecimal firstTotal = money(first.get("total"));
        BigDecimal secondTotal = money(second.get("total"));
        assertThat(firstTotal).isEqualByComparingTo("151.07");   // (89.90 + 37.05) × 1.19 = 106.98 + 44.09
        assertThat(shop.onHand(drill)).isEqualByComparingTo("7");
        assertThat(shop.onHand(bits)).isEqualByComparingTo("42");
        JsonNode buyer = shop.customerJson(customer);
        assertThat(buyer.get("purchaseCount").asInt()).isEqualTo(2);
        assertThat(money(buyer.get("totalPurchases"))).isEqualByComparingTo(firstTotal.add(secondTotal));

        var cancelled = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + second.get("id").asString() + "/cancel",
                Map.of("reason", "Cliente desistió"));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode sale = cancelled.json();
        assertThat(sale.get("status").asString()).isEqualTo("cancelled");
        assertThat(sale.get("invoice").asString()).isEqualTo(second.get("invoice").asString());
        assertThat(sale.get("invoiceNumber").asLong()).isEqualTo(2);
        assertThat(sale.get("cancellationReason").asString()).isEqualTo("Cliente desistió");
        assertThat(sale.get("cancelledBy").asString()).isEqualTo(shop.tenant.adminId().toString());
        assertThat(sale.get("cancelledAt")).isNotNull();
        assertThat(shop.onHand(drill)).isEqualByComparingTo("9");
        assertThat(shop.onHand(bits)).isEqualByComparingTo("47");
        assertThat(shop.ledgerMismatches()).isZero();
        // Back at the cost it left with: the average cost is what it was.
        assertThat(shop.query("SELECT avg_cost FROM stock_levels WHERE item_id = :i", Map.of("i", drill), BigDecimal.class))
                .isEqualByComparingTo("55.00");
        assertThat(shop.query("SELECT sum(quantity) FROM stock_ledger WHERE movement_type = 'sale_cancellation' AND item_id = :i",
                Map.of("i", bits), BigDecimal.class)).isEqualByComparingTo("5");

        buyer = shop.customerJson(customer);
        assertThat(buyer.get("purchaseCount").asInt()).isEqualTo(1);
        assertThat(money(buyer.get("totalPurchases"))).isEqualByComparingTo(firstTotal);
        assertThat(Instant.parse(buyer.get("lastPurchaseAt").asString()))
                .isEqualTo(Instant.parse(first.get("completedAt").asString()));

        var again = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + second.get("id").asString() + "/cancel",
                Map.of("reason", "otra vez"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/sale-already-cancelled");

        JsonNode third = shop.sell(null, Shop.lines(bits, 1));
        assertThat(third.get("invoiceNumber").asLong()).as("a cancelled sale keeps its number").isEqualTo(3);

        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + first.get("id").asString() + "/cancel", Map.of("reason", "error"));
        buyer = shop.customerJson(customer);
        assertThat(buyer.get("purchaseCount").asInt()).isZero();
        assertThat(money(buyer.get("totalPurchases"))).isEqualByComparingTo("0");
        assertThat(buyer.get("lastPurchaseAt")).isNull();
        assertThat(shop.onHand(drill)).isEqualByComparingTo("10");
        assertThat(shop.onHand(bits)).isEqualByComparingTo("49");
    }

    @Test
    void aPendingSaleIsCancelledWithoutNumberOrStock() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("PARKED", "5.00", "3", "1.00");
        var pending = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 2), false, null));
        assertThat(pending.status()).as(pending.body()).isEqualTo(201);
        assertThat(pending.json().get("status").asString()).isEqualTo("pending");
        assertThat(pending.json().get("invoice")).isNull();
        assertThat(shop.onHand(item)).as("a pending sale moves no stock").isEqualByComparingTo("3");

        var cancelled = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + pending.json().get("id").asString() + "/cancel",
                Map.of("reason", "abandoned"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("invoiceNumber")).isNull();
        assertThat(shop.onHand(item)).isEqualByComparingTo("3");
        assertThat(shop.query("SELECT count(*) FROM stock_ledger WHERE document_type = 'sale'", Map.of(), Long.class)).isZero();
        var complete = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + pending.json().get("id").asString() + "/complete",
                Map.of("payments", java.util.List.of(Map.of("method", "cash", "amount", "10.00"))));
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("type").asString()).endsWith("/sale-not-pending");
    }

    @Test
    void aParkedSaleCompletesLaterWithSplitPaymentsAndChange() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID item = shop.item("PARK-2", "11.90", "5", "6.00");
        var pending = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 2), false, null));
        String id = pending.json().get("id").asString();

        var completed = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + id + "/complete", Map.of("payments", java.util.List.of(
                Map.of("method", "card", "amount", "10.00", "reference", "VISA 4242"),
                Map.of("method", "cash", "amount", "20.00"))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode sale = completed.json();
        assertThat(sale.get("status").asString()).isEqualTo("completed");
        assertThat(money(sale.get("total"))).isEqualByComparingTo("23.80");
        assertThat(money(sale.get("tax"))).isEqualByComparingTo("3.80");
        assertThat(money(sale.get("change"))).isEqualByComparingTo("6.20");
        assertThat(sale.get("paymentMethod").asString()).isEqualTo("mixed");
        assertThat(money(sale.get("payments").get(1).get("amount"))).isEqualByComparingTo("13.80");
        assertThat(sale.get("invoice").asString()).isEqualTo("F001-00000001");
        assertThat(shop.onHand(item)).isEqualByComparingTo("3");
    }

    static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asString());
    }
}
