package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A buyer in a real browser: scan two items into an order, send it, receive it in two deliveries. */
@BodegaTest
class PurchasingBrowserTest extends BrowserTestBase {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;

    @Test
    void scanAnOrderSendItAndReceiveItInTwoDeliveries() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID rope = buyer.item("ROPE-B1", "10", "5.00");
        UUID nails = buyer.item("NAIL-B2", "0", "0");
        buyer.sql("UPDATE items SET barcode = '7701234500001', name = 'Puntilla para bujía' WHERE id = :id",
                Map.of("id", nails));

        page.navigate("/login");
        page.fill("#company", buyer.tenant.slug());
        page.fill("#email", buyer.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");
        page.click("#nav-purchasing");
        page.click("#new-order");

        page.selectOption("#order-supplier", buyer.supplier.toString());
        page.selectOption("#order-location", buyer.warehouse.toString());
        page.locator("#order-code").focus();
        page.keyboard().type("rope-b1");
        page.keyboard().press("Enter");
        assertThat(page.locator("#order-line-0")).containsText("ROPE-B1");
        page.keyboard().type("NOPE-404");
        page.keyboard().press("Enter");
        assertThat(page.locator("#order-code-error")).containsText("NOPE-404");
        page.keyboard().type("2*puntila bujia");   // by name, no accent, a letter missing
        page.keyboard().press("Enter");
        assertThat(page.locator("#order-line-1")).containsText("NAIL-B2");
        assertThat(page.locator("#order-qty-1")).hasValue("2");
        page.keyboard().type("7701234500001");
        page.keyboard().press("Enter");
        assertThat(page.locator("#order-qty-1")).hasValue("3");
        page.fill("#order-qty-0", "10");
        page.fill("#order-cost-0", "8.00");
        page.fill("#order-cost-1", "0.40");
        page.click("#order-submit");

        assertThat(page.locator("#order-status")).hasText("Borrador");
        assertThat(page.locator("#order-total")).hasText("USD 81,20");
        page.click("#send-order");
        assertThat(page.locator("#order-status")).hasText("Enviado");

        page.fill("#receive-qty-1", "4");
        page.fill("#receive-qty-2", "");
        page.click("#receive-submit");
        assertThat(page.locator("#order-status")).hasText("Recibido en parte");
        assertThat(page.locator("#receipt-1")).containsText("ROPE-B1 × 4");
        assertThat(buyer.onHand(rope)).isEqualByComparingTo("14");

        // The form offers what is outstanding: 6 of the rope, 3 nails.
        assertThat(page.locator("#receive-qty-1")).hasValue("6");
        assertThat(page.locator("#receive-qty-2")).hasValue("3");
        page.click("#receive-submit");
        assertThat(page.locator("#order-status")).hasText("Recibido");
        assertThat(page.locator("#receipt-2")).containsText("NAIL-B2 × 3");
        assertThat(buyer.onHand(rope)).isEqualByComparingTo("20");
        assertThat(buyer.averageCost(rope)).isEqualByComparingTo("6.50");
        assertThat(buyer.onHand(nails)).isEqualByComparingTo("3");
    }
}
