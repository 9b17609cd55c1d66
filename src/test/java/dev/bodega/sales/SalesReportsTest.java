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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Report figures, exact, for companies whose every sale the test made. */
@BodegaTest
class SalesReportsTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void salesTodayCountsTheCompletedSalesOfTheCompanysDay() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("DAY-1", "1.00", "500", "0.50");
        LocalDate today = fixtures.today(shop.tenant);
        Instant midnight = today.atStartOfDay(BOGOTA).toInstant();
        moveTo(shop, shop.sell(null, Shop.lines(item, 10)), midnight.plus(Duration.ofMinutes(1)));
        shop.sell(null, Shop.lines(item, 20));
        moveTo(shop, shop.sell(null, Shop.lines(item, 34)), midnight.plus(Duration.ofHours(24)).minusSeconds(1));
        moveTo(shop, shop.sell(null, Shop.lines(item, 7)), midnight.minus(Duration.ofMinutes(1)));
        moveTo(shop, shop.sell(null, Shop.lines(item, 9)), midnight.plus(Duration.ofDays(1)));
        cancel(shop, shop.sell(null, Shop.lines(item, 50)));
        api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 40), false, null));

        JsonNode todays = report(shop, "/api/v1/reports/sales-today");
        assertThat(todays.get("from").asString()).isEqualTo(today.toString());
        assertThat(todays.get("count").asLong()).isEqualTo(3);
        assertThat(todays.get("total").decimalValue()).isEqualByComparingTo("64.00");
        assertThat(todays.get("averageTicket").decimalValue()).isEqualByComparingTo("21.33");
        assertThat(todays.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void aDayEndsAtMidnightInTheCompanysTimeZone() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("TZ-1", "1.00", "100", "0.50");
        // 10 March 2026: Bogotá is UTC-5, so its day runs from 05:00 UTC to 05:00 UTC the next day.
        moveTo(shop, shop.sell(null, Shop.lines(item, 1)), Instant.parse("2026-03-10T04:59:00Z"));
        moveTo(shop, shop.sell(null, Shop.lines(item, 2)), Instant.parse("2026-03-10T05:01:00Z"));
        moveTo(shop, shop.sell(null, Shop.lines(item, 4)), Instant.parse("2026-03-11T04:30:00Z"));
        String day = "?from=2026-03-10&to=2026-03-10";

        assertThat(report(shop, "/api/v1/reports/sales-summary" + day).get("total").decimalValue()).isEqualByComparingTo("6.00");
        JsonNode days = report(shop, "/api/v1/reports/sales-per-day?from=2026-03-09&to=2026-03-10").get("days");
        assertThat(days.get(0).get("total").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(days.get(1).get("total").decimalValue()).isEqualByComparingTo("6.00");

        shop.sql("UPDATE tenants SET time_zone = 'UTC' WHERE id = :id", Map.of("id", shop.tenant.id()));
        assertThat(report(shop, "/api/v1/reports/sales-summary" + day).get("total").decimalValue()).isEqualByComparingTo("3.00");
        JsonNode utc = report(shop, "/api/v1/reports/sales-per-day?from=2026-03-10&to=2026-03-11").get("days");
        assertThat(utc.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(utc.get(1).get("total").decimalValue()).isEqualByComparingTo("4.00");
    }

    @Test
    void topItemsByQuantityAndByRevenueNetOfReturns() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        Map<Integer, UUID> items = new LinkedHashMap<>();
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        for (int k = 1; k <= 12; k++) {
            // Item k sells k units at 13 - k: quantity grows with k, revenue k × (13 - k) peaks in the middle.
            UUID item = shop.item(String.format("TOP-%02d", k), (13 - k) + ".00", "100", "0.10");
            items.put(k, item);
            quantities.put(item, k);
        }
        JsonNode sale = shop.sell(null, quantities);
        cancel(shop, shop.sell(null, Shop.lines(items.get(1), 90)));

        assertThat(skus(report(shop, "/api/v1/reports/top-items"))).containsExactly(
                "TOP-12", "TOP-11", "TOP-10", "TOP-09", "TOP-08", "TOP-07", "TOP-06", "TOP-05", "TOP-04", "TOP-03");
        assertThat(skus(report(shop, "/api/v1/reports/top-items?by=revenue"))).containsExactly(
                "TOP-07", "TOP-06", "TOP-08", "TOP-05", "TOP-09", "TOP-04", "TOP-10", "TOP-03", "TOP-11", "TOP-02");
        // The dashboard ranks both ways from one pass, and sums the period from its days: the same figures.
        JsonNode dashboard = report(shop, "/api/v1/reports/sales-dashboard");
        assertThat(skus(dashboard.get("topByQuantity"))).containsExactly(
                "TOP-12", "TOP-11", "TOP-10", "TOP-09", "TOP-08", "TOP-07", "TOP-06", "TOP-05", "TOP-04", "TOP-03");
        assertThat(skus(dashboard.get("topByRevenue"))).containsExactly(
                "TOP-07", "TOP-06", "TOP-08", "TOP-05", "TOP-09", "TOP-04", "TOP-10", "TOP-03", "TOP-11", "TOP-02");
        assertThat(dashboard.get("topByRevenue").get("items").get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(dashboard.get("period").get("count").asLong()).isEqualTo(1);
        assertThat(dashboard.get("period").get("total").decimalValue()).isEqualByComparingTo("364.00");
        assertThat(dashboard.get("perDay").get("days")).hasSize(30);
        assertThat(dashboard.get("perDay").get("days").get(29).get("total").decimalValue()).isEqualByComparingTo("364.00");

        // Five of the twelve TOP-12 come back: it is left with 7 units and 7.00, behind TOP-07 (7 units, 42.00).
        String line = lineOf(sale, "TOP-12");
        var returned = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + sale.get("id").asString() + "/returns", Map.of(
                "reason", "too many", "refundMethod", "cash", "lines", List.of(Map.of("saleLineId", line, "quantity", 5))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        JsonNode top = report(shop, "/api/v1/reports/top-items?limit=12");
        assertThat(skus(top)).containsExactly("TOP-11", "TOP-10", "TOP-09", "TOP-08", "TOP-07", "TOP-12", "TOP-06",
                "TOP-05", "TOP-04", "TOP-03", "TOP-02", "TOP-01");
        JsonNode twelve = top.get("items").get(5);
        assertThat(twelve.get("rank").asInt()).isEqualTo(6);
        assertThat(twelve.get("quantity").decimalValue()).isEqualByComparingTo("7");
        assertThat(twelve.get("revenue").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(twelve.get("sales").asLong()).isEqualTo(1);
        assertThat(top.get("items").get(11).get("quantity").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aCustomersPurchaseHistory() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID screws = shop.item("HIS-1", "2.00", "100", "1.00");
        UUID glue = shop.item("HIS-2", "7.50", "100", "3.00");
        UUID ana = shop.customer("HIS-ANA", "Ana");
        UUID luis = shop.customer("HIS-LUIS", "Luis");
        JsonNode first = shop.sell(ana, Shop.lines(screws, 10, glue, 1));
        moveTo(shop, first, Instant.now().minus(Duration.ofDays(40)));
        JsonNode second = shop.sell(ana, Shop.lines(glue, 2));
        cancel(shop, shop.sell(ana, Shop.lines(screws, 50)));
        shop.sell(luis, Shop.lines(glue, 9));

        JsonNode history = report(shop, "/api/v1/reports/customers/" + ana + "/purchases");
        assertThat(history.get("name").asString()).isEqualTo("Ana");
        assertThat(history.get("count").asLong()).isEqualTo(2);
        assertThat(history.get("total").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(history.get("averageTicket").decimalValue()).isEqualByComparingTo("21.25");
        assertThat(history.get("purchases")).hasSize(2);
        assertThat(history.get("purchases").get(0).get("id").asString()).isEqualTo(second.get("id").asString());
        assertThat(history.get("purchases").get(0).get("invoice").asString()).isEqualTo("F001-00000002");
        assertThat(history.get("purchases").get(1).get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(history.get("topItems").get(0).get("sku").asString()).isEqualTo("HIS-1");
        assertThat(history.get("topItems").get(0).get("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(history.get("topItems").get(1).get("quantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(history.get("firstPurchaseAt").asString()).isNotBlank();
        assertThat(api.get(shop.tenant.adminKey(), "/api/v1/reports/customers/" + UUID.randomUUID() + "/purchases").status())
                .isEqualTo(404);
    }

    @Test
    void byPaymentMethodCountsEachPartOfASplitPaymentAndTheRefunds() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("PAY-1", "1.00", "100", "0.50");
        sell(shop, item, 10, List.of(Map.of("method", "cash", "amount", "20.00")));
        sell(shop, item, 12, List.of(Map.of("method", "card", "amount", "5.00"), Map.of("method", "cash", "amount", "7.00")));
        JsonNode transfer = sell(shop, item, 8, List.of(Map.of("method", "transfer", "amount", "8.00", "reference", "T-1")));
        cancel(shop, sell(shop, item, 30, List.of(Map.of("method", "card", "amount", "30.00"))));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + transfer.get("id").asString() + "/returns", Map.of(
                "reason", "broken", "refundMethod", "cash", "refundAmount", "1.50",
                "lines", List.of(Map.of("saleLineId", lineOf(transfer, "PAY-1"), "quantity", 2))));

        JsonNode report = report(shop, "/api/v1/reports/sales-by-payment-method");
        Map<String, JsonNode> methods = new LinkedHashMap<>();
        report.get("methods").forEach(m -> methods.put(m.get("method").asString(), m));
        assertThat(methods.keySet()).containsExactly("cash", "card", "transfer", "other");
        assertMethod(methods.get("cash"), 2, "17.00", "1.50", "15.50");
        assertMethod(methods.get("card"), 1, "5.00", "0.00", "5.00");
        assertMethod(methods.get("transfer"), 1, "8.00", "0.00", "8.00");
        assertMethod(methods.get("other"), 0, "0.00", "0.00", "0.00");
        assertThat(report.get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(report.get("net").decimalValue()).isEqualByComparingTo("28.50");

        JsonNode summary = report(shop, "/api/v1/reports/sales-summary");
        assertThat(summary.get("total").decimalValue()).isEqualByComparingTo(report.get("amount").decimalValue());
        assertThat(summary.get("refunded").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void bySellerByLocationPerDayAndTheSalesReportWithLines() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("GRP-1", "3.00", "100", "1.00");
        UUID outlet = stock.location(shop.tenant, "Outlet");
        shop.receive(outlet, item, "50", "1.00");
        UUID seller = fixtures.user(shop.tenant, "seller@" + shop.tenant.slug() + ".test", "seller");
        shop.sql("INSERT INTO user_locations (tenant_id, user_id, location_id) VALUES (:t, :u, :l)",
                Map.of("t", shop.tenant.id(), "u", seller, "l", outlet));
        String sellerKey = fixtures.apiKey(shop.tenant, seller, Set.of("*"), List.of("sales.*"));
        LocalDate today = fixtures.today(shop.tenant);
        Instant noon = today.atTime(12, 0).atZone(BOGOTA).toInstant();

        moveTo(shop, shop.sell(null, Shop.lines(item, 1)), noon.minus(Duration.ofDays(2)));
        moveTo(shop, shop.sell(null, Shop.lines(item, 2)), noon.minus(Duration.ofDays(2)));
        Map<String, Object> atOutlet = new LinkedHashMap<>(shop.sale(null, Shop.lines(item, 5), true, "1000.00"));
        atOutlet.put("locationId", outlet);
        var outletSale = api.post(sellerKey, "/api/v1/sales", atOutlet);
        assertThat(outletSale.status()).as(outletSale.body()).isEqualTo(201);
        moveTo(shop, outletSale.json(), noon.minus(Duration.ofDays(40)));
        cancel(shop, shop.sell(null, Shop.lines(item, 4)));

        String period = "?from=" + today.minusDays(59) + "&to=" + today;
        JsonNode sellers = report(shop, "/api/v1/reports/sales-by-seller" + period).get("rows");
        assertThat(sellers).hasSize(2);
        assertThat(sellers.get(0).get("id").asString()).isEqualTo(seller.toString());
        assertThat(sellers.get(0).get("total").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(sellers.get(1).get("id").asString()).isEqualTo(shop.tenant.adminId().toString());
        assertThat(sellers.get(1).get("count").asLong()).isEqualTo(2);
        assertThat(sellers.get(1).get("averageTicket").decimalValue()).isEqualByComparingTo("4.50");

        JsonNode locations = report(shop, "/api/v1/reports/sales-by-location" + period).get("rows");
        assertThat(locations.get(0).get("name").asString()).isEqualTo("Outlet");
        assertThat(locations.get(1).get("name").asString()).isEqualTo("Tienda centro");
        assertThat(locations.get(1).get("total").decimalValue()).isEqualByComparingTo("9.00");

        JsonNode days = report(shop, "/api/v1/reports/sales-per-day").get("days");
        assertThat(days).hasSize(30);
        assertThat(days.get(29).get("date").asString()).isEqualTo(today.toString());
        assertThat(days.get(27).get("count").asLong()).isEqualTo(2);
        assertThat(days.get(27).get("total").decimalValue()).isEqualByComparingTo("9.00");
        long total = 0;
        for (JsonNode day : days) {
            total += day.get("count").asLong();
        }
        assertThat(total).isEqualTo(2);

        JsonNode sales = report(shop, "/api/v1/reports/sales" + period + "&limit=2");
        assertThat(sales.get("summary").get("count").asLong()).isEqualTo(3);
        assertThat(sales.get("items")).hasSize(2);
        assertThat(sales.get("nextCursor").asString()).isNotBlank();
        JsonNode newest = sales.get("items").get(0);
        assertThat(newest.get("sellerName").asString()).isEqualTo("User seller@" + shop.tenant.slug() + ".test");
        assertThat(newest.get("locationName").asString()).isEqualTo("Outlet");
        assertThat(newest.get("lines").get(0).get("sku").asString()).isEqualTo("GRP-1");
        assertThat(newest.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("5");
        JsonNode rest = report(shop, "/api/v1/reports/sales" + period + "&limit=2&cursor=" + sales.get("nextCursor").asString());
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.has("nextCursor")).isFalse();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        var response = api.get(shop.tenant.adminKey(), "/api/v1/reports/top-items?from=2026-02-01&to=2026-01-01");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).endsWith("/invalid-period");
        String viewerKey = fixtures.apiKey(shop.tenant, fixtures.user(shop.tenant, "v@" + shop.tenant.slug() + ".test", "viewer"),
                Set.of("*.read"), List.of("customers.read"));
        assertThat(api.get(viewerKey, "/api/v1/reports/sales-today").status()).isEqualTo(403);
    }

    private JsonNode sell(Shop shop, UUID item, int quantity, List<Map<String, String>> payments) {
        Map<String, Object> sale = new LinkedHashMap<>(shop.sale(null, Shop.lines(item, quantity), true, "0"));
        sale.put("payments", payments);
        var response = api.post(shop.tenant.adminKey(), "/api/v1/sales", sale);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static void assertMethod(JsonNode row, long sales, String amount, String refunds, String net) {
        assertThat(row.get("sales").asLong()).as(row.toString()).isEqualTo(sales);
        assertThat(row.get("amount").decimalValue()).as(row.toString()).isEqualByComparingTo(amount);
        assertThat(row.get("refunds").decimalValue()).as(row.toString()).isEqualByComparingTo(refunds);
        assertThat(row.get("net").decimalValue()).as(row.toString()).isEqualByComparingTo(net);
    }

    private JsonNode report(Shop shop, String path) {
        var response = api.get(shop.tenant.adminKey(), path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private void cancel(Shop shop, JsonNode sale) {
        var response = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + sale.get("id").asString() + "/cancel",
                Map.of("reason", "test"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Dates a completed sale at {@code at}, as if it had been rung up then. */
    private static void moveTo(Shop shop, JsonNode sale, Instant at) {
        shop.sql("UPDATE sales SET sale_date = :at, completed_at = :at WHERE id = :id",
                Map.of("at", Timestamp.from(at), "id", UUID.fromString(sale.get("id").asString())));
    }

    private static String lineOf(JsonNode sale, String sku) {
        for (JsonNode line : sale.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line.get("id").asString();
            }
        }
        throw new AssertionError("No line of " + sku);
    }

    private static List<String> skus(JsonNode top) {
        List<String> skus = new ArrayList<>();
        top.get("items").forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }
}
