package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.sales.internal.reports.SalesReports;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rollups (V144) against the sales themselves: on random sales over two locations and several days, with
 * split payments, sales without a seller, cancellations and partial returns, every report read from the rollups
 * equals the same report counted from the sales, and stays so when the company changes its time zone.
 */
@BodegaTest
class SalesRollupsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired SalesReports reports;

    @Test
    void everyReportFromTheRollupsEqualsItsCountFromTheSales() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", random.nextBoolean());
        UUID north = stock.location(shop.tenant, "Bodega norte");
        List<UUID> items = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            UUID item = shop.item("RU-" + k, (1 + random.nextInt(40)) + "." + (10 + random.nextInt(90)), "1000", "0.50");
            shop.receive(north, item, "1000", "0.50");
            items.add(item);
        }
        List<JsonNode> sales = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            sales.add(sell(shop, random, random.nextBoolean() ? shop.store : north, items));
        }
        for (JsonNode sale : sales) {
            if (random.nextInt(5) == 0) {
                post(shop, "/api/v1/sales/" + id(sale) + "/cancel", Map.of("reason", "test"));
            } else if (random.nextInt(3) == 0) {
                giveBack(shop, random, sale);
            }
        }
        String description = "seed " + seed;
        assertThat(sum(shop, "SELECT coalesce(sum(sales), 0) FROM sales_daily")).as(description).isPositive();
        assertAgree(shop, description);

        // Another zone: the reports count from the sales until the next sale rebuilds the rollups in it.
        shop.sql("UPDATE tenants SET time_zone = 'Asia/Kolkata' WHERE id = :id", Map.of("id", shop.tenant.id()));
        sell(shop, random, north, items);
        assertThat(shop.query("SELECT time_zone FROM sales_rollup_zones", Map.of(), String.class))
                .isEqualTo("Asia/Kolkata");
        assertAgree(shop, description + ", Asia/Kolkata");
    }

    /** Each report read from the rollups, then again with the rollups set aside: the same figures. */
    private void assertAgree(Shop shop, String description) {
        LocalDate today = as(shop, reports::today);
        List<SalesReports.Period> periods = List.of(new SalesReports.Period(today.minusDays(12), today),
                new SalesReports.Period(today.minusDays(3), today.minusDays(3)), new SalesReports.Period(today, today));
        List<Object> fromRollups = figures(shop, periods);
        // A rollup changed behind the reports' back shows: they do read the rollups.
        shop.sql("UPDATE sales_daily SET total = total + 1 WHERE day = :day", Map.of("day", today));
        assertThat(figures(shop, periods)).as(description).isNotEqualTo(fromRollups);
        shop.sql("UPDATE sales_daily SET total = total - 1 WHERE day = :day", Map.of("day", today));

        String zone = shop.query("SELECT time_zone FROM sales_rollup_zones", Map.of(), String.class);
        shop.sql("UPDATE sales_rollup_zones SET time_zone = 'set aside'", Map.of());
        List<Object> fromSales = figures(shop, periods);
        shop.sql("UPDATE sales_rollup_zones SET time_zone = :zone", Map.of("zone", zone));
        assertThat(fromRollups).as(description)
                .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(fromSales);
    }

    private List<Object> figures(Shop shop, List<SalesReports.Period> periods) {
        List<Object> figures = new ArrayList<>();
        for (SalesReports.Period period : periods) {
            figures.add(as(shop, () -> (Object) reports.summary(period)));
            figures.add(as(shop, () -> (Object) reports.overview(period)));
            figures.add(as(shop, () -> (Object) reports.tops(period, 4)));
            figures.add(as(shop, () -> (Object) reports.topItems(period, "revenue", 10)));
            figures.add(as(shop, () -> (Object) reports.byPaymentMethod(period)));
            figures.add(as(shop, () -> (Object) reports.bySeller(period)));
            figures.add(as(shop, () -> (Object) reports.byLocation(period)));
        }
        return figures;
    }

    /** A completed sale of one to three items, paid in one or two methods, dated in the last ten days. */
    private JsonNode sell(Shop shop, Random random, UUID location, List<UUID> items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
            lines.add(Map.of("itemId", items.get(random.nextInt(items.size())), "quantity", 1 + random.nextInt(5)));
        }
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("locationId", location);
        sale.put("lines", lines);
        sale.put("complete", false);
        JsonNode pending = post(shop, "/api/v1/sales", sale);
        BigDecimal total = pending.get("total").decimalValue();
        BigDecimal card = total.multiply(BigDecimal.valueOf(random.nextInt(2) * random.nextInt(100)))
                .movePointLeft(2).setScale(2, java.math.RoundingMode.DOWN);
        List<Map<String, Object>> payments = new ArrayList<>();
        if (card.signum() > 0) {
            payments.add(Map.of("method", "card", "amount", card));
        }
        payments.add(Map.of("method", random.nextBoolean() ? "cash" : "transfer", "amount", total.subtract(card)));
        JsonNode done = post(shop, "/api/v1/sales/" + id(pending) + "/complete", Map.of("payments", payments));
        Instant at = Instant.now().minus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
        Map<String, Object> moved = new LinkedHashMap<>(Map.of("at", Timestamp.from(at), "id", UUID.fromString(id(done))));
        String seller = random.nextInt(4) == 0 ? ", user_id = NULL" : "";
        shop.sql("UPDATE sales SET sale_date = :at, completed_at = :at" + seller + " WHERE id = :id", moved);
        return done;
    }

    /** Part of the first line back, refunded in cash or card. */
    private void giveBack(Shop shop, Random random, JsonNode sale) {
        JsonNode line = sale.get("lines").get(0);
        int quantity = 1 + random.nextInt(line.get("quantity").asInt());
        post(shop, "/api/v1/sales/" + id(sale) + "/returns", Map.of("reason", "test",
                "refundMethod", random.nextBoolean() ? "cash" : "card",
                "lines", List.of(Map.of("saleLineId", line.get("id").asString(), "quantity", quantity))));
    }

    private JsonNode post(Shop shop, String path, Object body) {
        Api.Response response = api.post(shop.tenant.adminKey(), path, body);
        assertThat(response.status()).as(path + " " + response.body()).isBetween(200, 201);
        return response.json();
    }

    private static String id(JsonNode sale) {
        return sale.get("id").asString();
    }

    private static long sum(Shop shop, String sql) {
        return shop.query(sql, Map.of(), Long.class);
    }

    private static <T> T as(Shop shop, Supplier<T> work) {
        return TestFixtures.asUser(shop.tenant.id(), shop.tenant.adminId(), Set.of("*"), work);
    }
}
