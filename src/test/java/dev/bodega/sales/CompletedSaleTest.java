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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A sale completed at once: what it answers is what it stored, its lines keep their cost, a failure leaves nothing. */
@BodegaTest
class CompletedSaleTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void theAnswerIsTheStoredSaleAndItsLinesCarryTheCostTheStockLeftAt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", false);
        UUID drill = shop.item("DRILL", "89.90", "10", "55.125");
        UUID bits = shop.item("BITS", "12.35", "50", "4");
        UUID customer = shop.customer("88001", "Lucía");

        Api.Response created = api.post(shop.tenant.adminKey(), "/api/v1/sales", Map.of(
                "locationId", shop.store, "customerId", customer, "discount", "3", "notes", "  para regalo ",
                "lines", List.of(
                        Map.of("itemId", drill, "quantity", 1, "discountPercent", "10"),
                        Map.of("itemId", bits, "quantity", 2),
                        Map.of("itemId", bits, "quantity", 1, "unitPrice", "10", "taxRate", "5")),
                "complete", true,
                "payments", List.of(Map.of("method", "card", "amount", "50", "reference", " T-1 "),
                        Map.of("method", "cash", "amount", "200"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response read = api.get(shop.tenant.adminKey(), "/api/v1/sales/" + id);
        assertThat(created.body()).as("the answer is exactly what a read gives").isEqualTo(read.body());
        JsonNode sale = read.json();
        assertThat(sale.get("status").asString()).isEqualTo("completed");
        assertThat(sale.get("invoiceNumber").asLong()).isEqualTo(1);
        assertThat(sale.get("customerName").asString()).isEqualTo("Lucía");
        assertThat(sale.get("paymentMethod").asString()).isEqualTo("mixed");
        assertThat(sale.get("lines")).hasSize(3);
        assertThat(sale.get("payments")).hasSize(2);
        assertThat(shop.list("SELECT unit_cost FROM sale_lines WHERE sale_id = :s ORDER BY position",
                Map.of("s", UUID.fromString(id)), BigDecimal.class))
                .containsExactly(new BigDecimal("55.1250"), new BigDecimal("4.0000"), new BigDecimal("4.0000"));
        assertThat(shop.onHand(bits)).isEqualByComparingTo("47");
        assertThat(shop.ledgerMismatches()).isZero();
    }

    @Test
    void aSaleThatCannotBeFilledLeavesNoSaleNoLinesAndTakesNoNumber() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID lamp = shop.item("LAMP", "20.00", "3", "8");
        UUID customer = shop.customer("88002", "Tomás");
        assertThat(shop.sell(customer, Shop.lines(lamp, 1)).get("invoiceNumber").asLong()).isEqualTo(1);

        Api.Response refused = api.post(shop.tenant.adminKey(), "/api/v1/sales",
                shop.sale(customer, Shop.lines(lamp, 5), true, "100.00"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.query("SELECT count(*) FROM sale_lines", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.query("SELECT count(*) FROM sale_payments", Map.of(), Long.class)).isEqualTo(1);
        assertThat(shop.query("SELECT next_number FROM invoice_series", Map.of(), Long.class)).isEqualTo(2);
        assertThat(shop.customerJson(customer).get("purchaseCount").asInt()).isEqualTo(1);
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("2");
        assertThat(shop.sell(null, Shop.lines(lamp, 2)).get("invoiceNumber").asLong()).isEqualTo(2);
    }

    @Test
    void aCompletedSaleChecksItsLocationAndSeriesAndMovesNothingWhenRefused() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID lamp = shop.item("LAMP", "20.00", "3", "8");
        UUID other = stock.location(shop.tenant, "Bodega norte");
        Api.Response series = api.post(shop.tenant.adminKey(), "/api/v1/invoice-series",
                Map.of("code", "N01", "locationId", other));
        assertThat(series.status()).as(series.body()).isEqualTo(201);

        Map<String, Object> elsewhere = shop.sale(null, Shop.lines(lamp, 1), true, "20.00");
        elsewhere.put("seriesId", series.json().get("id").asString());
        assertProblem(api.post(shop.tenant.adminKey(), "/api/v1/sales", elsewhere), 422, "series-not-usable");
        Map<String, Object> unknownSeries = shop.sale(null, Shop.lines(lamp, 1), true, "20.00");
        unknownSeries.put("seriesId", UUID.randomUUID());
        assertProblem(api.post(shop.tenant.adminKey(), "/api/v1/sales", unknownSeries), 422, "unknown-series");
        Map<String, Object> nowhere = shop.sale(null, Shop.lines(lamp, 1), true, "20.00");
        nowhere.put("locationId", UUID.randomUUID());
        assertProblem(api.post(shop.tenant.adminKey(), "/api/v1/sales", nowhere), 422, "unknown-location");
        shop.query("UPDATE locations SET active = false WHERE id = :l RETURNING 1", Map.of("l", other), Integer.class);
        Map<String, Object> closed = shop.sale(null, Shop.lines(lamp, 1), true, "20.00");
        closed.put("locationId", other);
        assertProblem(api.post(shop.tenant.adminKey(), "/api/v1/sales", closed), 422, "inactive-location");

        assertThat(shop.query("SELECT count(*) FROM sales", Map.of(), Long.class)).isZero();
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("3");
        assertThat(shop.query("SELECT next_number FROM invoice_series WHERE code = 'N01'", Map.of(), Long.class))
                .isEqualTo(1);
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }
}
