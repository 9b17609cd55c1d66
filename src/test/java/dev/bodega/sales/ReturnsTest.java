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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.bodega.sales.CancelTest.money;
import static org.assertj.core.api.Assertions.assertThat;

/** Partial returns, never more than what remains; restocked at the sale's cost or written off; refunds lower the customer's total. */
@BodegaTest
class ReturnsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void partialReturnsRestockOrWriteOffAndNeverExceedWhatWasSold() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID lamp = shop.item("LAMP", "10.00", "20", "4.00");
        UUID bulb = shop.item("BULB", "7.50", "20", "2.00");
        UUID customer = shop.customer("555", "Ana");
        JsonNode sale = shop.sell(customer, Shop.lines(lamp, 5, bulb, 2));
        String saleId = sale.get("id").asString();
        String lampLine = sale.get("lines").get(0).get("id").asString();
        String bulbLine = sale.get("lines").get(1).get("id").asString();
        assertThat(money(shop.customerJson(customer).get("totalPurchases"))).isEqualByComparingTo("65.00");
        // The lamp's average cost moves after the sale; a return still comes back at the 4.00 it left with.
        shop.receive(shop.store, lamp, "10", "7.00");

        var first = returnOf(shop, saleId, null, line(lampLine, 2, false));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(money(first.json().get("value"))).isEqualByComparingTo("20.00");
        assertThat(money(first.json().get("refundAmount"))).isEqualByComparingTo("20.00");
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("27");
        assertThat(shop.query("SELECT unit_cost FROM stock_ledger WHERE movement_type = 'customer_return' AND item_id = :i",
                Map.of("i", lamp), BigDecimal.class)).isEqualByComparingTo("4.0000");
        assertThat(money(shop.customerJson(customer).get("totalPurchases"))).isEqualByComparingTo("45.00");

        var tooMany = returnOf(shop, saleId, null, line(lampLine, 4, false));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
        assertThat(tooMany.json().get("type").asString()).endsWith("/return-exceeds-sold");
        assertThat(tooMany.json().get("returnable").asString()).isEqualTo("3");
        var splitTooMany = returnOf(shop, saleId, null, line(lampLine, 2, false), line(lampLine, 2, true));
        assertThat(splitTooMany.status()).as("two lines of one request count together").isEqualTo(409);
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("27");

        var damaged = returnOf(shop, saleId, "5.00", line(bulbLine, 1, true));
        assertThat(damaged.status()).as(damaged.body()).isEqualTo(201);
        assertThat(money(damaged.json().get("value"))).isEqualByComparingTo("7.50");
        assertThat(money(damaged.json().get("refundAmount"))).isEqualByComparingTo("5.00");
        assertThat(damaged.json().get("lines").get(0).get("restocked").asBoolean()).isFalse();
        assertThat(shop.onHand(bulb)).as("damaged goods move no stock").isEqualByComparingTo("18");
        assertThat(money(shop.customerJson(customer).get("totalPurchases"))).isEqualByComparingTo("40.00");

        var overRefund = returnOf(shop, saleId, "10.01", line(lampLine, 1, false));
        assertThat(overRefund.status()).isEqualTo(422);
        assertThat(overRefund.json().get("type").asString()).endsWith("/refund-exceeds-value");

        var rest = returnOf(shop, saleId, null, line(lampLine, 3, false), line(bulbLine, 1, false));
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(money(rest.json().get("value"))).isEqualByComparingTo("37.50");
        var nothingLeft = returnOf(shop, saleId, null, line(bulbLine, 1, false));
        assertThat(nothingLeft.status()).isEqualTo(409);

        JsonNode after = api.get(shop.tenant.adminKey(), "/api/v1/sales/" + saleId).json();
        assertThat(money(after.get("refunded"))).isEqualByComparingTo("62.50");
        assertThat(money(after.get("lines").get(0).get("returnedQuantity"))).isEqualByComparingTo("5");
        assertThat(money(after.get("lines").get(1).get("returnedAmount"))).isEqualByComparingTo("15.00");
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("30");
        assertThat(shop.onHand(bulb)).isEqualByComparingTo("19");
        assertThat(shop.ledgerMismatches()).isZero();
        JsonNode buyer = shop.customerJson(customer);
        assertThat(money(buyer.get("totalPurchases"))).isEqualByComparingTo("2.50");
        assertThat(buyer.get("purchaseCount").asInt()).as("a return is not a purchase less").isEqualTo(1);

        JsonNode listed = api.get(shop.tenant.adminKey(), "/api/v1/returns?saleId=" + saleId).json();
        assertThat(listed.get("items").size()).isEqualTo(3);
        var cancel = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + saleId + "/cancel", Map.of("reason", "no"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("type").asString()).endsWith("/sale-has-returns");
    }

    @Test
    void aReturnOfAThirdOfALineValuesItsPartsSoTheyAddUpToTheLine() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("THIRDS", "3.33", "10", "1.00");
        JsonNode sale = api.post(shop.tenant.adminKey(), "/api/v1/sales", Map.of("locationId", shop.store, "complete", true,
                "discount", "0.01", "lines", List.of(Map.of("itemId", item, "quantity", 3)),
                "payments", List.of(Map.of("method", "cash", "amount", "9.98")))).json();
        assertThat(money(sale.get("total"))).isEqualByComparingTo("9.98");
        String saleId = sale.get("id").asString();
        String lineId = sale.get("lines").get(0).get("id").asString();

        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            var returned = returnOf(shop, saleId, null, line(lineId, 1, false));
            assertThat(returned.status()).as(returned.body()).isEqualTo(201);
            sum = sum.add(money(returned.json().get("value")));
        }
        assertThat(sum).isEqualByComparingTo("9.98");
    }

    @Test
    void concurrentReturnsOfOneSaleNeverReturnMoreThanWasSold() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("RUSH-RET", "1.00", "10", "0.50");
        JsonNode sale = shop.sell(null, Shop.lines(item, 5));
        String saleId = sale.get("id").asString();
        String lineId = sale.get("lines").get(0).get("id").asString();

        List<Callable<Integer>> clerks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clerks.add(() -> returnOf(shop, saleId, null, line(lineId, 1, false)).status());
        }
        List<Integer> statuses = Together.run(clerks);

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
        assertThat(shop.onHand(item)).isEqualByComparingTo("10");
        assertThat(shop.ledgerMismatches()).isZero();
    }

    @Test
    void onlyACompletedSaleTakesReturns() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("NOT-YET", "1.00", "10", "0.50");
        JsonNode pending = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 1), false, null)).json();
        var refused = returnOf(shop, pending.get("id").asString(), null,
                line(pending.get("lines").get(0).get("id").asString(), 1, false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/sale-not-completed");
    }

    private Api.Response returnOf(Shop shop, String saleId, String refund, Map<?, ?>... lines) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("reason", "No le sirvió", "refundMethod", "cash",
                "lines", List.of(lines)));
        if (refund != null) {
            body.put("refundAmount", refund);
        }
        return api.post(shop.tenant.adminKey(), "/api/v1/sales/" + saleId + "/returns", body);
    }

    private static Map<String, Object> line(String saleLineId, int quantity, boolean damaged) {
        return Map.of("saleLineId", saleLineId, "quantity", quantity, "damaged", damaged);
    }
}
