package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard carries its cards and its charts' data; the report pages render in both languages. */
@BodegaTest
class SalesDashboardPagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void theDashboardShowsTodayTheLowStockCountAndTheChartsData() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID drill = shop.item("DASH-DRILL", "40.00", "10", "20.00");
        UUID tape = shop.item("DASH-TAPE", "2.50", "100", "1.00");
        UUID low = stock.item(shop.tenant, "DASH-LOW", "pcs", new BigDecimal("5"));
        shop.receive(shop.store, low, "2", "1.00");
        shop.sell(null, Shop.lines(drill, 1, tape, 4));
        shop.sell(null, Shop.lines(tape, 2));
        WebSession browser = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(), TestFixtures.PASSWORD);

        var page = browser.get("/sales/dashboard");
        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("id=\"nav-reports\"", "/webjars/chart.js/", "/dist/chart.umd.min.js", "/js/sales-dashboard.js",
                "<strong id=\"today-count\">2</strong>", "<strong id=\"today-total\">55,00</strong>",
                "<strong id=\"today-average\">27,50</strong>", "<strong id=\"low-stock-count\">1</strong>",
                "href=\"/inventory/low-stock\"", "Panel de ventas");
        assertThat(html).doesNotContain("??");

        JsonNode perDay = chart(html, "chart-per-day");
        assertThat(perDay.get("labels")).hasSize(30);
        assertThat(perDay.get("labels").get(29).asString()).isEqualTo(fixtures.today(shop.tenant)
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(perDay.get("locale").asString()).isEqualTo("es");
        assertThat(perDay.get("totals").get(29).decimalValue()).isEqualByComparingTo("55.00");
        assertThat(perDay.get("counts").get(29).asLong()).isEqualTo(2);
        assertThat(perDay.get("counts").get(28).asLong()).isZero();
        assertThat(perDay.get("totalLabel").asString()).isEqualTo("Total (USD)");
        JsonNode top = chart(html, "chart-top-items");
        assertThat(top.get("labels").get(0).asString()).isEqualTo("DASH-TAPE · Item DASH-TAPE");
        assertThat(top.get("quantities").get(0).decimalValue()).isEqualByComparingTo("6");
        assertThat(top.get("labels").get(1).asString()).startsWith("DASH-DRILL");

        String english = browser.get("/sales/dashboard?lang=en").body();
        assertThat(chart(english, "chart-per-day").get("locale").asString()).isEqualTo("en");
        assertThat(english).contains("Sales dashboard", "Sold today", "Low stock",
                "<strong id=\"today-total\">55.00</strong>")
                .doesNotContain("??");
    }

    @Test
    void theDashboardApiLeavesTheLowStockCountToThoseWhoMaySeeStock() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("DASH-API", "3.00", "10", "1.00");
        shop.sell(null, Shop.lines(item, 3));
        JsonNode all = api.get(shop.tenant.adminKey(), "/api/v1/reports/sales-dashboard").json();
        assertThat(all.get("today").get("total").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(all.get("perDay").get("days")).hasSize(30);
        assertThat(all.get("topByRevenue").get("items").get(0).get("sku").asString()).isEqualTo("DASH-API");
        assertThat(all.get("lowStock").asLong()).isZero();

        String salesOnly = fixtures.apiKey(shop.tenant, shop.tenant.adminId(), Set.of("*"), List.of("sales.read"));
        JsonNode limited = api.get(salesOnly, "/api/v1/reports/sales-dashboard").json();
        assertThat(limited.get("today").get("count").asLong()).isEqualTo(1);
        assertThat(limited.has("lowStock")).isFalse();
    }

    @Test
    void reportPagesWithAPeriodFilter() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("REP-1", "8.00", "10", "4.00");
        UUID customer = shop.customer("REP-C", "Renata");
        JsonNode sale = shop.sell(customer, Shop.lines(item, 2));
        WebSession browser = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(), TestFixtures.PASSWORD);
        String today = fixtures.today(shop.tenant).toString();

        var reports = browser.get("/sales/reports?from=" + today + "&to=" + today);
        assertThat(reports.status()).isEqualTo(200);
        assertThat(reports.body()).contains("id=\"period-from\" value=\"" + today + "\"", "<strong id=\"summary-count\">1</strong>",
                "<strong id=\"summary-total\">16,00</strong>", "id=\"method-cash\"", "REP-1", "Tienda centro",
                "/api/v1/sales.csv?from=" + today + "&amp;to=" + today).doesNotContain("??");
        var invalid = browser.get("/sales/reports?from=2026-02-01&to=2026-01-01");
        assertThat(invalid.body()).contains("id=\"period-error\"");
        var lines = browser.get("/sales/reports/sales?from=" + today + "&to=" + today);
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.body()).contains("F001-00000001", "Renata", "2 × Item REP-1 @ 8,00",
                "1 venta · total USD 16,00 · ticket promedio USD 16,00").doesNotContain("??");

        var detail = browser.get("/sales/" + sale.get("id").asString());
        assertThat(detail.body()).contains("id=\"invoice-pdf-link\"", "/api/v1/sales/" + sale.get("id").asString() + "/invoice.pdf");
        assertThat(browser.get("/sales").body()).contains("id=\"open-dashboard\"", "id=\"sales-export-csv\"");
        assertThat(browser.get("/sales/reports?lang=en").body()).contains("By payment method", "Top 10 by revenue")
                .doesNotContain("??");
        assertThat(browser.get("/sales/reports/sales").body()).contains("1 sale · total USD 16.00").doesNotContain("??");
    }

    /** The JSON a canvas carries in its data-chart attribute. */
    private static JsonNode chart(String html, String canvasId) {
        Matcher matcher = Pattern.compile("<canvas id=\"" + canvasId + "\"[^>]*data-chart=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("canvas " + canvasId).isTrue();
        return JSON.readTree(HtmlUtils.htmlUnescape(matcher.group(1)));
    }
}
