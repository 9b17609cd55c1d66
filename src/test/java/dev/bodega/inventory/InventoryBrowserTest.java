package dev.bodega.inventory;

import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Receive by scanning, transfer part of it, read the kárdex: in Debian's Chromium, driven by Playwright. */
@BodegaTest
class InventoryBrowserTest extends BrowserTestBase {


    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;


    @Test
    void receiveByScanningTransferPartAndSeeTheKardex() {
        var tenant = fixtures.tenant();
        UUID central = stock.location(tenant, "Central");
        UUID workshop = stock.location(tenant, "Taller");
        logIn(tenant);

        // The item is created on the catalog's form, as a user would.
        page.click("#nav-catalog");
        page.navigate("/catalog/items/new");
        page.fill("#sku", "SCAN-1");
        page.fill("#name", "Tornillo de prueba");
        page.selectOption("#unitCode", "pcs");
        page.click("#item-save");
        assertThat(page.locator("#item-extra .item-stock-table")).isVisible();
        UUID item = stock.itemId(tenant, "SCAN-1");

        page.click("#nav-inventory");
        page.click("#nav-inventory-receive");
        page.selectOption("#movement-location", central.toString());
        // A keyboard-wedge scanner types the code and Enter: the line is added, the form is not submitted.
        page.fill("#scan-code", "scan-1");
        page.press("#scan-code", "Enter");
        assertThat(page.locator("#lines-body tr")).hasCount(1);
        page.fill("#scan-code", "SCAN-1");
        page.press("#scan-code", "Enter");
        assertThat(page.locator("#lines-body .line-quantity")).hasValue("2");
        assertThat(page.locator("#lines-body tr")).hasCount(1);
        page.fill("#scan-code", "NOT-A-CODE");
        page.press("#scan-code", "Enter");
        assertThat(page.locator("#scan-error")).containsText("NOT-A-CODE");
        // Three quick scans, each sent before the previous answer: all three count.
        page.locator("#scan-code").pressSequentially("SCAN-1\nSCAN-1\nSCAN-1\n");
        assertThat(page.locator("#lines-body .line-quantity")).hasValue("5");
        assertThat(page.locator("#receive-form")).isVisible();

        page.fill("#lines-body .line-quantity", "10");
        page.fill("#lines-body .line-cost", "4,50");
        page.click("#movement-submit");
        assertThat(page.locator("#posting-message")).isVisible();
        assertThat(page.locator(".ledger-row")).hasCount(1);
        assertThat(page.locator(".ledger-row .row-after")).hasText("10");

        page.click("#nav-inventory-transfer");
        page.selectOption("#movement-location", central.toString());
        page.selectOption("#movement-to-location", workshop.toString());
        page.fill("#scan-code", "SCAN-1");
        page.press("#scan-code", "Enter");
        page.fill("#lines-body .line-quantity", "4");
        page.click("#movement-submit");
        assertThat(page.locator(".ledger-row")).hasCount(2);

        page.locator(".ledger-row a").first().click();
        assertThat(page.locator("#kardex-title")).containsText("SCAN-1");
        assertThat(page.locator(".kardex-row")).hasCount(3);
        // The stock panel (the fragment the catalog's item page includes) loads itself with htmx.
        assertThat(page.locator(".item-stock-table tbody tr")).hasCount(2);
        assertThat(page.locator(".kardex-row .overall-balance").last()).hasText("10");
        page.selectOption("#kardex-location", workshop.toString());
        page.click("#kardex-filter");
        assertThat(page.locator(".kardex-row")).hasCount(1);
        assertThat(page.locator(".kardex-row .location-balance")).hasText("4");

        assertThat(stock.onHand(tenant, central, item)).isEqualByComparingTo("6");
        assertThat(stock.onHand(tenant, workshop, item)).isEqualByComparingTo("4");
    }

    private void logIn(TestFixtures.Tenant tenant) {
        page.navigate("/login");
        page.fill("#company", tenant.slug());
        page.fill("#email", tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }
}
