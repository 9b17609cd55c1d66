package dev.bodega.sales;

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

/** The till in a real browser, with the keyboard only: scan two items, pay cash with change, get the receipt. */
@BodegaTest
class PosBrowserTest extends BrowserTestBase {


    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;


    @Test
    void ringUpATwoLineSaleWithTheKeyboardPayCashAndPrintTheReceipt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID hammer = shop.item("HAM-01", "23.80", "10", "12.00");
        UUID nails = shop.item("NAIL-100", "4.76", "50", "2.00");
        shop.sql("UPDATE items SET barcode = '7701234567890' WHERE id = :id", Map.of("id", nails));
        shop.customer("71717171", "Rocío Cliente");

        page.navigate("/login");
        page.fill("#company", shop.tenant.slug());
        page.fill("#email", shop.tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        page.waitForURL("**/");
        page.navigate("/pos");

        // A scanner types the code and Enter; "3*" before a code sells three.
        page.locator("#pos-scan").focus();
        page.keyboard().type("ham-01");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-line-0")).containsText("HAM-01");
        page.keyboard().type("3*7701234567890");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-line-1")).containsText("NAIL-100");
        assertThat(page.locator("#pos-qty-1")).hasValue("3");
        assertThat(page.locator("#pos-total")).hasText("38.08");     // 23.80 + 3 × 4.76
        assertThat(page.locator("#pos-tax")).hasText("6.08");

        page.keyboard().press("F4");
        page.keyboard().type("Rocío");
        assertThat(page.locator("#pos-customer-option-0")).containsText("71717171");
        page.keyboard().press("Enter");
        assertThat(page.locator("#pos-customer-selected")).containsText("Rocío Cliente");

        page.keyboard().press("F8");
        page.keyboard().type("50");
        assertThat(page.locator("#pos-change")).hasText("11.92");
        page.keyboard().press("Enter");

        page.waitForURL("**/sales/*/receipt?new");
        assertThat(page.locator("#receipt-invoice")).hasText("F001-00000001");
        assertThat(page.locator("#receipt-total")).hasText("USD 38,08");
        assertThat(page.locator("#receipt-change")).hasText("11,92");
        assertThat(page.locator("#receipt-lines")).containsText("Item NAIL-100");
        assertThat(page.locator("#receipt-print")).isVisible();
        assertThat(shop.onHand(hammer)).isEqualByComparingTo("9");
        assertThat(shop.onHand(nails)).isEqualByComparingTo("47");
        assertThat(shop.query("SELECT purchase_count FROM customers", Map.of(), Integer.class)).isEqualTo(1);
    }
}
