package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser, Chart.js draws the dashboard's two charts from the page's data. */
@BodegaTest
class SalesDashboardBrowserTest extends BrowserTestBase {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;

    @Test
    void theChartsAreDrawnWithTheLast30DaysAndTheTopItems() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID glue = shop.item("CHART-GLUE", "6.00", "50", "3.00");
        UUID brush = shop.item("CHART-BRUSH", "4.00", "50", "2.00");
        shop.sell(null, Shop.lines(glue, 3, brush, 1));
        shop.sell(null, Shop.lines(brush, 1));

        page.navigate("/login");
        page.fill("#company", shop.tenant.slug());
        page.fill("#email", shop.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");
        page.click("#nav-reports");
        page.waitForURL("**/sales/dashboard");
        assertThat(page.locator("#today-count")).hasText("2");
        assertThat(page.locator("#today-total")).hasText("26,00");

        page.waitForFunction("() => window.Chart && Chart.getChart('chart-per-day') && Chart.getChart('chart-top-items')");
        Object days = page.evaluate("() => Chart.getChart('chart-per-day').data.labels.length");
        Object todayTotal = page.evaluate("() => { const c = Chart.getChart('chart-per-day'); return c.data.datasets[0].data[29]; }");
        Object todayCount = page.evaluate("() => Chart.getChart('chart-per-day').data.datasets[1].data[29]");
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) page.evaluate(
                "() => Chart.getChart('chart-top-items').data.labels.map(l => [].concat(l).join(' '))");
        Object locale = page.evaluate("() => Chart.getChart('chart-per-day').options.locale");
        Object drawn = page.evaluate("() => document.getElementById('chart-per-day').width > 0");
        assertThat(days).isEqualTo(30);
        assertThat(((Number) todayTotal).doubleValue()).isEqualTo(26.0);
        assertThat(todayCount).isEqualTo(2);
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isEqualTo("CHART-GLUE · Item CHART-GLUE"); // whole: long names wrap, not cut
        assertThat(locale).isEqualTo("es");
        assertThat(drawn).isEqualTo(true);
    }
}
