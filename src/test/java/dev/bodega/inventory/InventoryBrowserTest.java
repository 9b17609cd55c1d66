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
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;


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

    /**
     * A workshop user fills the cart and requests; a warehouse user picks and dispatches; the workshop receives
     * one line short; the trace shows every step and the shortage is on the ledger, written off from transit.
     */
    @Test
    void aWorkshopRequestsTheWarehouseDispatchesAndOneLineArrivesShort() {
        var tenant = fixtures.tenant();
        UUID central = stock.location(tenant, "Central");
        UUID workshop = stock.location(tenant, "Taller");
        UUID motor = stock.item(tenant, "REQ-MOTOR", "pcs", java.math.BigDecimal.ZERO);
        UUID brake = stock.item(tenant, "REQ-BRAKE", "pcs", java.math.BigDecimal.ZERO);
        for (UUID item : java.util.List.of(motor, brake)) {
            assertThat(api.post(tenant.adminKey(), "/api/v1/stock/receipts", java.util.Map.of("locationId", central,
                    "lines", java.util.List.of(java.util.Map.of("itemId", item, "quantity", 10, "unitCost", 5)))).status())
                    .isEqualTo(201);
        }
        String mechanic = "taller@" + tenant.slug() + ".test";
        UUID mechanicId = fixtures.user(tenant, mechanic, "technician");
        String keeper = "bodega@" + tenant.slug() + ".test";
        fixtures.user(tenant, keeper, "manager");
        api.put(tenant.adminKey(), "/api/v1/locations/" + workshop + "/users",
                java.util.Map.of("userIds", java.util.List.of(mechanicId)), java.util.Map.of());

        logIn(tenant.slug(), mechanic);
        page.click("#nav-requests");
        page.click("#cart-link");
        page.selectOption("#cart-destination", workshop.toString());
        page.fill("#cart-code", "REQ-MOTOR");
        page.fill("#cart-quantity", "2");
        page.click("#cart-add-button");
        page.fill("#cart-code", "req-brake");
        page.fill("#cart-quantity", "3");
        page.click("#cart-add-button");
        assertThat(page.locator(".cart-lines tbody tr")).hasCount(2);
        page.selectOption(".cart-origin", central.toString());
        page.fill(".cart-notes", "Orden 4471");
        page.click(".cart-order-button");
        assertThat(page.locator("#request-status")).hasAttribute("data-status", "PENDIENTE");
        String request = page.url();
        logOut();

        logIn(tenant.slug(), keeper);
        page.navigate(request);
        page.click("#start-picking");
        assertThat(page.locator("#request-status")).hasAttribute("data-status", "ALISTAMIENTO");
        page.click("#save-picking");
        page.fill("#transport-guide", "TCC-100");
        page.click("#dispatch");
        assertThat(page.locator("#request-status")).hasAttribute("data-status", "DESPACHADO");
        assertThat(page.locator("#request-guide")).hasText("TCC-100");
        logOut();

        logIn(tenant.slug(), mechanic);
        page.navigate(request);
        page.fill("#received-REQ-BRAKE", "2");
        page.click("#receive");
        assertThat(page.locator("#request-problem")).isVisible();
        assertThat(page.locator("#request-status")).hasAttribute("data-status", "DESPACHADO");
        page.fill("#received-REQ-BRAKE", "2");
        page.fill("#reason-REQ-BRAKE", "Una caja llegó abierta");
        page.click("#receive");
        assertThat(page.locator("#request-status")).hasAttribute("data-status", "RECIBIDO");
        assertThat(page.locator("#request-trace tbody tr")).hasCount(4);
        assertThat(page.locator("#request-trace tbody tr").last()).hasAttribute("data-to", "RECIBIDO");
        assertThat(page.locator("#line-REQ-BRAKE .received")).hasText("2");
        assertThat(page.locator("#line-REQ-BRAKE .discrepancy")).hasText("Una caja llegó abierta");
        page.click("#line-REQ-BRAKE .adjustment-link");
        assertThat(page.locator("#adjustment-status")).hasAttribute("class", "pill posted");

        UUID transit = stock.asAdmin(tenant, () -> jdbc.sql("SELECT id FROM locations WHERE kind = 'transit'")
                .query(UUID.class).single());
        assertThat(stock.onHand(tenant, workshop, motor)).isEqualByComparingTo("2");
        assertThat(stock.onHand(tenant, workshop, brake)).isEqualByComparingTo("2");
        assertThat(stock.onHand(tenant, central, brake)).isEqualByComparingTo("7");
        assertThat(stock.onHand(tenant, transit, brake)).isEqualByComparingTo("0");
        assertThat(stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT quantity FROM stock_ledger WHERE location_id = :transit AND movement_type = 'adjustment'""")
                .param("transit", transit).query(java.math.BigDecimal.class).single())).isEqualByComparingTo("-1");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    private void logIn(String company, String email) {
        page.navigate("/login");
        page.fill("#company", company);
        page.fill("#email", email);
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }

    private void logOut() {
        page.click("#logout");
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
