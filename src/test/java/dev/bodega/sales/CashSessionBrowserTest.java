package dev.bodega.sales;

import com.microsoft.playwright.Browser;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A shop's day at the till on a phone (390 × 844): open the cash session, sell in cash, take cash out, count, Z report. */
@BodegaTest
class CashSessionBrowserTest extends BrowserTestBase {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(390, 844);
    }

    @Test
    void openSellTakeOutCountAndReadTheZReportOnAPhone() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID hammer = shop.item("HAM-01", "12.50", "10", "6.00");
        page.navigate("/login");
        page.fill("#company", shop.tenant.slug());
        page.fill("#email", shop.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");

        page.navigate("/cash-sessions");
        page.fill("#cash-open-float", "50");
        page.click("#cash-open-submit");
        assertThat(page.locator("#cash-session-status")).hasText("Abierta");
        assertThat(page.locator("#cash-expected")).hasText("USD 50,00");
        assertNoSidewaysScroll();

        page.navigate("/pos");
        assertThat(page.locator("#pos-cash-state")).hasText("Caja 1 abierta en Tienda centro");
        shop.sell(null, Shop.lines(hammer, 2));      // 25.00 in cash, as the till sells
        page.click("#pos-cash-link");
        assertThat(page.locator("#cash-sales")).hasText("25,00");
        assertThat(page.locator("#cash-expected")).hasText("USD 75,00");

        page.selectOption("#cash-move-kind", "out");
        page.fill("#cash-move-amount", "10");
        page.fill("#cash-move-reason", "Café para la tienda");
        page.click("#cash-move-submit");
        assertThat(page.locator("#cash-message")).hasText("Movimiento registrado.");
        assertThat(page.locator("#cash-expected")).hasText("USD 65,00");
        assertNoSidewaysScroll();

        page.fill("#cash-count-20", "3");
        page.fill("#cash-count-1", "4");
        assertThat(page.locator("#cash-counted-live")).hasText("64,00");
        page.click("#cash-close-submit");
        page.waitForURL("**/z-report");
        assertThat(page.locator("#z-title")).hasText("Informe Z 1");
        assertThat(page.locator("#z-sales-count")).hasText("1");
        assertThat(page.locator("#z-cash-sales")).hasText("+25,00");
        assertThat(page.locator("#z-cash-out")).hasText("−10,00");
        assertThat(page.locator("#z-expected")).hasText("65,00");
        assertThat(page.locator("#z-counted")).hasText("64,00");
        assertThat(page.locator("#z-difference")).hasText("-1,00");
        assertThat(page.locator("#z-print")).isVisible();
        assertNoSidewaysScroll();
    }

    private void assertNoSidewaysScroll() {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width at 390 px: " + page.url()).isLessThanOrEqualTo(390);
    }
}
