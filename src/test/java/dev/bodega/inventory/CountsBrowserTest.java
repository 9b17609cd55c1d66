package dev.bodega.inventory;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician counts a shelf blind with a scanner on a phone (390 px): code, Enter, quantity, Enter; a manager
 * reviews the one difference and closes the count, which posts it.
 */
@BodegaTest
class CountsBrowserTest extends BrowserTestBase {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;

    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setViewportSize(390, 844).setHasTouch(true);
    }

    @Test
    void aBlindCountByScanningWithOneDifferencePosted() {
        var tenant = fixtures.tenant();
        UUID workshop = stock.location(tenant, "Taller");
        UUID brake = stock.item(tenant, "BRAKE-9", "pcs", BigDecimal.ZERO);
        UUID bell = stock.item(tenant, "BELL-9", "pcs", BigDecimal.ZERO);
        receive(tenant, workshop, brake, 10);
        receive(tenant, workshop, bell, 5);
        String technician = "tecnico@" + tenant.slug() + ".test";
        UUID technicianId = fixtures.user(tenant, technician, "technician");
        api.put(tenant.adminKey(), "/api/v1/locations/" + workshop + "/users", Map.of("userIds", List.of(technicianId)), Map.of());
        String manager = "gerente@" + tenant.slug() + ".test";
        fixtures.user(tenant, manager, "manager");

        logIn(tenant, technician);
        page.navigate("/inventory/counts");
        page.click("#new-count");
        page.selectOption("#count-location", workshop.toString());
        page.click("#count-open");
        assertThat(page.locator("#scan-title")).isVisible();

        // A keyboard-wedge scanner types the code and Enter: the cursor moves to the quantity, nothing is sent yet.
        page.fill("#count-code", "brake-9");
        page.press("#count-code", "Enter");
        assertThat(page.locator("#count-quantity")).isFocused();
        page.keyboard().type("8");
        page.keyboard().press("Enter");
        assertThat(page.locator("#scan-message")).containsText("BRAKE-9");
        assertThat(page.locator("#count-code")).isFocused();
        page.keyboard().type("BELL-9");
        page.keyboard().press("Enter");
        page.keyboard().type("5");
        page.keyboard().press("Enter");
        assertThat(page.locator(".counted-line")).hasCount(2);
        // Blind: what the system holds is nowhere on the counter's page, and the form fits the phone.
        assertThat(page.locator("main")).not().containsText("10");
        assertThat(page.locator("#scan-form").boundingBox().width).isLessThanOrEqualTo(390);

        page.click("#count-submit");
        assertThat(page.locator("#count-status")).hasText("En revisión");
        assertThat(page.locator(".line-difference")).hasCount(0);
        page.click("#menu-toggle"); // at phone width the account links fold behind the menu button
        page.click("#logout");

        logIn(tenant, manager);
        page.navigate("/inventory/counts");
        page.locator(".count-row a").first().click();
        assertThat(page.locator("#count-total-differences")).hasText("1");
        assertThat(page.locator(".count-line[data-sku='BRAKE-9'] .line-difference")).hasText("2");
        assertThat(page.locator(".count-line[data-sku='BRAKE-9'] .line-correction")).hasText("-2");
        assertThat(page.locator(".count-line[data-sku='BELL-9'] .line-difference")).hasText("0");
        page.onceDialog(dialog -> dialog.accept());
        page.click("#count-close");
        assertThat(page.locator("#count-status")).hasText("Cerrado");
        page.click("#count-posting");
        assertThat(page.locator(".ledger-row")).hasCount(1);
        assertThat(page.locator(".ledger-row .row-after")).hasText("8");

        assertThat(stock.onHand(tenant, workshop, brake)).isEqualByComparingTo("8");
        assertThat(stock.onHand(tenant, workshop, bell)).isEqualByComparingTo("5");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        var received = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity))));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    private void logIn(TestFixtures.Tenant tenant, String email) {
        page.navigate("/login");
        page.fill("#company", tenant.slug());
        page.fill("#email", email);
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }
}
